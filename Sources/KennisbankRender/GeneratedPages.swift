import Kader
import KennisbankLoad
import KennisbankModel

/// Renders the pages the generator makes itself (`GeneratedPage`): the 404 page, the search
/// page, the blank forms of the kader, the pages of the session's journey, the overviews of a session's preparations and the
/// redirect pages of aliases.
package struct GeneratedPages {
    /// One generated file: its path, its HTML, and for a printable one its print variant and PDF.
    package struct File {
        package var path: String
        package var html: String
        package var printable = false
        package var print: String?
        package var pdf: String?
    }

    private let model: SiteModel
    private let contexts: PageContextBuilder
    private let kader: KaderContexts?
    private let assessmentContexts: AssessmentContexts?
    private let templates: TemplateSet
    private let stylesheets: Stylesheets
    private let withPDF: Bool
    /// The rendered text of each kader part, for the forms.
    private let contents: [PartID: KaderPartContent]
    /// The rendered reflections and actions of each assessment, by source path, for the overviews.
    private let texts: [String: [IndicatorID: AssessmentContexts.IndicatorText]]

    package init(model: SiteModel, renderer: PageRenderer, templates: TemplateSet, stylesheets: Stylesheets,
                 withPDF: Bool, rendered: [RenderedPage]) {
        self.model = model
        contexts = renderer.contexts
        kader = renderer.kader
        assessmentContexts = renderer.assessmentContexts
        self.templates = templates
        self.stylesheets = stylesheets
        self.withPDF = withPDF
        contents = Dictionary(rendered.compactMap(\.kaderContent), uniquingKeysWith: { first, _ in first })
        var texts: [String: [IndicatorID: AssessmentContexts.IndicatorText]] = [:]
        for (index, page) in rendered.enumerated() {
            if let pageTexts = page.assessmentTexts { texts[model.tree.pages[index].source] = pageTexts }
        }
        self.texts = texts
    }

    /// The file of `page`; nil for the book (see `bookPrint`) or when it has nothing to show.
    package func render(_ page: GeneratedPage) -> File? {
        switch page {
        case .notFound:
            let context = contexts.notFoundContext(names: NotFoundPage.siteNames(model))
            return File(path: OutputPaths.notFound, html: templates.render(context, with: "404"))
        case .search:
            let url = PageContextBuilder.searchURL
            return File(path: url, html: templates.render(contexts.generatedContext(url: url, title: model.strings.text("search.title")), with: "search"))
        case .form(let form):
            return formFile(form)
        case .sessionTool(let tool):
            return sessionTool(tool)
        case .preparationOverview(let number):
            return preparationOverview(model.assessments.sessions[number])
        case .book:
            return nil
        case .alias(let number):
            return aliasFile(model.aliases[number])
        }
    }

    /// The redirect page at an old address of a page: `noindex`, a refresh to the page by a
    /// relative URL and a link to it.
    private func aliasFile(_ alias: AliasPage) -> File {
        let page = model.tree.pages[alias.page]
        let values = AliasValues(site: SiteNameValue(title: model.config.title, language: model.config.language, pageCounter: model.strings.pageCounterCSS),
                                 title: page.title, target: RelativeURL.between(from: alias.path, to: page.url),
                                 canonical: model.config.baseURL.map { $0 + page.url }, strings: contexts.stringsValue)
        return File(path: alias.path, html: templates.render(values, with: "alias"))
    }

    /// The book with its stylesheets inline, for its PDF.
    package func bookPrint(_ book: BookContexts, bodies: [Int: BookContexts.Body]) -> String {
        var context = book.context(bodies: bodies, withPDF: withPDF)
        context.pdfCSS = InlineCSS.book(stylesheets)
        return templates.render(context, with: "book")
    }

    private func formFile(_ form: KaderForm) -> File? {
        guard let kader else { return nil }
        var context = FormPageValues(site: SiteNameValue(title: model.config.title, language: model.config.language,
                                                                   pageCounter: model.strings.pageCounterCSS),
                                     root: RelativeURL.root(for: form.html), strings: contexts.stringsValue,
                                     form: kader.formValues(form, contents: contents))
        if form.kind == .whole, let site = model.kader {
            // The joint form saves its result as one self-contained page, with the site's stylesheet.
            let folder = model.assessments.landing.map { String(model.tree.pages[$0].url.dropLast("index.html".count)) }
                ?? model.config.assessmentsFolder + "/"
            // With its page numbers at the foot of every printed page, as the self-contained file's.
            let styles = stylesheets.style + "\n@page { @bottom-right { content: \(model.strings.pageCounterCSS); } }\n"
            context.form.fillData = FillData.json(strings: model.strings, kader: site.kader, styles: styles,
                                                  published: FillData.Published(baseURL: model.config.baseURL, assessments: folder))
        }
        let template = form.kind == .plan ? "form-plan" : "form"
        var file = File(path: form.html, html: templates.render(context, with: template), printable: true)
        if withPDF {
            context.pdfCSS = InlineCSS.form(stylesheets)
            file.print = templates.render(context, with: template)
            file.pdf = form.pdf
        }
        return file
    }

    /// A page of the session's journey, in the kader's forms folder, with the site's header.
    private func sessionTool(_ tool: SessionTool) -> File? {
        guard let site = model.kader, let preparation = site.formPath(.preparation), let whole = site.formPath(.whole) else { return nil }
        let path = site.path(of: tool)
        let title = model.strings.text(tool == .start ? "sessionStart.title" : "bundle.title")
        var context = contexts.generatedContext(url: path, title: title)
        context.tool = SessionToolValues(kaderTitle: model.strings.text("kader.title"), version: site.kader.version,
                                         preparationForm: RelativeURL.between(from: path, to: preparation),
                                         wholeForm: RelativeURL.between(from: path, to: whole),
                                         preparationAddress: model.config.baseURL.map { $0 + preparation },
                                         baseURL: model.config.baseURL,
                                         fillData: FillData.json(strings: model.strings, kader: site.kader,
                                                                 styles: tool == .bundle ? stylesheets.style : nil))
        return File(path: path, html: templates.render(context, with: tool == .start ? "session-start" : "session-bundle"))
    }

    private func preparationOverview(_ session: AssessmentSite.PreparationSession) -> File? {
        guard let assessmentContexts, let kader = model.kader?.kader else { return nil }
        let overview = PreparationOverview(session: session.name,
                                           preparations: session.pages.compactMap { model.assessments.assessments[$0] },
                                           kader: kader)
        var context = contexts.generatedContext(url: session.url,
                                               title: AssessmentContexts.overviewTitle(overview, strings: model.strings))
        context.preparation = assessmentContexts.overviewValues(overview, texts: texts)
        context.noindex = true
        return File(path: session.url, html: templates.render(context, with: "preparation"))
    }
}
