import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import SiteFormats
import Basics

/// Below a template's values: answers every name that none of them answers with a marker. On a
/// real page such a name falls through to an enclosing value of the same name (an outer
/// `title`, `url` or `reflection`), so a marker in the output is a value that left a field of
/// its own nil instead of absent.
private struct Decoy<Inner: TypedContext>: TypedContext {
    let inner: Inner
    func child(named name: String) -> Any? { inner.child(named: name) ?? string("⚠\(name)⚠") }
}

/// The markers a render left, by name.
private func leaks(_ html: String) -> [String] {
    html.split(separator: "⚠", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
}

/// Every typed template value answers each name of its own, also when it is empty: a page made
/// of them never shows a value of an enclosing one in its place.
@Suite("Typed template values answer their own names")
struct TypedValueTests {
    /// The shipped content plus an assessment with nothing optional (no region, organisations,
    /// facilitator or plan; an indicator with actions but no reflection) and a session whose
    /// zorgorganisatie named no organisation.
    private func project() throws -> TestProject {
        let project = try TestProject(files: [:])
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        try project.write("""
        ---
        praktijk: Kaal
        datum: 2024-05-01
        zichtbaarheid: public
        persoonsgegevens_gecontroleerd: true
        ---
        ## P1.01 Iedereen krijgt de kans

        **Kleurscore:** rood

        ### Acties

        Alleen acties.
        """, to: "content/zelfevaluaties/kaal.md")
        try project.write("""
        ---
        praktijk: Kaal
        datum: 2026-04-01
        voorbereiding: true
        namens: zorgorganisatie
        sessie: kaal-2026
        code: k4a4l2026x
        ---
        ## P1.01 Iedereen krijgt de kans

        **Kleurscore:** groen

        ### Reflectie

        Wel een reflectie.
        """, to: "content/zelfevaluaties/kaal-voorbereiding.md")
        try project.write("""
        ---
        praktijk: Kaal
        datum: 2026-04-01
        organisaties:
          - naam: Gemeente Kaal
            rol: gemeente
        voorbereiding: true
        namens: gemeente
        sessie: kaal-2026
        code: k4a4l2026x
        ---
        ## P1.01 Iedereen krijgt de kans

        **Kleurscore:** rood

        ### Acties

        Alleen acties.
        """, to: "content/zelfevaluaties/kaal-voorbereiding-gemeente.md")
        return project
    }

    @Test func everyPageFormOverviewAndTheBookShowOnlyTheirOwnValues() throws {
        let project = try project()
        defer { project.remove() }
        let (model, renderer) = try #require(SiteRenderer.renderer(project.options))
        let kader = try #require(renderer.kader)
        let assessments = try #require(renderer.assessmentContexts)
        let templates = renderer.templates
        var rendered: [RenderedPage] = []
        var checked: Set<String> = []
        for index in model.tree.pages.indices {
            let page = renderer.render(index)
            rendered.append(page)
            let kind = model.kinds[index]
            var context = renderer.contexts.context(for: index, body: "<p>Tekst</p>", headings: [])
            switch kind {
            case .assessment, .preparation:
                let assessment = try #require(model.assessments.assessments[index])
                let previous = model.assessments.previous[index]
                context.assessment = assessments.values(
                    assessment, texts: page.assessmentTexts ?? [:], previous: previous.flatMap { model.assessments.assessments[$0] },
                    previousURL: previous.map { model.tree.pages[$0].url }, linkRoot: RelativeURL.root(for: model.tree.pages[index].url))
            case .kaderPart(let id):
                context.part = kader.partValues(try #require(kader.site.kader.part(id)), content: try #require(page.kaderContent).1)
                context.kader = kader.kaderValue
            default:
                if case .assessmentsOverview = kind { context.assessments = model.assessments.publicList(tree: model.tree, strings: model.strings) }
                if kader.site.contains(page: index, in: model.tree) { context.kader = kader.kaderValue }
                context.kaderPart = kader.principleLink(for: index)
            }
            let html = templates.render(Decoy(inner: context), with: PageRenderer.templateName(for: kind))
            #expect(leaks(html).isEmpty, "\(model.tree.pages[index].url): \(leaks(html))")
            checked.insert(PageRenderer.templateName(for: kind))
        }
        #expect(checked == ["home", "section", "page", "kader", "kader-part", "assessments", "assessment"])

        // The bare assessment: no region, facilitator, organisations or plan, an indicator without reflection.
        let bare = try #require(model.assessments.assessments.first { $0.value.practice == "Kaal" && $0.value.preparation == nil })
        let bareHTML = try #require(rendered[bare.key].html)
        #expect(!bareHTML.contains(">\(model.strings.text("assessment.facts.region"))<") && bareHTML.contains("Alleen acties."))

        let contents = Dictionary(rendered.compactMap(\.kaderContent), uniquingKeysWith: { first, _ in first })
        for form in kader.forms {
            let values = FormPageValues(site: SiteNameValue(title: "Kennisbank", language: "nl", pageCounter: model.strings.pageCounterCSS), root: "../../",
                                        strings: renderer.contexts.stringsValue, form: kader.formValues(form, contents: contents))
            let html = templates.render(Decoy(inner: values), with: form.kind == .plan ? "form-plan" : "form")
            #expect(leaks(html).isEmpty, "\(form.html): \(leaks(html))")
        }

        var texts: [String: [IndicatorID: AssessmentContexts.IndicatorText]] = [:]
        for (index, page) in rendered.enumerated() { texts[model.tree.pages[index].source] = page.assessmentTexts }
        #expect(model.assessments.sessions.count == 2)
        for session in model.assessments.sessions {
            let overview = PreparationOverview(session: session.name, preparations: session.pages.compactMap { model.assessments.assessments[$0] },
                                               kader: try #require(model.kader?.kader))
            var context = renderer.contexts.generatedContext(url: session.url, title: session.name)
            context.preparation = assessments.overviewValues(overview, texts: texts)
            let html = templates.render(Decoy(inner: context), with: "preparation")
            #expect(leaks(html).isEmpty, "\(session.url): \(leaks(html))")
        }

        let book = BookContexts(book: model.book, tree: model.tree, config: model.config, strings: model.strings, kader: kader)
        let bodies = Dictionary(uniqueKeysWithValues: rendered.enumerated().compactMap { index, page in page.bookBody.map { (index, $0) } })
        let bookHTML = templates.render(Decoy(inner: book.context(bodies: bodies, withPDF: true)), with: "book")
        #expect(leaks(bookHTML).isEmpty, "book: \(leaks(bookHTML))")
    }

    /// What a user would see if an empty value fell through: the overview's column of a party
    /// without an organisation name shows another party's name, and a party's note without a
    /// reflection shows another note's reflection.
    @Test func aPreparationOverviewWithAPartyMissingItsNameShowsNoOtherName() throws {
        let project = try project()
        defer { project.remove() }
        let lines = project.lines(project.build())
        #expect(lines.allSatisfy { !$0.contains("error:") }, "\(lines)")
        let folder = project.root.appendingPathComponent("_site/zelfevaluaties")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("voorbereiding-kaal-2026") })
        let overview = try String(contentsOf: folder.appendingPathComponent(name + "/index.html"), encoding: .utf8)
        let header = try #require(overview.components(separatedBy: "<thead>").dropFirst().first?.components(separatedBy: "</thead>").first)
        #expect(header.contains("Zorgorganisatie</th>"), "the zorgorganisatie's column has no name under it: \(header)")
        #expect(header.components(separatedBy: "Gemeente Kaal").count == 2)
        let notes = overview.components(separatedBy: "class=\"party-note\"").dropFirst()
        #expect(notes.count == 2)
        #expect(notes.filter { $0.contains("Wel een reflectie.") }.count == 1)
        #expect(notes.filter { $0.contains("Alleen acties.") }.count == 1)
    }
}
