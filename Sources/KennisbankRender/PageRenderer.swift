import Diagnostics
import Foundation
import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// One page after rendering.
package struct RenderedPage {
    package var html: String?
    /// The rendered text of a kader part, kept for the forms.
    package var kaderContent: (PartID, KaderPartContent)?
    /// The rendered reflections and actions of an assessment, kept for preparation overviews.
    package var assessmentTexts: [IndicatorID: AssessmentContexts.IndicatorText]?
    /// The page with its stylesheet inline, for its PDF.
    package var printHTML: String?
    /// The page's text as it goes into the book, when the page is in it.
    package var bookBody: BookContexts.Body?

    package init() {}
}

/// Renders the pages of the site's sources, each by its kind (`PageKind`): its Markdown with its
/// links written for the site (and, for a page of the book, once more for the book), in the
/// template of its kind. The document of a page is never changed by a rendering (`RenderLinks`),
/// and each call touches only its own page's document, so pages render in parallel.
package struct PageRenderer: Sendable {
    package let model: SiteModel
    /// Every loaded source; `SiteSession` swaps in a changed one.
    package var sources: [String: LoadedSource]
    package let templates: TemplateSet
    package let contexts: PageContextBuilder
    package let kader: KaderContexts?
    package let assessmentContexts: AssessmentContexts?
    package let withPDF: Bool
    /// The theme's stylesheets, for print variants and self-contained pages.
    package let stylesheets: Stylesheets

    package init(model: SiteModel, sources: [String: LoadedSource], templates: TemplateSet, contexts: PageContextBuilder,
                 kader: KaderContexts?, assessmentContexts: AssessmentContexts?, withPDF: Bool, stylesheets: Stylesheets) {
        self.model = model
        self.sources = sources
        self.templates = templates
        self.contexts = contexts
        self.kader = kader
        self.assessmentContexts = assessmentContexts
        self.withPDF = withPDF
        self.stylesheets = stylesheets
    }

    private var tree: SiteTree { model.tree }

    /// Renders page `index`. `locations` are where its links lead, when they are not the
    /// model's (a page edited since the model was built, see `SiteSession`).
    package func render(_ index: Int, locations: [LinkLocator.Location]? = nil) -> RenderedPage {
        guard let source = sources[tree.pages[index].source] else { return renderGeneratedLanding(index) }
        source.document.setLabels(MarkdownLabels(strings: model.strings))
        var page = RenderedPage()
        let kind = model.kinds[index]
        let locations = locations ?? model.links[index]
        if let entry = model.book.entry(of: index) {
            page.bookBody = renderForBook(source, kind: kind, page: index, entry: entry, locations: locations)
        }
        let links = siteLinks(of: source, page: index, locations: locations)
        switch kind {
        case .assessment, .preparation:
            guard let assessment = model.assessments.assessments[index], let assessmentContexts else { return page }
            let texts = AssessmentContexts.texts(segments: source.document.renderSegments(allowRawHTML: false, links: links),
                                                 roles: source.assessmentRoles)
            (page.html, page.printHTML) = renderAssessment(assessment, texts: texts, page: index, contexts: assessmentContexts)
            page.assessmentTexts = texts
            return page
        case .kaderPart(let id):
            guard let kader, let part = kader.site.kader.part(id) else { return page }
            let segments = source.document.renderSegments(allowRawHTML: model.config.allowRawHTML, links: links)
            let content = KaderPartContent(segments: segments, headings: source.headings, part: part)
            var context = contexts.context(for: index, body: "", headings: [])
            context.part = kader.partValues(part, content: content)
            context.kader = kader.kaderValue
            page.kaderContent = (id, content)
            page.html = templates.render(context, with: "kader-part")
            return page
        case .home, .section, .knowledgePage, .kaderOverview, .assessmentsOverview:
            let body = source.document.renderHTML(allowRawHTML: model.config.allowRawHTML, links: links)
            page.html = renderPage(index, kind: kind, body: body, headings: source.headings)
            return page
        }
    }

    /// A page with a body of Markdown in the template of its kind, with what that kind lists.
    private func renderPage(_ index: Int, kind: PageKind, body: String, headings: [Heading]) -> String {
        var context = contexts.context(for: index, body: body, headings: headings)
        if case .assessmentsOverview = kind {
            context.assessments = model.assessments.publicList(tree: tree, strings: model.strings)
        }
        if let kader {
            if kader.site.contains(page: index, in: tree) { context.kader = kader.kaderValue }
            context.kaderPart = kader.principleLink(for: index)
        }
        context.page.extra = sources[tree.pages[index].source]?.frontMatter.extra.map(ExtraContext.init)
        return templates.render(context, with: Self.templateName(for: kind))
    }

    /// The landing page the model made for a folder without one (`Page.isGenerated`): no text of
    /// its own, the folder's pages listed as on any section page. Nothing for another page
    /// without a source (it failed to load; its error is reported).
    private func renderGeneratedLanding(_ index: Int) -> RenderedPage {
        var page = RenderedPage()
        guard tree.pages[index].isGenerated else { return page }
        let kind = model.kinds[index]
        switch kind {
        case .home, .section, .kaderOverview, .assessmentsOverview:
            page.html = renderPage(index, kind: kind, body: "", headings: [])
            if model.book.entry(of: index) != nil { page.bookBody = .html("") }
        default:
            break
        }
        return page
    }

    /// The template of each kind of page made from a source.
    package static func templateName(for kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .section: "section"
        case .knowledgePage: "page"
        case .kaderOverview: "kader"
        case .kaderPart: "kader-part"
        case .assessmentsOverview: "assessments"
        case .assessment, .preparation: "assessment"
        }
    }

    /// The page's links as the site writes them: relative URLs of the output (the model
    /// located them; broken ones were reported there and stay as written).
    private func siteLinks(of source: LoadedSource, page index: Int, locations: [LinkLocator.Location]) -> RenderLinks {
        var destinations: [Int: String] = [:]
        for (link, location) in zip(source.links, locations) {
            if case .rewrite(let url) = model.locator.resolve(location, from: index) { destinations[link.index] = url }
        }
        return RenderLinks(destinations: destinations, tableLabel: model.strings.text("markdown.table"))
    }

    /// The page's text for the book: heading ids prefixed with the page's book id (and moved
    /// one level down below a chapter's first page), links to pages of the book turned into
    /// links inside it, other links made to work from the book's address.
    private func renderForBook(_ source: LoadedSource, kind: PageKind, page index: Int, entry: Book.Entry,
                               locations: [LinkLocator.Location]) -> BookContexts.Body {
        let fromBook = model.config.baseURL ?? RelativeURL.root(for: Book.url)
        var destinations: [Int: String] = [:]
        for (link, location) in zip(source.links, locations) {
            switch model.locator.target(location, from: index) {
            case .keep:
                break
            case .page(let target, let fragment):
                let heading = fragment.flatMap { model.locator.reservedIDs.contains($0) ? nil : $0 }
                if let targetID = model.book.id(of: target) {
                    destinations[link.index] = "#" + targetID + (heading.map { "--" + $0 } ?? "")
                } else {
                    destinations[link.index] = fromBook + tree.pages[target].url + (fragment.map { "#" + $0 } ?? "")
                }
            case .file(let path):
                destinations[link.index] = fromBook + path
            }
        }
        let links = RenderLinks(destinations: destinations, headingIDPrefix: entry.id + "--",
                                headingLevelShift: entry.startsChapter ? 0 : 1, tableLabel: model.strings.text("markdown.table"))
        if case .kaderPart(let id) = kind, let part = kader?.site.kader.part(id) {
            let segments = source.document.renderSegments(allowRawHTML: model.config.allowRawHTML, links: links)
            return .kaderPart(part, KaderPartContent(segments: segments, headings: source.headings, part: part))
        }
        return .html(source.document.renderHTML(allowRawHTML: model.config.allowRawHTML, links: links))
    }

    /// A result page. Assessment text is never trusted: it was rendered with raw HTML off.
    /// The page, and when PDFs are made, its print variant with the stylesheet inline.
    private func renderAssessment(_ assessment: Assessment, texts: [IndicatorID: AssessmentContexts.IndicatorText],
                                  page index: Int, contexts assessmentContexts: AssessmentContexts) -> (String, String?) {
        let previousPage = model.assessments.previous[index]
        var context = contexts.context(for: index, body: "", headings: [])
        var values = assessmentContexts.values(
            assessment, texts: texts, previous: previousPage.flatMap { model.assessments.assessments[$0] },
            previousURL: previousPage.map { tree.pages[$0].url }, linkRoot: RelativeURL.root(for: tree.pages[index].url))
        if withPDF { values.pdf = AssessmentContexts.pdfName }
        if let preparation = assessment.preparation, let session = model.assessments.session(of: index) {
            values.preparation = PreparationNotice(party: model.strings.label(preparation), url: session.url)
        }
        context.assessment = values
        context.noindex = assessment.visibility == .unlisted
        let html = templates.render(context, with: "assessment")
        guard withPDF else { return (html, nil) }
        context.pdfCSS = InlineCSS.style(stylesheets)
        return (html, templates.render(context, with: "assessment"))
    }

    /// The self-contained page of the assessment of page `index`: styles inlined, and links
    /// into the site only through the base URL (without one they become plain text). Nil when
    /// the page is not a valid assessment.
    package func renderStandalone(_ index: Int, pdfName: String?) -> String? {
        guard let source = sources[tree.pages[index].source], let assessment = model.assessments.assessments[index],
              let assessmentContexts else { return nil }
        var links = RenderLinks()
        for (link, location) in zip(source.links, model.links[index]) {
            guard case .page(let target, _) = location else { continue }
            if let base = model.config.baseURL {
                links.destinations[link.index] = base + tree.pages[target].url
            } else {
                links.unwrapped.insert(link.index)
            }
        }
        let texts = AssessmentContexts.texts(segments: source.document.renderSegments(allowRawHTML: false, links: links),
                                             roles: source.assessmentRoles)
        var values = assessmentContexts.values(
            assessment, texts: texts, previous: model.assessments.previous[index].flatMap { model.assessments.assessments[$0] },
            previousURL: nil, linkRoot: model.config.baseURL)
        values.pdf = pdfName
        return templates.render(StandaloneAssessmentValues(site: SiteNameValue(title: nil, language: model.config.language,
                                                                                            pageCounter: model.strings.pageCounterCSS),
                                                           assessment: values, inlineCSS: InlineCSS.style(stylesheets),
                                                           strings: contexts.stringsValue),
                                with: "assessment-standalone")
    }
}
