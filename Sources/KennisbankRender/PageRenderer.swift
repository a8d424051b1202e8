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
    package var problems: [Diagnostic] = []
    /// The rendered text of a kader part, kept for the forms.
    package var kaderContent: (PartID, KaderPartContent)?
    /// The self-contained variant of an assessment, when it was asked for.
    package var standalone: String?
    /// The rendered reflections and actions of an assessment, kept for preparation overviews.
    package var assessmentTexts: [IndicatorID: AssessmentContexts.IndicatorText]?
    /// The page with its stylesheet inline, for its PDF.
    package var printHTML: String?
    /// The page's text as it goes into the book, when the page is in it.
    package var bookBody: BookContexts.Body?
}

/// Renders one page: checks and rewrites its links, renders its Markdown, and fills the
/// template that fits the page (knowledge page, section, kader part, assessment).
/// Each call touches only its own page's document, so pages render in parallel.
package struct PageRenderer: @unchecked Sendable {
    package let tree: SiteTree
    /// Every loaded source; `SiteSession` swaps in a changed one.
    package var sources: [String: LoadedSource]
    package let config: SiteConfig
    /// Nil when the templates failed to load: links are still checked.
    package let templates: TemplateSet?
    package let resolver: LinkLocator
    package let contexts: PageContextBuilder
    package let kader: KaderContexts?
    package let assessments: AssessmentSite
    package let assessmentContexts: AssessmentContexts?
    package let withPDF: Bool
    /// The source to render as a self-contained assessment, and its PDF's name.
    package let standalonePath: String?
    package let standalonePDF: String?
    /// The theme's stylesheets, for print variants and self-contained pages.
    package let stylesheets: Stylesheets
    /// The book, whose pages are rendered a second time with ids and links of the book.
    package let book: Book?

    package init(tree: SiteTree, sources: [String: LoadedSource], config: SiteConfig, templates: TemplateSet?, resolver: LinkLocator, contexts: PageContextBuilder, kader: KaderContexts?, assessments: AssessmentSite, assessmentContexts: AssessmentContexts?, withPDF: Bool, standalonePath: String?, standalonePDF: String?, stylesheets: Stylesheets, book: Book?) {
        self.tree = tree
        self.sources = sources
        self.config = config
        self.templates = templates
        self.resolver = resolver
        self.contexts = contexts
        self.kader = kader
        self.assessments = assessments
        self.assessmentContexts = assessmentContexts
        self.withPDF = withPDF
        self.standalonePath = standalonePath
        self.standalonePDF = standalonePDF
        self.stylesheets = stylesheets
        self.book = book
    }

    package func render(_ index: Int) -> RenderedPage {
        guard let source = sources[tree.pages[index].source] else { return RenderedPage() }
        var page = RenderedPage()
        // Each link located once, for the site and for the book.
        let locations = source.links.map { resolver.locate($0.destination, from: index) }
        if let book, let entry = book.entry(of: index), templates != nil {
            page.bookBody = renderForBook(source, locations: locations, page: index, entry: entry, book: book)
        }
        page.problems = rewriteLinks(of: source, locations: locations, page: index)
        guard let templates else { return page }
        if let assessment = assessments.assessments[index], let assessmentContexts {
            if source.path == standalonePath {
                page.standalone = renderStandalone(assessment, source: source, page: index, contexts: assessmentContexts)
                return page
            }
            let texts = AssessmentContexts.texts(segments: source.document.renderSegments(allowRawHTML: false),
                                                 roles: source.assessmentRoles)
            (page.html, page.printHTML) = renderAssessment(assessment, texts: texts, page: index, contexts: assessmentContexts)
            page.assessmentTexts = texts
            return page
        }
        var template = Self.templateName(for: tree.pages[index].kind)
        var context: [String: Any]
        if let kader, let part = kaderPart(of: source, page: index) {
            let content = KaderPartContent(segments: source.document.renderSegments(allowRawHTML: config.allowRawHTML),
                                           headings: source.headings, part: part)
            context = contexts.context(for: index, body: "", headings: [])
            context["part"] = kader.partValues(part, content: content)
            page.kaderContent = (part.id, content)
            template = "kader-part"
        } else {
            let body = source.document.renderHTML(allowRawHTML: config.allowRawHTML)
            context = contexts.context(for: index, body: body, headings: source.headings)
            if let kader, index == kader.site.landing { template = "kader" }
            if index == assessments.landing {
                let list = assessments.publicList(tree: tree)
                context["assessments"] = list
                context["hasAssessments"] = !list.isEmpty
                template = "assessments"
            }
        }
        if let kader {
            if kader.site.contains(page: index, in: tree) { context["kader"] = kader.kaderValues }
            if let link = kader.principleLink(for: index) { context["kaderPart"] = link }
        }
        page.html = templates.render(context, with: template)
        return page
    }

    /// The page's text for the book: heading ids prefixed with the page's book id (and moved
    /// one level down below a chapter's first page), links to pages of the book turned into
    /// links inside it, other links made to work from the book's address. The document is
    /// left as it was read, for the site's own rendering.
    private func renderForBook(_ source: LoadedSource, locations: [LinkLocator.Location], page index: Int,
                               entry: Book.Entry, book: Book) -> BookContexts.Body {
        let fromBook = config.baseURL ?? RelativeURL.root(for: Book.url)
        var destinations: [Int: String] = [:]
        for (link, location) in zip(source.links, locations) {
            switch resolver.target(location, from: index) {
            case .keep:
                break
            case .page(let target, let fragment):
                let heading = fragment.flatMap { SourceLoader.reservedIDs.contains($0) ? nil : $0 }
                if let targetID = book.id(of: target) {
                    destinations[link.index] = "#" + targetID + (heading.map { "--" + $0 } ?? "")
                } else {
                    destinations[link.index] = fromBook + tree.pages[target].url + (fragment.map { "#" + $0 } ?? "")
                }
            case .file(let path):
                destinations[link.index] = fromBook + path
            }
        }
        let document = source.document
        document.setDestinations(destinations)
        document.setHeadingTags(idPrefix: entry.id + "--", levelShift: entry.startsChapter ? 0 : 1)
        defer {
            document.setHeadingTags(idPrefix: "", levelShift: 0)
            document.setDestinations(Dictionary(source.links.map { ($0.index, $0.destination) }, uniquingKeysWith: { first, _ in first }))
        }
        if let part = kaderPart(of: source, page: index) {
            let content = KaderPartContent(segments: document.renderSegments(allowRawHTML: config.allowRawHTML),
                                           headings: source.headings, part: part)
            return .kaderPart(part, content)
        }
        return .html(document.renderHTML(allowRawHTML: config.allowRawHTML))
    }

    /// The part of the kader that page `index` defines, if it is that part's page.
    private func kaderPart(of source: LoadedSource, page index: Int) -> KaderPart? {
        guard let kader, let draft = source.kaderPart, let id = PartID(draft.partText ?? ""),
              let part = kader.site.kader.part(id), kader.site.partPages[id] == index else { return nil }
        return part
    }

    /// Rewrites the page's Markdown links to output URLs; returns the broken ones.
    private func rewriteLinks(of source: LoadedSource, locations: [LinkLocator.Location], page index: Int) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var destinations: [Int: String] = [:]
        for (link, location) in zip(source.links, locations) {
            switch resolver.resolve(location, from: index) {
            case .keep: break
            case .rewrite(let url): destinations[link.index] = url
            case .failure(let message):
                problems.append(.error(message, file: source.displayPath, line: link.line, column: link.column))
            }
        }
        source.document.setDestinations(destinations)
        return problems
    }

    /// A result page. Assessment text is never trusted: it was rendered with raw HTML off.
    /// The page, and when PDFs are made, its print variant with the stylesheet inline.
    private func renderAssessment(_ assessment: Assessment, texts: [IndicatorID: AssessmentContexts.IndicatorText],
                                  page index: Int, contexts assessmentContexts: AssessmentContexts) -> (String, String?) {
        let previousPage = assessments.previous[index]
        var context = contexts.context(for: index, body: "", headings: [])
        var values = assessmentContexts.values(
            assessment, texts: texts, previous: previousPage.flatMap { assessments.assessments[$0] },
            previousURL: previousPage.map { tree.pages[$0].url }, linkRoot: RelativeURL.root(for: tree.pages[index].url))
        if withPDF { values["pdf"] = AssessmentContexts.pdfName }
        if let preparation = assessment.preparation, let session = assessments.session(of: index) {
            values["preparation"] = ["party": preparation.party.label.lowercased(), "session": preparation.session,
                                     "url": session.url]
        }
        context["assessment"] = values
        context["noindex"] = assessment.visibility == .unlisted
        let html = templates?.render(context, with: "assessment") ?? ""
        guard withPDF else { return (html, nil) }
        context["pdfCSS"] = InlineCSS.style(stylesheets)
        return (html, templates?.render(context, with: "assessment"))
    }

    /// The self-contained page: styles inlined, and links into the site only through the base
    /// URL (without one they become plain text).
    private func renderStandalone(_ assessment: Assessment, source: LoadedSource, page index: Int,
                                  contexts assessmentContexts: AssessmentContexts) -> String {
        var unwrap = Set<Int>()
        for link in source.links {
            guard let target = try? resolver.targetPage(link.destination, from: index).get() else { continue }
            if let base = config.baseURL {
                source.document.setDestination(base + tree.pages[target].url, ofLinkAt: link.index)
            } else {
                unwrap.insert(link.index)
            }
        }
        source.document.unwrapLinks(unwrap)
        let texts = AssessmentContexts.texts(segments: source.document.renderSegments(allowRawHTML: false),
                                             roles: source.assessmentRoles)
        var values = assessmentContexts.values(
            assessment, texts: texts, previous: assessments.previous[index].flatMap { assessments.assessments[$0] },
            previousURL: nil, linkRoot: config.baseURL)
        if let standalonePDF { values["pdf"] = standalonePDF }
        return templates?.render(["site": ["language": config.language], "assessment": values,
                                  "inlineCSS": InlineCSS.style(stylesheets)],
                                 with: "assessment-standalone") ?? ""
    }

    package static func templateName(for kind: Page.Kind) -> String {
        switch kind {
        case .home: "home"
        case .section: "section"
        case .page: "page"
        }
    }
}
