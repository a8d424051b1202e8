import Foundation
import Kennisbank
import Kader
import KennisbankMarkdown
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Filling in the kader in a real browser")
struct BrowserTests {
    /// Runs Tests/browser/fill_in.py (selenium, headless Chromium) on the shipped site, then checks
    /// the file the page saved with the same validation as `kennisbank check`, and reads it with
    /// the site's own reader: every status, text, organisation and plan row is what the script
    /// entered through the page (`entered.json`, written next to the saved file).
    @Test func fillReloadSaveAndOpen() async throws {
        let site = try await ShippedSite.awaited()
        #expect(site.report.wroteOutput)
        let saved = try await fillIn(site: site.output, saving: "zelfevaluatie-housing-first-proef-2025-04-02.md")
        #expect(saved.contains("**Kleurscore:** niet op orde"))
    }

    /// The same on the site built with `language: en`: the form is filled in through its English
    /// labels and buttons, and the file it saves (under its English name) is in the format's own
    /// words and reads back as entered.
    @Test func fillAndSaveInEnglish() async throws {
        let site = try await EnglishSite.awaited()
        #expect(site.report.wroteOutput)
        let saved = try await fillIn(site: site.output, saving: "self-evaluation-housing-first-proef-2025-04-02.md")
        #expect(saved.contains("**Kleurscore:** niet op orde") && saved.contains("### Reflectie"))
    }

    /// The whole-kader form as a facilitator uses it at a projector (issue 18), through
    /// Tests/browser/live_session.py: screen text of at least 17 px, the bar that stays in view
    /// with save, open, progress and the menu of the parts (its current part following the
    /// scrolling), no focused field under the bar, progress counting, the chosen status filled,
    /// text fields growing inside their cards, organisations and plan rows added and removed
    /// with the focus kept and announced, an impossible date caught at its field and refused on
    /// save, the confirm before a file replaces work (both answers), the printed empty form
    /// (the paper form) and filled form (all text, statuses, "Nog open" only where open, the
    /// practice and date on every page) read back with pdftotext, and 320 px phones.
    @Test func liveSession() async throws {
        let site = try await ShippedSite.awaited()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try await runBrowserScript("live_session.py", site.output.path, work.path)
        #expect(result.status == 0, "live-session browser test failed:\n\(result.output)")
        for line in ["after scrolling far down the bar is still at the top of the window", "after the menu's link S the menu marks S",
                     "Tab to it brings it out from under the bar", "'Nog open' for P5.02 counts it out again",
                     "after removing organisation 2 the focus is on the one that took its place", "saving with that date writes no file",
                     "Cancel keeps the work", "OK replaces the work with the file",
                     "the empty form prints the paper form's", "the filled form prints every line of the long reflection and the actions",
                     "'Nog open' is printed for the 79 indicators without a status", "every printed page",
                     "kwaliteitskader.html at 320 px is no wider than the window", "voorbereiding.html at 320 px is no wider than the window"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
    }

    /// Runs fill_in.py on the whole-kader form of the site in `output`, checks that the file
    /// saved as `name` passes `kennisbank check` in a copy of the shipped content and reads as
    /// entered, and gives its text.
    private func fillIn(site output: URL, saving name: String) async throws -> String {
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

        let result = try await runBrowserScript("fill_in.py", output.path, downloads.path, handwritten.path)
        #expect(result.status == 0, "browser test failed (run scripts/setup.sh --test for Chromium and selenium):\n\(result.output)")
        #expect(result.output.contains("ok: the page made no network request"))

        // The saved file passes the same checks as `kennisbank check`, in a copy of the shipped content.
        let saved = downloads.appendingPathComponent(name)
        let text = try String(contentsOf: saved, encoding: .utf8)
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
        return text
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

        // Every reflection and action as the result page renders it: as the text alone would
        // (heading ids and runs of whitespace aside, see `comparable`).
        let (source, _) = SourceLoader.parse(data: saved, path: "zelfevaluaties/proef.md", displayPath: "content/zelfevaluaties/proef.md",
                                             folders: LoadRules(onlyAssessments: true))
        let loaded = try #require(source)
        let shown = AssessmentContexts.texts(segments: loaded.document.renderSegments(), roles: loaded.assessmentRoles)
        for (id, texts) in entered.indicators {
            let indicator = try #require(IndicatorID(id))
            #expect(comparable(shown[indicator]?.reflection ?? "") == comparable(rendered(typed: texts.reflection)), "the reflection of \(id)")
            #expect(comparable(shown[indicator]?.actions ?? "") == comparable(rendered(typed: texts.actions)), "the actions of \(id)")
        }
        // A line break typed inside a paragraph is a line break on the result page (issue 18:
        // it used to be merged into one sentence).
        for (id, texts) in entered.indicators {
            let indicator = try #require(IndicatorID(id))
            for (typed, shownText) in [(texts.reflection, shown[indicator]?.reflection ?? ""), (texts.actions, shown[indicator]?.actions ?? "")] {
                for pair in zip(typed.split(separator: "\n"), typed.split(separator: "\n").dropFirst()) where pair.0.first?.isLetter == true && pair.1.first?.isLetter == true {
                    let first = try #require(pair.0.split(separator: " ").last)
                    #expect(shownText.contains("\(first)<br />\n"), "the line break after \"\(pair.0)\" in \(id) is on the page: \(shownText)")
                }
            }
        }

        // Every plan row, in order.
        let plan = entered.plan.map { action in
            PlanEntry(what: action.what, who: planValue(typed: action.who), when: planValue(typed: action.when), goal: planValue(typed: action.goal),
                      indicators: action.indicators.split(separator: ",").compactMap { IndicatorID($0.trimmingCharacters(in: .whitespaces)) })
        }
        #expect(assessment.plan == plan)
    }

    /// How the result page shows a text typed into a field of the form: as that text alone would
    /// render as Markdown by the rules of assessment texts (headings and all, every line break
    /// kept; the file's writer keeps headings from ending the indicator's section).
    private func rendered(typed: String) -> String {
        guard !typed.isEmpty else { return "" }
        let document = MarkdownDocument(typed.trimmingCharacters(in: .whitespacesAndNewlines))
        document.applyAssessmentTextRules()
        return document.renderHTML()
    }

    /// How the site reads a value typed into a field of a plan row: as typed (the writer
    /// escapes what Markdown would read otherwise); nil when nothing was typed.
    private func planValue(typed: String) -> String? {
        typed.isEmpty ? nil : typed
    }

    /// The tricky files of issue 15, for `formReadsFilesAsTheSiteDoes`: the first ones are
    /// accepted, the last ones refused by the site.
    private static let trickyFiles: [String: String] = {
        let header = "---\npraktijk: Housing First Lastig\ndatum: 2025-06-01\ncode: lastig12345\n---\n\n"
        let p101 = "## P1.01 Iedereen krijgt de kans\n\n**Kleurscore:** groen\n\n### Reflectie\n\n"
        let p103 = "\n\n## P1.03 Derde\n\n**Kleurscore:** oranje\n\n### Acties\n\n- Bellen\n- Mailen\n"
        return [
            "a-fenced.md": p101 + "Zo stond het er:\n\n```\n## P1.02 Tweede\n\n**Kleurscore:** rood\n```" + p103,
            "a-setext.md": p101 + "P1.02\n-----\n\nGeen indicator, een kop in de tekst.\n\nS.01\n====" + p103,
            "a-nested.md": p101 + "> ## P1.02 In een citaat\n\n- ## P1.04 In een lijst\n\n ## P1.05 Ingesprongen\n\n    ## S.02 Code" + p103,
            "a-html.md": p101 + "<div>\n## P1.02 In HTML\n**Kleurscore:** rood\n</div>\n\n<!-- ## P1.04\n\n**Kleurscore:** rood -->" + p103,
            "a-labels.md": p101 + "__Kleurscore:__ rood, als tekst; en **Kleurscore:** midden in een zin.\n"
                + "**Kleurscore:** op een vervolgregel." + p103
                + "\n## Plan van aanpak\n\n### Bellen met \\*iedereen\\*\n\n- **Wie:** Jan \\#1\n- **Wanneer:** mei\n- **Indicatoren:** P1.01, P1.03\n",
            "r-second-score.md": "## P1.01 Eerste\n\n**Kleurscore:** groen\n\n**Kleurscore:** rood\n",
            "r-score-in-reflectie.md": p101 + "Tekst.\n\n**Kleurscore:** rood\n",
            "r-score-in-acties.md": p101 + "Tekst." + "\n\n### Acties\n\n- **Kleurscore:** rood\n",
            "r-unclosed-fence.md": p101 + "```\ncode" + p103,
            "r-unclosed-comment.md": p101 + "<!-- nog niet af" + p103,
            "r-score-not-alone.md": "## P1.01 Eerste\n\n**Kleurscore:** groen\nen meer\n",
            "r-label-outside.md": p101 + "- **Wie:** iemand\n",
        ].mapValues { header + $0 }
    }()

    /// What the form's reader read from one file (`read_files.py`).
    private struct FormRead: Decodable {
        struct Texts: Decodable { var status: String; var reflection: String; var actions: String }
        struct Action: Decodable { var what: String; var who: String; var when: String; var goal: String; var indicators: String }
        var errors: [String]
        var indicators: [String: Texts]?
        var plan: [Action]?
    }

    /// The browser form and the site read every tricky file the same way (issue 15): the same
    /// indicators with the same status, texts that render the same, the same plan; and the
    /// files the site refuses, the form refuses too, saying why, instead of reading something.
    @Test func formReadsFilesAsTheSiteDoes() async throws {
        let site = try await ShippedSite.awaited()
        let kader = try #require(shippedKader())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-tricky-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in Self.trickyFiles { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }

        let result = try await runBrowserScript("read_files.py", site.output.path, folder.path)
        #expect(result.status == 0, "browser test failed:\n\(result.output)")
        let read = try JSONDecoder().decode([String: FormRead].self, from: Data(contentsOf: folder.appendingPathComponent("read.json")))
        for (name, text) in Self.trickyFiles.sorted(by: { $0.key < $1.key }) {
            let form = try #require(read[name], "\(name) was not read by the form")
            let (assessment, diagnostics) = SourceReaders.assessment(Data(text.utf8), kader: kader)
            guard let assessment else {
                #expect(name.hasPrefix("r-"), "\(name): \(diagnostics.map(\.message))")
                #expect(!form.errors.isEmpty, "\(name): the site refuses it, the form read it")
                continue
            }
            #expect(name.hasPrefix("a-"), "\(name) is accepted by the site")
            #expect(form.errors.isEmpty, "\(name): \(form.errors)")
            let indicators = form.indicators ?? [:]
            #expect(Set(indicators.keys) == Set(assessment.scores.keys.map(\.description)), "\(name): the indicators")
            let (source, _) = SourceLoader.parse(data: Data(text.utf8), path: "zelfevaluaties/\(name)", displayPath: name,
                                                 folders: LoadRules(onlyAssessments: true))
            let shown = AssessmentContexts.texts(segments: try #require(source).document.renderSegments(),
                                                 roles: try #require(source).assessmentRoles)
            for (id, texts) in indicators {
                let indicator = try #require(IndicatorID(id))
                #expect(texts.status == (assessment.status(indicator)?.rawValue ?? ""), "\(name): the status of \(id)")
                #expect(comparable(renderedAlone(texts.reflection)) == comparable(shown[indicator]?.reflection ?? ""), "\(name): the reflection of \(id)")
                #expect(comparable(renderedAlone(texts.actions)) == comparable(shown[indicator]?.actions ?? ""), "\(name): the actions of \(id)")
            }
            let plan = (form.plan ?? []).map { action in
                PlanEntry(what: action.what, who: action.who.isEmpty ? nil : action.who, when: action.when.isEmpty ? nil : action.when,
                          goal: action.goal.isEmpty ? nil : action.goal,
                          indicators: action.indicators.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { IndicatorID(String($0)) })
            }
            #expect(plan == assessment.plan, "\(name): the plan")
        }
    }

    /// The shipped kader, read on its own.
    private func shippedKader() -> Kader? {
        let root = repositoryRoot.path
        let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                                   config: "\(root)/kennisbank.yml", makePDFs: false)
        return KaderReader.read(options: options).0
    }

    /// axe-core 4.x on a page of every kind (Tests/browser/accessibility.py), on a desktop and on
    /// a phone: no violation of the WCAG 2.0-2.2 A and AA rules or the best practices.
    @Test(arguments: [1280, 360]) func noAccessibilityViolations(width: Int) async throws {
        let site = try await ShippedSite.awaited()
        let result = try await runBrowserScript("accessibility.py", site.output.path, String(width))
        #expect(result.status == 0, "axe-core found violations (or could not run):\n\(result.output)")
        #expect(result.output.contains("checked: search results (\(width) px)") && result.output.contains("checked: book (\(width) px)"))
    }

    /// axe-core 4.x on English pages of the kinds whose words are generated (the form being
    /// filled in, a result page, search results, the book and the bundle page with files
    /// opened), on a desktop and on a phone.
    @Test func noAccessibilityViolationsInEnglish() async throws {
        let site = try await EnglishSite.awaited()
        let pages = ["whole-kader form, being filled in", "assessment result", "search results", "book", "bundle page, files opened"]
        let result = try await runBrowserScript("accessibility.py", site.output.path, "1280", "360", "--only", pages.joined(separator: ";"))
        #expect(result.status == 0, "axe-core found violations (or could not run):\n\(result.output)")
        for page in pages { #expect(result.output.contains("checked: \(page) (360 px)"), "\(page)") }
    }

    /// Keyboard only: Tab reaches every interactive element of six pages, focus is always
    /// visible, and the skip link works with Enter.
    /// Then links to a heading whose anchor has accents (issue 17) land on it, also
    /// percent-encoded and in MkDocs' folded form, served and from a folder.
    @Test func keyboardOnlyWalk() async throws {
        let site = try await ShippedSite.awaited()
        let filler = (1...40).map { "Alinea \($0) om te kunnen scrollen." }.joined(separator: "\n\n")
        let anchors = try TestProject(files: minimalSite.merging([
            "sectie/een.md": "---\ntitle: Een\norder: 1\n---\n## Begin\n\n\(filler)\n\n## Één vraag: wat?\n\n\(filler)\n",
            "sectie/twee.md": "---\ntitle: Twee\norder: 2\n---\n[als geschreven](een.md#één-vraag-wat), [gecodeerd](een.md#%C3%A9%C3%A9n-vraag-wat), [zoals MkDocs](een.md#een-vraag-wat)\n",
        ]) { $1 })
        defer { anchors.remove() }
        let report = try await onOwnThread { anchors.build() }
        #expect(report.succeeded, "\(anchors.lines(report))")
        let result = try await runBrowserScript("keyboard.py", site.output.path, anchors.root.appendingPathComponent("_site").path)
        #expect(result.status == 0, "keyboard walk failed:\n\(result.output)")
        #expect(result.output.contains("ok: Enter on the skip link moves focus to the content"))
        #expect(result.output.contains("ok: served: the link 'gecodeerd' lands on the heading #één-vraag-wat"))
        #expect(result.output.contains("ok: from a folder: the table of contents lands on #één-vraag-wat"))
    }
}
