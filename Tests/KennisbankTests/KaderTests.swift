import Diagnostics
import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Kader domain and indicator notation")
struct KaderTests {
    @Test func indicatorIDs() {
        #expect(IndicatorID("P1.05")?.description == "P1.05")
        #expect(IndicatorID("P1.05")?.anchor == "p1-05")
        #expect(IndicatorID("S.03")?.part == .samenwerking)
        #expect(IndicatorID("K.02")?.number == 2)
        for bad in ["P9.01", "P1.5", "P1.005", "p1.05", "X.01", "P1-05", "P1.00", "S.1a"] {
            #expect(IndicatorID(bad) == nil, "\(bad) accepted")
        }
        #expect(PartID.all.map(\.description) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "S", "K"])
    }

    /// Parses one kader part file the way the generator does and builds a kader from it.
    private func problems(in text: String, version: String? = "2025") -> [String] {
        let (source, loadProblems) = SourceLoader.parse(text, path: "kader/p1.md", displayPath: "content/kader/p1.md",
                                                        folders: LoadRules(kader: "kader"))
        let draft = source?.kaderPart
        let (_, buildProblems) = KaderBuilder.build(version: version, versionLine: 3, indexFile: "content/kader/_index.md",
                                                    parts: draft.map { [$0] } ?? [])
        return (loadProblems + buildProblems).filter { !$0.message.hasPrefix("the kader has no part") }.sorted().map(\.description)
    }

    @Test func readsTheNotationFromTheAST() throws {
        let text = """
        ---
        title: Huisvesting
        part: P1
        ---
        Inleiding.

        ### P1.01 Eerste

        Tekst *met* [link](../x.md).

        **Partijen:** gemeente, woningcorporatie

        ## Een groep

        ### P1.02 Tweede

        - ook een lijst telt als tekst
        """
        let (source, problems) = SourceLoader.parse(text, path: "kader/p1.md", displayPath: "content/kader/p1.md",
                                                    folders: LoadRules(kader: "kader"))
        #expect(problems.isEmpty)
        let draft = try #require(source?.kaderPart)
        #expect(draft.indicators.map(\.idText) == ["P1.01", "P1.02"])
        #expect(draft.indicators.map(\.title) == ["Eerste", "Tweede"])
        #expect(draft.indicators.map(\.group) == [nil, "Een groep"])
        #expect(draft.indicators.map(\.line) == [7, 15])
        #expect(draft.indicators[0].parties == ["gemeente", "woningcorporatie"])
        let allHaveText = draft.indicators.allSatisfy { $0.hasText }
        #expect(allHaveText)
        #expect(source?.headings.map(\.id) == ["p1-01", "een-groep", "p1-02"])
        let (kader, buildProblems) = KaderBuilder.build(version: "2025", versionLine: 1, indexFile: "i.md", parts: [draft])
        #expect(buildProblems.count == 9)  // the nine other parts are missing
        #expect(kader.part(.principle(1))?.indicators.first?.parties == [.gemeente, .woningcorporatie])
    }

    @Test func malformedIndicatorsAreReportedWithTheirLines() {
        let text = """
        ---
        title: Huisvesting
        part: P1
        ---
        ### P1.01 Eerste

        Tekst.

        ### P1.01 Dubbel

        Tekst.

        ### P2.03 Verkeerd onderdeel

        Tekst.

        ### P1.04 Zonder tekst

        ### P1.05

        Tekst zonder titel.

        ### Geen ID

        Tekst.

        ### P1.06 Partij

        Tekst.

        **Partijen:** gemeenten, de buren
        """
        #expect(problems(in: text) == [
            "content/kader/p1.md:9:1: error: duplicate indicator ID P1.01; it is also used at content/kader/p1.md:5; give this indicator a new, unused number",
            "content/kader/p1.md:13:1: error: indicator P2.03 stands in part P1; its ID must start with `P1.` (IDs never move between parts)",
            "content/kader/p1.md:17:1: error: indicator P1.04 has no text; write its statement in a paragraph under the heading",
            "content/kader/p1.md:19:1: error: indicator P1.05 has no short title; write a few words after the ID, such as `### P1.05 Eigen huurcontract`",
            "content/kader/p1.md:23:1: error: an indicator heading must start with its ID, such as `### P1.05 Korte titel`; found `Geen`",
            "content/kader/p1.md:31:1: error: unknown party `de buren` for indicator P1.06; use zorgorganisatie, woningcorporatie or gemeente",
            "content/kader/p1.md:31:1: error: unknown party `gemeenten` for indicator P1.06; did you mean `gemeente`?",
        ])
    }

    @Test func partsMustBeValidCompleteAndInOrder() {
        func draft(_ part: String?, file: String) -> PartDraft {
            PartDraft(file: file, source: file, partText: part, partLine: 3, title: "T",
                      indicators: [])
        }
        let (kader, problems) = KaderBuilder.build(
            version: nil, versionLine: nil, indexFile: "content/kader/_index.md",
            parts: [draft("P2", file: "b.md"), draft("P1", file: "a.md"), draft("P2", file: "c.md"), draft("P12", file: "d.md")]
                + PartID.all.dropFirst(2).dropLast().map { draft($0.description, file: "\($0).md") })
        let lines = problems.sorted().map(\.description)
        #expect(lines.contains("a.md:3:1: error: part P1 comes after part P2, but the kader's order is P1 to P8, S, K; set `order: 1` in the front matter"))
        #expect(lines.contains("c.md:3:1: error: part P2 is defined twice; it is also defined in b.md"))
        #expect(lines.contains("d.md:3:1: error: `part` is `P12`; it must be one of P1 to P8 (the principles), S (Samenwerking) or K (Kwaliteitsbewaking)"))
        #expect(lines.contains("content/kader/_index.md:1:1: error: the kader has no part K; add a page with `part: K` to the kader folder"))
        #expect(lines.contains("content/kader/_index.md:1:1: error: the kader has no version; add `version: \"2025\"` to the front matter of this page"))
        #expect(kader.parts.map(\.id.description) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "S"])
    }

    @Test func partOutsideTheKaderFolderWarns() {
        let (_, problems) = SourceLoader.parse("---\ntitle: T\npart: P1\n---\n", path: "elders/x.md",
                                               displayPath: "content/elders/x.md", folders: LoadRules(kader: "kader"))
        #expect(problems.map(\.description) == [
            "content/elders/x.md:3:1: warning: `part` is only used by pages in the kader folder (`kader/`) and is ignored here",
        ])
    }

    @Test func aBrokenKaderFailsTheBuildWithItsDiagnostics() throws {
        var files = minimalSite
        files["kader/_index.md"] = "---\ntitle: Kader\nversion: \"2025\"\n---\nHet kader.\n"
        files["kader/p1.md"] = "---\ntitle: Een\npart: P1\nprinciple: ../sectie/bestaat-niet.md\n---\n### P1.01 Iets\n\nTekst.\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        let report = project.check()
        let lines = project.lines(report)
        #expect(lines.contains { $0.hasPrefix("content/kader/p1.md:4:1: error: `principle`: broken link: `../sectie/bestaat-niet.md` does not exist") })
        #expect(lines.contains("content/kader/_index.md:1:1: error: the kader has no part K; add a page with `part: K` to the kader folder"))
        #expect(!report.succeeded)
    }
}

@Suite("Kader forms without WeasyPrint")
struct FormsWithoutPDFTests {
    @Test func buildWarnsOnceAndWritesHTMLFormsWithoutPDFLinks() throws {
        let project = try TestProject(files: minimalKaderSite)
        defer { project.remove() }
        var options = project.options
        options.makePDFs = true
        options.programSearchPath = project.root.appendingPathComponent("no-programs-here").path
        let report = SiteBuilder.build(options)
        #expect(report.succeeded)
        #expect(report.diagnostics.warnings.count == 1)
        #expect(report.diagnostics.warnings.first?.message.hasPrefix("WeasyPrint is not installed") == true)
        #expect(report.forms == 13 && report.pdfs == 0)
        let written = filesBelow(project.root.appendingPathComponent("_site/kader/formulieren")).keys.sorted()
        // The 13 forms and the two pages of the session's journey (sessie-starten.html, bundelen.html).
        #expect(written.count == 15)
        #expect(written.allSatisfy { $0.hasSuffix(".html") })
        let overview = try project.output("kader/index.html")
        #expect(!overview.contains(".pdf"))
        #expect(overview.contains("href=\"../kader/formulieren/kwaliteitskader.html\""))
        #expect(!(try project.output("kader/formulieren/p1.html")).contains(".pdf"))

        // Leaving the PDFs out on purpose (`--no-pdf`) gives no warning.
        options.makePDFs = false
        let quiet = SiteBuilder.build(options)
        #expect(quiet.succeeded && quiet.diagnostics.items.isEmpty)
    }
}
