import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankLoad
import Basics

/// The shipped kader, as the fuzz targets read it.
private let privacyKader: Kader? = {
    let root = repositoryRoot.path
    let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                               config: "\(root)/kennisbank.yml", makePDFs: false)
    return KaderReader.read(options: options).0
}()

/// The minimal kader site with an assessments folder and the files `files` in it.
func personalDataProject(_ files: [String: String]) throws -> TestProject {
    var content = minimalKaderSite
    content["zelfevaluaties/_index.md"] = "---\ntitle: Zelfevaluaties\n---\nOverzicht.\n"
    for (name, text) in files { content["zelfevaluaties/" + name] = text }
    return try TestProject(files: content)
}

@Suite("Personal data")
struct PersonalDataTests {
    /// The kind and text of each match.
    private func found(_ text: String) -> [String] {
        PersonalData.scan(text).matches.map { "\($0.kind): \($0.text)" }
    }

    @Test(arguments: [
        ("mail jan.jansen@example.nl graag", "email: jan.jansen@example.nl"),
        ("<info+zorg@stichting-thuis.org>", "email: info+zorg@stichting-thuis.org"),
        ("bel 06-12345678.", "phone: 06-12345678"),
        ("0612345678", "phone: 0612345678"),
        ("bel +31 6 12345678 of", "phone: +31 6 12345678"),
        ("+31612345678", "phone: +31612345678"),
        ("0031 6 12345678", "phone: 0031 6 12345678"),
        ("+31 (0)20 1234567", "phone: +31 (0)20 1234567"),
        ("kantoor 020-1234567", "phone: 020-1234567"),
        ("010 123 4567", "phone: 010 123 4567"),
        ("06 12 34 56 78", "phone: 06 12 34 56 78"),
        ("0111-123456", "phone: 0111-123456"),
        ("BSN 123456782", "bsn: 123456782"),
        ("1234.56.782", "bsn: 1234.56.782"),
        ("123 456 782", "bsn: 123 456 782"),
        ("1234 AB 5", "address: 1234 AB 5"),
        ("woont op 1234AB 12a.", "address: 1234AB 12a"),
        ("Dorpsstraat 12, 1234 AB Proefdorp", "address: Dorpsstraat 12, 1234 AB"),
        ("Kerkweg 3a 9876 ZX", "address: Kerkweg 3a 9876 ZX"),
    ])
    func findsPersonalData(_ text: String, _ expected: String) {
        #expect(found(text) == [expected])
    }

    @Test(arguments: [
        "datum: 2026-03-10", "op 10-03-2026 om 10:00", "10.03.2026", "indicator P1.05 en S.03", "hoogstens 20%",
        "0,4 fte", "0,5 fte per 10 deelnemers", "kader: \"2025\"", "code: q8v3m1x7k2d9", "2024-2026", "2024 - 2026",
        "van 2025 tot 2026", "123456789", "1234.56.789", "000000000", "in 2025 op 3 locaties", "1234 AB",
        "postcodegebied 1234 ab 5", "versie 1.2.3", "€ 1.234.567", "tel. 06-1234567", "06-123456789",
        "iemand@localhost", "@teamleider", "a@b.c", "P1.05@x", "03-10-2026 10:00", "2026-03-10 2026-04-11",
        "nr. 0612345678901", "0612345678x", "kosten 0,612345678", "ID 1234567822",
    ])
    func leavesOtherTextAlone(_ text: String) {
        #expect(found(text).isEmpty, "\(text)")
    }

    @Test func theElevenTest() {
        // 9×1 + 8×2 + 7×3 + 6×4 + 5×5 + 4×6 + 3×7 + 2×8 − 1×2 = 154 = 14 × 11.
        #expect(found("111222333") == ["bsn: 111222333"])
        #expect(found("123456782") == ["bsn: 123456782"])
        #expect(found("123456783").isEmpty)
    }

    @Test func linesAndColumnsCountCharactersOfTheLine() {
        let (matches, total) = PersonalData.scan("één\nCliënt: jan@x.nl\n\té 0612345678")
        #expect(total == 2)
        #expect(matches.map { "\($0.line):\($0.column)" } == ["2:9", "3:4"])
    }

    @Test func aLimitKeepsTheCount() {
        let text = String(repeating: "0612345678 ", count: 1_000)
        let (matches, total) = PersonalData.scan(text, limit: 21)
        #expect(matches.count == 21)
        #expect(total == 1_000)
    }

    /// `check` warns at the line and column of each match in the file, in the front matter and
    /// the body alike, and the warnings stay with `persoonsgegevens_gecontroleerd: true`.
    @Test func checkWarnsAtTheExactPlace() throws {
        let text = """
            ---
            praktijk: Housing First Proef
            datum: 2026-03-10
            kader: "2025"
            gespreksleider: "Jan (jan@bureau.nl)"
            zichtbaarheid: public
            persoonsgegevens_gecontroleerd: true
            ---
            ## P1.01 Iets

            **Kleurscore:** in ontwikkeling

            ### Reflectie

            Buurman belt 06-12345678, zie P1.01 en 20%.

            ## Plan van aanpak

            ### Bellen

            - **Wie:** Piet, 020 1234567
            - **Wanneer:** 2026-04-01

            """
        let project = try personalDataProject(["proef.md": text])
        defer { project.remove() }
        let report = project.check()
        let file = "content/zelfevaluaties/proef.md"
        let lines = project.lines(report).filter { $0.hasPrefix(file) && $0.contains(": warning: ") }
        #expect(lines.map { $0.prefix { $0 != " " } } == ["\(file):5:23:", "\(file):15:14:", "\(file):21:18:"])
        #expect(lines.first?.hasSuffix("warning: this looks like an e-mail address; remove it (a self-evaluation needs no contact details), or write a role instead of a name, such as `de teamleider`; if it is not personal data, leave it: check the whole file and say so with `persoonsgegevens_gecontroleerd: true` (this warning stays, as a reminder)") == true)
        #expect(lines[1].contains("warning: this looks like a Dutch phone number;"))
        #expect(!report.diagnostics.hasErrors)
    }

    @Test func preparationsAreCheckedToo() throws {
        let text = "---\npraktijk: P\ndatum: 2026-03-10\nvoorbereiding: true\nnamens: gemeente\nsessie: s-2026\ndeelnemer: \"k@gemeente.nl\"\ncode: abcdefghij12\n---\n"
        let project = try personalDataProject(["v.md": text])
        defer { project.remove() }
        #expect(project.lines(project.check()).contains {
            $0.hasPrefix("content/zelfevaluaties/v.md:7:13: warning: this looks like an e-mail address")
        })
    }

    @Test func aPublicAssessmentMustBeChecked() throws {
        let body = { (practice: String) in "---\npraktijk: \(practice)\ndatum: 2026-03-10\nzichtbaarheid: public\n" }
        let project = try personalDataProject([
            "zonder.md": body("Zonder") + "---\n",
            "nee.md": body("Nee") + "persoonsgegevens_gecontroleerd: nee\n---\n",
            "fout.md": body("Fout") + "persoonsgegevens_gecontroleerd: misschien\n---\n",
            "wel.md": body("Wel") + "persoonsgegevens_gecontroleerd: true\n---\n",
            "onvermeld.md": "---\npraktijk: Proef\ndatum: 2026-03-11\ncode: abcdefghij12\n---\n",
        ])
        defer { project.remove() }
        let lines = project.lines(project.check()).filter { $0.contains(": error: ") }
        let message = "error: a public self-evaluation must be checked for personal data first, since everyone can read it: names above all (of participants, colleagues and the people they support; no program can find them), and e-mail addresses, phone numbers, BSNs and addresses; read the whole file, write roles instead of names, and then say so with `persoonsgegevens_gecontroleerd: true` in the front matter"
        #expect(lines == [
            "content/zelfevaluaties/fout.md:5:1: error: `persoonsgegevens_gecontroleerd` must be `true` or `false`; found `misschien`",
            "content/zelfevaluaties/nee.md:4:1: \(message)",
            "content/zelfevaluaties/zonder.md:4:1: \(message)",
        ])
    }

    @Test func theKeysAreWrittenAndRead() throws {
        var file = AssessmentFile()
        file.practice = "Proef"
        file.date = "2026-03-10"
        file.kaderVersion = "2025"
        file.visibility = "public"
        file.personalDataChecked = true
        file.example = true
        #expect(file.markdown.contains("zichtbaarheid: \"public\"\npersoonsgegevens_gecontroleerd: true\nvoorbeeld: true\n---"))
        let (assessment, problems) = SourceReaders.assessment(Data(file.markdown.utf8), kader: try #require(privacyKader))
        #expect(problems.isEmpty)
        #expect(assessment?.personalDataChecked == true && assessment?.isExample == true)
        #expect(AssessmentFormat.description.keys["personalDataChecked"] == "persoonsgegevens_gecontroleerd")
        #expect(AssessmentFormat.description.keys["example"] == "voorbeeld")
    }

    /// The shipped examples are fictional, marked so, and build without errors or warnings.
    @Test func shippedExamplesAreMarkedAndClean() throws {
        let folder = repositoryRoot.appendingPathComponent("content/zelfevaluaties")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "_index.md" }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let front = text.components(separatedBy: "\n---\n")[0]
            #expect(front.contains("\nvoorbeeld: true"), "\(name)")
            #expect(!front.contains("zichtbaarheid: public") || front.contains("\npersoonsgegevens_gecontroleerd: true"), "\(name)")
            #expect(PersonalData.scan(text).total == 0, "\(name)")
        }
        var options = BuildOptions(content: repositoryRoot.appendingPathComponent("content").path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path,
                                   output: FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-privacy-\(UUID().uuidString)").path,
                                   config: repositoryRoot.appendingPathComponent("kennisbank.yml").path)
        options.makeSearch = false
        options.makePDFs = false
        defer { try? FileManager.default.removeItem(atPath: options.output) }
        let report = SiteBuilder.build(options)
        #expect(report.diagnostics.items.filter { $0.severity != .note }.map(\.description) == [])
        let page = try String(contentsOfFile: options.output + "/zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html", encoding: .utf8)
        #expect(page.contains("<p class=\"notice example-notice\"><strong>Voorbeeld.</strong> Deze zelfevaluatie gaat over een verzonnen praktijk"))
    }
}
