import Diagnostics
import Foundation
import Synchronization
import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import SiteFormats
import Basics

/// Everything that goes into the output folder.
struct RenderedSite {
    var files: [(path: String, data: Data)] = []
    var copies: [(source: URL, path: String)] = []
    /// Pages to turn into PDF files: their print variant (stylesheet inline), the PDF's path
    /// and the page's own path (both relative to the site root).
    var pdfs: [(html: String, pdf: String, page: String)] = []
    /// How many documents would get a PDF (forms, book, result pages), made or not.
    var printable = 0
    /// The site's language, for the search index.
    var language = "nl"
    /// The site's address for links in PDFs: the configured base URL, or a neutral stand-in.
    var baseURL = "https://kennisbank.invalid/"
    /// What it takes to render one page again (see `SiteSession`).
    var session: RenderSession?
}

/// The state of a render kept for rebuilding single pages: the renderer with every loaded
/// source, and the book's page bodies.
struct RenderSession: Sendable {
    var renderer: PageRenderer
    let rules: LoadRules
    let contentRoot: URL
    let displayRoot: String
    var bookBodies: [Int: BookContexts.Body]
    let bookContexts: BookContexts
    let withPDF: Bool
}

/// Where pages go as soon as they are rendered: the staging folder of a build.
struct PageSink {
    /// Prepares for files at these paths (all pages, before any is rendered).
    let prepare: ([String]) -> Void
    /// Takes one file, as pieces of text to write one after another (from any thread);
    /// returns why it could not, if so.
    let emit: (_ path: String, _ pieces: [String]) -> String?
}

/// What a build asks of the render stage besides the pages.
struct RenderRequest {
    /// Print variants of the printable pages, for their PDFs.
    var withPDF = false
    /// The search page (Pagefind will index the site).
    var withSearch = false
    /// Keep what it takes to rebuild single pages (for `serve`); without it the loaded sources
    /// are freed as soon as the pages are rendered.
    var keepSession = false
    /// Receives each page as soon as it is rendered (from any thread); pages it could not take
    /// are reported as errors.
    var sink: PageSink?
}

/// The stages before writing, composed: load -> model -> render. Each command asks only for
/// what it needs: `check` the model, `build` and `serve` the whole site, `assessment render`
/// one page.
package enum SiteRenderer {
    /// Loads and models the site: every problem `build` would report before writing, and notes
    /// (open indicators). Renders nothing.
    static func check(_ options: BuildOptions, withNotes: Bool = true) -> BuildReport {
        var diagnostics = DiagnosticList()
        let loaded = LoadedSite.load(options, diagnostics: &diagnostics)
        var report = BuildReport()
        if let model = model(loaded, options, withSearch: false, withNotes: withNotes, diagnostics: &diagnostics) {
            report.count(model)
        }
        report.diagnostics = DiagnosticList(diagnostics.sorted)
        return report
    }

    /// Loads, models and renders the whole site.
    static func render(_ options: BuildOptions, _ request: RenderRequest) -> (BuildReport, RenderedSite?) {
        var diagnostics = DiagnosticList()
        let loaded = LoadedSite.load(options, diagnostics: &diagnostics)
        var report = BuildReport()
        var site: RenderedSite?
        if let model = model(loaded, options, withSearch: request.withSearch, withNotes: false, diagnostics: &diagnostics) {
            report.count(model)
            site = renderSite(loaded, model, request, options: options, diagnostics: &diagnostics)
        }
        report.diagnostics = DiagnosticList(diagnostics.sorted)
        return (report, site)
    }

    /// Loads and models the site with one more assessment file and renders that file alone, as
    /// a self-contained page.
    static func renderStandalone(_ options: BuildOptions, _ request: StandaloneRequest) -> (BuildReport, String?) {
        var diagnostics = DiagnosticList()
        let loaded = LoadedSite.load(options, standalone: request, diagnostics: &diagnostics)
        var report = BuildReport()
        var html: String?
        if request.builtIn, !BuiltInSite.admits(loaded, request, diagnostics: &diagnostics) {
            report.diagnostics = DiagnosticList(diagnostics.sorted)
            return (report, nil)
        }
        if let model = model(loaded, options, withSearch: false, withNotes: false, diagnostics: &diagnostics),
           let templates = loaded.templates, !diagnostics.hasErrors {
            // A self-contained page has no header, footer or sidebar: none is made for the site.
            let renderer = pageRenderer(loaded, model, templates: templates, request: RenderRequest(), withChrome: false)
            if let path = loaded.standalonePath, let index = model.tree.pageBySource[path] {
                html = renderer.renderStandalone(index, pdfName: request.pdfName)
            }
            if html == nil {
                diagnostics.append(.error("this file could not be rendered as an assessment", file: request.file.relativePath))
            }
        }
        report.diagnostics = DiagnosticList(diagnostics.sorted)
        return (report, html)
    }

    /// The model and a page renderer of the site, without rendering anything (for tests that
    /// compare cached with uncached rendering); nil when the site has errors.
    package static func renderer(_ options: BuildOptions, withSearch: Bool = false) -> (SiteModel, PageRenderer)? {
        var diagnostics = DiagnosticList()
        let loaded = LoadedSite.load(options, diagnostics: &diagnostics)
        guard let model = model(loaded, options, withSearch: withSearch, withNotes: false, diagnostics: &diagnostics),
              let templates = loaded.templates, !diagnostics.hasErrors else { return nil }
        return (model, pageRenderer(loaded, model, templates: templates, request: RenderRequest(withSearch: withSearch)))
    }

    /// The model stage, and the templates the model's kinds of pages need.
    private static func model(_ loaded: LoadedSite, _ options: BuildOptions, withSearch: Bool, withNotes: Bool,
                              diagnostics: inout DiagnosticList) -> SiteModel? {
        let input = loaded.modelInput(options, withSearch: withSearch, withNotes: withNotes)
        guard let model = SiteModel.build(input, diagnostics: &diagnostics) else { return nil }
        warnAboutTrackedUnlisted(model, loaded, options, diagnostics: &diagnostics)
        if model.kader != nil {
            loaded.templates?.requireTemplates(TemplateSet.requiredForKader, displayRoot: options.templates, diagnostics: &diagnostics)
        }
        if !model.assessments.assessments.isEmpty {
            loaded.templates?.requireTemplates(TemplateSet.requiredForAssessments, displayRoot: options.templates,
                                               diagnostics: &diagnostics)
        }
        if !model.aliases.isEmpty {
            loaded.templates?.requireTemplates(TemplateSet.requiredForAliases, displayRoot: options.templates, diagnostics: &diagnostics)
        }
        StageClock.mark("site model")
        return model
    }

    /// An unlisted self-evaluation (or preparation) in a folder that git tracks is in every copy
    /// of the repository, with its code: a warning for each, but for fictional examples.
    private static func warnAboutTrackedUnlisted(_ model: SiteModel, _ loaded: LoadedSite, _ options: BuildOptions,
                                                 diagnostics: inout DiagnosticList) {
        var unlisted: [(file: String, display: String)] = []
        for (index, assessment) in model.assessments.assessments where assessment.visibility == .unlisted && !assessment.isExample {
            guard let display = loaded.sources[model.tree.pages[index].source]?.displayPath else { continue }
            unlisted.append((URL(fileURLWithPath: display).standardizedFileURL.path, display))
        }
        let tracked = GitTracking.tracked(unlisted.map(\.file), searchPath: options.programSearchPath)
        for item in unlisted.sorted(by: { $0.display < $1.display }) where tracked.contains(item.file) {
            diagnostics.append(.warning("this unlisted self-evaluation lies in a folder that git tracks, so every copy of the repository holds it and its code; keep it in an assessments folder outside the repository (`assessments:` in the site config, see the README), or, for a fictional example, write `voorbeeld: true`",
                                        file: item.display, line: 1, column: 1))
        }
    }

    /// The renderer of the site's pages; `withChrome` false leaves out the sidebars, headers and
    /// footers made ahead for every page (for a page that has none).
    private static func pageRenderer(_ loaded: LoadedSite, _ model: SiteModel, templates: TemplateSet,
                                     request: RenderRequest, withChrome: Bool = true) -> PageRenderer {
        let bookLinks = model.generated.contains(.book) ? (Book.url, request.withPDF ? Book.pdf : nil) : nil
        let sidebar = withChrome
            ? SidebarHTML(tree: model.tree, navigation: model.navigation, templates: templates, strings: model.strings) : nil
        var contexts = PageContextBuilder(tree: model.tree, navigation: model.navigation, config: model.config,
                                          strings: model.strings, withSearch: request.withSearch, sidebarHTML: sidebar,
                                          bookLinks: bookLinks)
        if withChrome {
            let roots = Set(model.tree.pages.map { RelativeURL.root(for: $0.url) } + [RelativeURL.root(for: PageContextBuilder.searchURL)])
            contexts.chrome = ChromeHTML(shared: contexts.chromeShared, templates: templates, roots: roots)
        }
        let kader = model.kader.map { KaderContexts(site: $0, tree: model.tree, strings: model.strings, withPDF: request.withPDF) }
        let assessmentContexts = model.kader.map {
            AssessmentContexts(kader: $0.kader, tree: model.tree, kaderSite: $0, templates: templates, strings: model.strings)
        }
        StageClock.mark("header, footer and sidebars")
        return PageRenderer(model: model, sources: loaded.sources, templates: templates, contexts: contexts, kader: kader,
                            assessmentContexts: assessmentContexts, withPDF: request.withPDF, stylesheets: loaded.stylesheets)
    }

    /// The render stage: every page (into the sink as soon as it is rendered), then the pages
    /// the generator makes itself, the theme's files and the content's other files.
    private static func renderSite(_ loaded: LoadedSite, _ model: SiteModel, _ request: RenderRequest, options: BuildOptions,
                                   diagnostics: inout DiagnosticList) -> RenderedSite? {
        guard let templates = loaded.templates, !diagnostics.hasErrors else { return nil }
        let renderer = pageRenderer(loaded, model, templates: templates, request: request)
        let tree = model.tree
        let loadedSources = loaded.sources
        // A page goes straight to the sink, so the site is never held whole.
        request.sink?.prepare(tree.pages.map(\.url))
        StageClock.mark("make the pages' folders")
        let emitFailures = Mutex<[String]>([])
        var rendered = parallelMap(Array(tree.pages.indices)) { index -> RenderedPage in
            var page = renderer.render(index)
            // Everything later stages need is in the rendered page; the tree can go.
            if !request.keepSession { loadedSources[tree.pages[index].source]?.document.discard() }
            if let sink = request.sink, let html = page.html {
                if let failure = sink.emit(tree.pages[index].url, [html]) {
                    emitFailures.withLock { $0.append(failure) }
                } else {
                    page.html = nil
                }
            }
            return page
        }
        StageClock.mark("render and write pages")
        for failure in emitFailures.withLock({ $0 }) { diagnostics.append(.error(failure, file: options.output)) }
        guard !diagnostics.hasErrors else { return nil }

        var site = RenderedSite()
        site.language = model.config.language
        if let base = model.config.baseURL { site.baseURL = base }
        for (index, page) in tree.pages.enumerated() {
            // Each page's text is dropped once it is bytes, so the site is not held twice.
            if let html = rendered[index].html { site.files.append((page.url, Data(html.utf8))) }
            rendered[index].html = nil
        }
        var bodies: [Int: BookContexts.Body] = [:]
        for index in rendered.indices {
            // The bodies move into the book's values, so they are held once.
            if let body = rendered[index].bookBody { bodies[index] = body }
            rendered[index].bookBody = nil
        }
        let generated = GeneratedPages(model: model, renderer: renderer, templates: templates, stylesheets: loaded.stylesheets,
                                       withPDF: request.withPDF, rendered: rendered)
        let bookContexts = BookContexts(book: model.book, tree: tree, config: model.config, strings: model.strings, kader: renderer.kader)
        for page in model.generated {
            switch page {
            case .book:
                // The book holds every page once more: written in pieces, straight away when it can be.
                let pieces = bookContexts.pieces(bodies: bodies, withPDF: request.withPDF, templates: templates)
                if let sink = request.sink {
                    if let failure = sink.emit(Book.url, pieces) {
                        diagnostics.append(.error(failure, file: options.output))
                        return nil
                    }
                } else {
                    site.files.append((Book.url, Data(pieces.joined().utf8)))
                }
                site.printable += 1
                if request.withPDF {
                    site.pdfs.append((generated.bookPrint(bookContexts, bodies: bodies), Book.pdf, Book.url))
                }
                StageClock.mark("book")
            default:
                guard let file = generated.render(page) else { continue }
                site.files.append((file.path, Data(file.html.utf8)))
                if file.printable { site.printable += 1 }
                if let print = file.print { site.pdfs.append((print, file.pdf!, file.path)) }
            }
        }
        site.files += SiteFiles(tree: tree, navigation: model.navigation, config: model.config, templates: templates,
                                strings: renderer.contexts.stringsValue).files()
        for index in model.assessments.assessments.keys.sorted() {
            let url = tree.pages[index].url
            if let print = rendered[index].printHTML {
                site.pdfs.append((print, String(url.dropLast("index.html".count)) + OutputPaths.assessmentPDF, url))
            }
        }
        if request.keepSession {
            site.session = RenderSession(renderer: renderer, rules: loaded.rules, contentRoot: loaded.contentRoot,
                                         displayRoot: options.content, bookBodies: bodies, bookContexts: bookContexts,
                                         withPDF: request.withPDF)
        }
        StageClock.mark("other pages")
        for asset in model.assets {
            site.copies.append((loaded.contentRoot.appendingPathComponent(asset), asset))
        }
        let staticRoot = loaded.templateRoot.appendingPathComponent("static")
        var themeDiagnostics = DiagnosticList()
        let theme = ContentInventory.scan(root: staticRoot, displayRoot: "\(options.templates)/static", diagnostics: &themeDiagnostics)
        for file in theme.assets + theme.markdown {
            site.copies.append((staticRoot.appendingPathComponent(file), OutputPaths.theme + "/" + file))
        }
        return site
    }
}

extension BuildReport {
    /// What the model holds, for the summary line.
    mutating func count(_ model: SiteModel) {
        pages = model.tree.pages.count
        assets = model.assets.count
        kader = model.kader?.kader
        forms = model.kader?.forms.count ?? 0
        assessments = model.assessments.assessments.count
    }
}
