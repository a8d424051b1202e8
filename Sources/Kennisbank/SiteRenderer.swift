import Diagnostics
import Foundation
import Synchronization
import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Everything that goes into the output folder.
package struct RenderedSite {
    package var files: [(path: String, data: Data)] = []
    package var copies: [(source: URL, path: String)] = []
    /// Pages to turn into PDF files: their print variant (stylesheet inline), the PDF's path
    /// and the page's own path (both relative to the site root).
    package var pdfs: [(html: String, pdf: String, page: String)] = []
    /// How many documents would get a PDF (forms, book, result pages), made or not.
    package var printable = 0
    /// The self-contained page of one assessment, when asked for.
    package var standalone: String?
    /// The site's language, for the search index.
    package var language = "nl"
    /// The site's address for links in PDFs: the configured base URL, or a neutral stand-in.
    package var baseURL = "https://kennisbank.invalid/"
    /// What it takes to render one page again (see `SiteSession`).
    package var session: RenderSession?
}

/// The state of a render kept for rebuilding single pages: the renderer with every loaded
/// source, and the book's page bodies.
package struct RenderSession {
    package var renderer: PageRenderer
    package let folders: SourceFolders
    package let contentRoot: URL
    package let displayRoot: String
    package let book: Book
    package var bookBodies: [Int: BookContexts.Body]
    package let bookContexts: BookContexts
    package let withPDF: Bool
}

/// Where pages go as soon as they are rendered: the staging folder of a build.
package struct PageSink {
    /// Prepares for files at these paths (all pages, before any is rendered).
    package let prepare: ([String]) -> Void
    /// Takes one file, as pieces of text to write one after another (from any thread);
    /// returns why it could not, if so.
    package let emit: (_ path: String, _ pieces: [String]) -> String?
}

/// A request to render one assessment file as a self-contained page.
package struct StandaloneRequest {
    /// The assessment file, anywhere on disk.
    package let file: URL
    /// File name of its PDF, when one will be made next to the page.
    package let pdfName: String?
}

/// The load, model and render stages: everything before writing.
package enum SiteRenderer {
    /// Loads, models and renders the site. `withNotes` adds notes (open indicators) for `check`.
    /// `keepSession` keeps what it takes to rebuild single pages (for `serve`); without it the
    /// loaded sources are freed as soon as the pages are rendered.
    /// `sink`, when given, receives each page as soon as it is rendered (from any thread); pages
    /// it could not take are reported as errors.
    package static func render(_ options: BuildOptions, withPDF: Bool, withSearch: Bool = false, withNotes: Bool = false,
                       standalone: StandaloneRequest? = nil, keepSession: Bool = false,
                       sink: PageSink? = nil) -> (BuildReport, RenderedSite?) {
        var report = BuildReport()
        var diagnostics = DiagnosticList()
        let site = render(options, withPDF: withPDF, withSearch: withSearch, withNotes: withNotes, standalone: standalone,
                          keepSession: keepSession, sink: sink, report: &report, diagnostics: &diagnostics)
        report.diagnostics = DiagnosticList(diagnostics.sorted)
        return (report, site)
    }

    private static func render(_ options: BuildOptions, withPDF: Bool, withSearch: Bool, withNotes: Bool,
                               standalone: StandaloneRequest?, keepSession: Bool,
                               sink: PageSink?,
                               report: inout BuildReport, diagnostics: inout DiagnosticList) -> RenderedSite? {
        // Load.
        StageClock.start()
        let config = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &diagnostics)
        let templateRoot = options.url(options.templates)
        let stylesheets = Stylesheets.read(templateRoot: templateRoot)
        let templates = TemplateSet.load(directory: templateRoot, displayRoot: options.templates, diagnostics: &diagnostics)
        let contentRoot = options.url(options.content)
        StageClock.mark("config and templates")
        var inventory = ContentInventory.scan(root: contentRoot, displayRoot: options.content, diagnostics: &diagnostics)
        StageClock.mark("content inventory")
        let folders = SourceFolders(kader: config.kaderFolder, assessments: config.assessmentsFolder)
        var loaded = parallelMap(inventory.markdown) {
            SourceLoader.load(path: $0, contentRoot: contentRoot, displayRoot: options.content, folders: folders)
        }
        // The assessment to render on its own: taken from the content when it lies there,
        // otherwise loaded as if it did.
        var standalonePath: String?
        if let standalone {
            let file = standalone.file.standardizedFileURL
            if file.path.hasPrefix(contentRoot.path + "/") {
                standalonePath = String(file.path.dropFirst(contentRoot.path.count + 1))
            } else {
                let path = "\(config.assessmentsFolder)/\(file.lastPathComponent)"
                standalonePath = path
                inventory.markdown.removeAll { $0 == path }
                loaded.removeAll { $0.0?.path == path }
                inventory.markdown.append(path)
                let (source, problems) = SourceLoader.load(
                    path: file.lastPathComponent, contentRoot: file.deletingLastPathComponent(),
                    displayRoot: standalone.file.deletingLastPathComponent().relativePath,
                    folders: SourceFolders(onlyAssessments: true))
                loaded.append((source.relocated(to: path), problems))
            }
        }
        StageClock.mark("load sources")
        var sources: [String: LoadedSource] = [:]
        for (source, problems) in loaded {
            diagnostics.append(contentsOf: problems)
            if let source { sources[source.path] = source }
        }

        // Model.
        // A source that failed to load still takes its place in the tree (its own error is
        // already reported), so that it causes no follow-up errors in links or sections.
        let entries = inventory.markdown.map { path in
            guard let source = sources[path] else {
                return SiteTree.Entry(source: path, displayPath: "\(options.content)/\(path)", frontMatter: FrontMatter(),
                                      bodyTitle: String(ContentPath.fileName(path).dropLast(3)))
            }
            let unlisted = source.assessment.map { AssessmentFormat.isUnlisted($0.visibility?.value) } ?? false
            let matter = source.assessment.map { AssessmentPages.frontMatter(for: $0, path: source.path) } ?? source.frontMatter
            return SiteTree.Entry(source: source.path, displayPath: source.displayPath, frontMatter: matter,
                                  bodyTitle: source.bodyTitle, listed: !unlisted)
        }
        let tree = SiteTree.build(entries: entries, config: config, configPath: options.config,
                                  displayRoot: options.content, diagnostics: &diagnostics)
        StageClock.mark("site tree")
        let navigation = Navigation(tree: tree)
        guard !tree.sections.isEmpty else { return nil }
        let resolver = LinkLocator(tree: tree, anchors: sources.mapValues { $0.headings.map(\.id) },
                                   assets: Set(inventory.assets), reservedIDs: SourceLoader.reservedIDs)
        let kaderSite = KaderSite.build(tree: tree, navigation: navigation, parts: sources.compactMapValues(\.kaderPart),
                                        frontMatter: sources.mapValues(\.frontMatter), displayPaths: sources.mapValues(\.displayPath),
                                        config: config, locator: resolver, diagnostics: &diagnostics)
        let kader = kaderSite.map { KaderContexts(site: $0, tree: tree, withPDF: withPDF) }
        if kader != nil {
            templates?.requireTemplates(TemplateSet.requiredForKader, displayRoot: options.templates, diagnostics: &diagnostics)
        }
        let assessmentSite = AssessmentSite.build(tree: tree, drafts: sources.compactMapValues(\.assessment), kader: kaderSite?.kader, config: config,
                                                  withNotes: withNotes, diagnostics: &diagnostics)
        if !assessmentSite.assessments.isEmpty {
            templates?.requireTemplates(TemplateSet.requiredForAssessments, displayRoot: options.templates, diagnostics: &diagnostics)
        }
        let assessmentContexts = kaderSite.map { AssessmentContexts(kader: $0.kader, tree: tree, kaderSite: $0, templates: templates) }

        StageClock.mark("kader and assessments")
        let book = Book(tree: tree, navigation: navigation, assessmentsFolder: config.assessmentsFolder,
                        reservedIDs: SourceLoader.reservedIDs)

        // Render.
        var contextBuilder = PageContextBuilder(tree: tree, navigation: navigation, config: config, withSearch: withSearch,
                                                sidebarHTML: templates.map { SidebarHTML(tree: tree, navigation: navigation, templates: $0) })
        if !book.entries.isEmpty { contextBuilder.bookLinks = (Book.url, withPDF ? Book.pdf : nil) }
        if let templates {
            let roots = Set(tree.pages.map { RelativeURL.root(for: $0.url) } + [RelativeURL.root(for: PageContextBuilder.searchURL)])
            contextBuilder.chrome = ChromeHTML(contexts: contextBuilder, templates: templates, roots: roots)
        }
        let renderer = PageRenderer(
            tree: tree, sources: sources, config: config, templates: templates, resolver: resolver,
            contexts: contextBuilder, kader: kader,
            assessments: assessmentSite, assessmentContexts: assessmentContexts, withPDF: withPDF,
            standalonePath: standalonePath, standalonePDF: standalone?.pdfName, stylesheets: stylesheets,
            book: standalone == nil ? book : nil)
        StageClock.mark("header, footer and sidebars")
        let contexts = renderer.contexts
        let loadedSources = sources
        // A page without problems goes straight to the sink, so the site is never held whole.
        sink?.prepare(tree.pages.map(\.url))
        StageClock.mark("make the pages' folders")
        let emitFailures = Mutex<[String]>([])
        var rendered = parallelMap(Array(tree.pages.indices)) { index -> RenderedPage in
            var page = renderer.render(index)
            // Everything later stages need is in the rendered page; the tree can go.
            if !keepSession { loadedSources[tree.pages[index].source]?.document.discard() }
            if let sink, let html = page.html, page.problems.isEmpty {
                if let failure = sink.emit(tree.pages[index].url, [html]) {
                    emitFailures.withLock { $0.append(failure) }
                } else {
                    page.html = nil
                }
            }
            return page
        }
        StageClock.mark("render and write pages")
        for page in rendered { diagnostics.append(contentsOf: page.problems) }
        for failure in emitFailures.withLock({ $0 }) { diagnostics.append(.error(failure, file: options.output)) }
        guard let templates, !diagnostics.hasErrors else { return nil }

        // What to write.
        var site = RenderedSite()
        site.language = config.language
        if let base = config.baseURL { site.baseURL = base }
        site.standalone = rendered.lazy.compactMap(\.standalone).first
        if standalone != nil {
            if site.standalone == nil {
                diagnostics.append(.error("this file could not be rendered as an assessment", file: standalone!.file.relativePath))
                return nil
            }
            return site
        }
        for (index, page) in tree.pages.enumerated() {
            // Each page's text is dropped once it is bytes, so the site is not held twice.
            if let html = rendered[index].html { site.files.append((page.url, Data(html.utf8))) }
            rendered[index].html = nil
        }
        site.files.append(("404.html", Data(templates.render(contexts.notFoundContext(), with: "404").utf8)))
        site.files += SiteFiles(tree: tree, navigation: navigation, config: config, templates: templates).files()
        if withSearch {
            let url = PageContextBuilder.searchURL
            let search = templates.render(contexts.generatedContext(url: url, title: "Zoeken"), with: "search")
            site.files.append((url, Data(search.utf8)))
        }
        var bodies: [Int: BookContexts.Body] = [:]
        for index in rendered.indices {
            // The bodies move into the book's values, so they are held once.
            if let body = rendered[index].bookBody { bodies[index] = body }
            rendered[index].bookBody = nil
        }
        let bookContexts = BookContexts(book: book, tree: tree, config: config, kader: kader)
        if keepSession {
            site.session = RenderSession(renderer: renderer, folders: folders, contentRoot: contentRoot, displayRoot: options.content,
                                         book: book, bookBodies: bodies, bookContexts: bookContexts, withPDF: withPDF)
        }
        StageClock.mark("other pages")
        if !book.entries.isEmpty {
            // The book holds every page once more: written in pieces, straight away when it can be.
            let pieces = bookContexts.pieces(bodies: bodies, withPDF: withPDF, templates: templates)
            if let sink {
                if let failure = sink.emit(Book.url, pieces) {
                    diagnostics.append(.error(failure, file: options.output))
                    return nil
                }
            } else {
                site.files.append((Book.url, Data(pieces.joined().utf8)))
            }
            site.printable += 1
            if withPDF {
                var context = bookContexts.context(bodies: bodies, withPDF: withPDF)
                context["pdfCSS"] = InlineCSS.book(stylesheets)
                site.pdfs.append((templates.render(context, with: "book"), Book.pdf, Book.url))
            }
        }
        StageClock.mark("book")
        if let kader {
            let contents = Dictionary(rendered.compactMap(\.kaderContent), uniquingKeysWith: { first, _ in first })
            for form in kader.forms {
                var context: [String: Any] = ["site": ["title": config.title, "language": config.language],
                                              "root": RelativeURL.root(for: form.html)]
                context["form"] = kader.formValues(form, contents: contents)
                let template = form.kind == .plan ? "form-plan" : "form"
                site.files.append((form.html, Data(templates.render(context, with: template).utf8)))
                site.printable += 1
                guard withPDF else { continue }
                context["pdfCSS"] = InlineCSS.form(stylesheets)
                site.pdfs.append((templates.render(context, with: template), form.pdf, form.html))
            }
        }
        if let assessmentContexts, let kader = kaderSite?.kader {
            var texts: [String: [IndicatorID: AssessmentContexts.IndicatorText]] = [:]
            for (index, page) in rendered.enumerated() {
                if let pageTexts = page.assessmentTexts { texts[tree.pages[index].source] = pageTexts }
            }
            for session in assessmentSite.sessions {
                let overview = PreparationOverview(session: session.name,
                                                   preparations: session.pages.compactMap { assessmentSite.assessments[$0] },
                                                   kader: kader)
                var context = contexts.generatedContext(url: session.url, title: "Voorbereiding \(session.name)")
                context["preparation"] = assessmentContexts.overviewValues(overview, texts: texts)
                context["noindex"] = true
                site.files.append((session.url, Data(templates.render(context, with: "preparation").utf8)))
            }
        }
        for index in assessmentSite.assessments.keys.sorted() {
            let url = tree.pages[index].url
            if let print = rendered[index].printHTML {
                site.pdfs.append((print, String(url.dropLast("index.html".count)) + AssessmentContexts.pdfName, url))
            }
        }
        StageClock.mark("forms and preparations")
        for asset in inventory.assets {
            site.copies.append((contentRoot.appendingPathComponent(asset), asset))
        }
        let staticRoot = templateRoot.appendingPathComponent("static")
        var themeDiagnostics = DiagnosticList()
        let theme = ContentInventory.scan(root: staticRoot, displayRoot: "\(options.templates)/static", diagnostics: &themeDiagnostics)
        for file in theme.assets + theme.markdown {
            site.copies.append((staticRoot.appendingPathComponent(file), "assets/" + file))
        }
        report.pages = tree.pages.count
        report.assets = inventory.assets.count
        report.kader = kaderSite?.kader
        report.forms = kader?.forms.count ?? 0
        report.assessments = assessmentSite.assessments.count
        return site
    }
}
