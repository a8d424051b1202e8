import Foundation
@testable import Kennisbank
import Kader
import KennisbankMarkdown
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Filling in the kader in a real browser", .serialized)
struct BrowserTests {
    /// Runs Tests/browser/fill_in.py (selenium, headless Chromium) on the shipped site, then checks
    /// the file the page saved with the same validation as `kennisbank check`, and reads it with
    /// the site's own reader: every status, text, organisation and plan row is what the script
    /// entered through the page (`entered.json`, written next to the saved file).
    @Test func fillReloadSaveAndOpen() async throws {
        let site = ShippedSite.shared
        #expect(site.report.wroteOutput)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-browser-\(UUID().uuidString)")
        let downloads = work.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let handwritten = work.appendingPathComponent("handwerk.md")
        try Data("""
        ---
        praktijk: Housing First Handwerk
        datum: 2025-02-01
        code: abcdefghij12
        ---
        ## P1.05 Verspreid wonen

        **Kleurscore:** oranje

        ### Reflectie

        Het aandeel in één complex is te hoog.
        """.utf8).write(to: handwritten)

        let result = try await runBrowserScript("fill_in.py", site.output.path, downloads.path, handwritten.path)
        #expect(result.status == 0, "browser test failed (run scripts/setup.sh --test for Chromium and selenium):\n\(result.output)")
        #expect(result.output.contains("ok: the page made no network request"))

        // The saved file passes the same checks as `kennisbank check`, in a copy of the shipped content.
        let saved = downloads.appendingPathComponent("zelfevaluatie-housing-first-proef-2025-04-02.md")
        let text = try String(contentsOf: saved, encoding: .utf8)
        #expect(text.contains("**Kleurscore:** niet op orde"))
        let project = try TestProject(files: [:])
        defer { project.remove() }
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        try FileManager.default.copyItem(at: saved, to: content.appendingPathComponent("zelfevaluaties/proef.md"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("kennisbank.yml"),
                                         to: project.root.appendingPathComponent("kennisbank.yml"))
        let report = project.check()
        #expect(report.diagnostics.errors.isEmpty && report.diagnostics.warnings.isEmpty, "\(project.lines(report))")
        #expect(report.diagnostics.notes.contains { $0.file.hasSuffix("proef.md") && $0.message.hasPrefix("80 of 83 indicators are open") })

        let entered = try JSONDecoder().decode(Entered.self, from: Data(contentsOf: downloads.appendingPathComponent("entered.json")))
        try expectReadsAsEntered(try Data(contentsOf: saved), entered: entered)
    }

    /// What `fill_in.py` entered through the page. A status is the key of the radio button the
    /// script chose by its label (nil: "Nog open").
    private struct Entered: Decodable {
        struct Organisation: Decodable { var name: String; var role: String }
        struct Texts: Decodable { var status: String?; var reflection: String; var actions: String }
        struct Action: Decodable { var what: String; var who: String; var when: String; var goal: String; var indicators: String }
        var practice: String
        var region: String
        var date: String
        var facilitator: String
        var visibility: String
        var organisations: [Organisation]
        var indicators: [String: Texts]
        var plan: [Action]
    }

    /// Reads the saved file as the build does and compares it with what was entered.
    private func expectReadsAsEntered(_ saved: Data, entered: Entered) throws {
        let kader = try #require(shippedKader())
        let (read, diagnostics) = SourceReaders.assessment(saved, kader: kader)
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics)")
        let assessment = try #require(read)
        #expect(assessment.practice == entered.practice)
        #expect(assessment.region == entered.region)
        #expect(assessment.date.description == entered.date)
        #expect(assessment.facilitator == entered.facilitator)
        #expect(assessment.visibility.rawValue == entered.visibility)
        #expect(assessment.organisations == entered.organisations.map { Organisation(name: $0.name, role: Role(rawValue: $0.role)!) })

        // Every indicator entered, and no other, with its status.
        #expect(Set(assessment.scores.keys.map(\.description)) == Set(entered.indicators.keys))
        for (id, texts) in entered.indicators {
            let indicator = try #require(IndicatorID(id))
            #expect(assessment.status(indicator)?.rawValue == texts.status, "the status of \(id)")
            #expect(assessment.scores[indicator]?.hasReflection == !texts.reflection.isEmpty, "whether \(id) has a reflection")
            #expect(assessment.scores[indicator]?.hasActions == !texts.actions.isEmpty, "whether \(id) has actions")
        }

        // Every reflection and action, exactly as the result page renders it.
        let (source, _) = SourceLoader.parse(data: saved, path: "zelfevaluaties/proef.md", displayPath: "content/zelfevaluaties/proef.md",
                                             folders: LoadRules(onlyAssessments: true))
        let loaded = try #require(source)
        let shown = AssessmentContexts.texts(segments: loaded.document.renderSegments(), roles: loaded.assessmentRoles)
        for (id, texts) in entered.indicators {
            let indicator = try #require(IndicatorID(id))
            #expect((shown[indicator]?.reflection ?? "") == rendered(typed: texts.reflection), "the reflection of \(id)")
            #expect((shown[indicator]?.actions ?? "") == rendered(typed: texts.actions), "the actions of \(id)")
        }

        // Every plan row, in order.
        let plan = entered.plan.map { action in
            PlanEntry(what: action.what, who: planValue(typed: action.who), when: planValue(typed: action.when), goal: planValue(typed: action.goal),
                      indicators: action.indicators.split(separator: ",").compactMap { IndicatorID($0.trimmingCharacters(in: .whitespaces)) })
        }
        #expect(assessment.plan == plan)
    }

    /// How the result page shows a text typed into a field of the form: as that text alone would
    /// render as Markdown (headings and all; the file's writer keeps them from ending the
    /// indicator's section).
    private func rendered(typed: String) -> String {
        guard !typed.isEmpty else { return "" }
        let document = MarkdownDocument(typed.trimmingCharacters(in: .whitespacesAndNewlines))
        document.convertRawHTMLToText()
        return document.renderHTML()
    }

    /// How the site reads a value typed into a field of a plan row: as typed (the writer
    /// escapes what Markdown would read otherwise); nil when nothing was typed.
    private func planValue(typed: String) -> String? {
        typed.isEmpty ? nil : typed
    }

    /// The shipped kader, read on its own.
    private func shippedKader() -> Kader? {
        let root = repositoryRoot.path
        let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                                   config: "\(root)/kennisbank.yml", makePDFs: false)
        return KaderReader.read(options: options).0
    }

    /// axe-core (as shipped in axe-selenium-python) on the pages people use most: no serious or
    /// critical violation.
    @Test func noSeriousAccessibilityViolations() async throws {
        let site = ShippedSite.shared
        let result = try await runBrowserScript("accessibility.py", site.output.path)
        #expect(result.status == 0, "axe-core found serious or critical violations (or could not run):\n\(result.output)")
        #expect(result.output.contains("checked: search results") && result.output.contains("checked: book"))
    }

    /// Keyboard only: Tab reaches every interactive element of five pages, focus is always
    /// visible, and the skip link works with Enter.
    @Test func keyboardOnlyWalk() async throws {
        let site = ShippedSite.shared
        let result = try await runBrowserScript("keyboard.py", site.output.path)
        #expect(result.status == 0, "keyboard walk failed:\n\(result.output)")
        #expect(result.output.contains("ok: Enter on the skip link moves focus to the content"))
    }
}
