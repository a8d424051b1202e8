import Diagnostics
import Foundation
import Kader
import KennisbankMarkdown

/// Everything that goes into the output folder.
struct RenderedSite {
    var files: [(path: String, data: Data)] = []
    var copies: [(source: URL, path: String)] = []
    /// HTML pages (relative to the site root) to turn into PDF files once written.
    var pdfs: [(html: String, pdf: String)] = []
}

/// The load, model and render stages: everything before writing.
enum SiteRenderer {
    static func render(_ options: BuildOptions, withPDF: Bool) -> (BuildReport, RenderedSite?) {
        var report = BuildReport()
        var diagnostics = DiagnosticList()
        let site = render(options, withPDF: withPDF, report: &report, diagnostics: &diagnostics)
        report.diagnostics = DiagnosticList(diagnostics.sorted)
        return (report, site)
    }

    /// One page after rendering.
    private struct RenderedPage {
        var html: String?
        var problems: [Diagnostic] = []
        var kaderContent: (PartID, KaderPartContent)?
    }

    private static func render(_ options: BuildOptions, withPDF: Bool, report: inout BuildReport,
                               diagnostics: inout DiagnosticList) -> RenderedSite? {
        // Load.
        let config = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &diagnostics)
        let templateRoot = options.url(options.templates)
        let templates = TemplateSet.load(directory: templateRoot, displayRoot: options.templates, diagnostics: &diagnostics)
        let contentRoot = options.url(options.content)
        let inventory = ContentInventory.scan(root: contentRoot, displayRoot: options.content, diagnostics: &diagnostics)
        let loaded = parallelMap(inventory.markdown) {
            SourceLoader.load(path: $0, contentRoot: contentRoot, displayRoot: options.content, kaderFolder: config.kaderFolder)
        }
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
                                      bodyTitle: String(SiteTree.fileName(path).dropLast(3)))
            }
            return SiteTree.Entry(source: source.path, displayPath: source.displayPath, frontMatter: source.frontMatter,
                                  bodyTitle: source.bodyTitle)
        }
        let tree = SiteTree.build(entries: entries, config: config, configPath: options.config,
                                  displayRoot: options.content, diagnostics: &diagnostics)
        let navigation = Navigation(tree: tree)
        guard !tree.sections.isEmpty else { return nil }
        let resolver = LinkResolver(tree: tree, anchors: sources.mapValues { $0.headings.map(\.id) },
                                    assets: Set(inventory.assets))
        let kaderSite = KaderSite.build(tree: tree, navigation: navigation, sources: sources, config: config,
                                        resolver: resolver, diagnostics: &diagnostics)
        let kader = kaderSite.map { KaderContexts(site: $0, tree: tree, withPDF: withPDF) }
        if kader != nil {
            templates?.requireTemplates(TemplateSet.requiredForKader, displayRoot: options.templates, diagnostics: &diagnostics)
        }

        // Render.
        let contexts = PageContextBuilder(tree: tree, navigation: navigation, config: config)
        let kaderValues = kader?.kaderValues
        let rendered = parallelMap(Array(tree.pages.indices)) { index -> RenderedPage in
            guard let source = sources[tree.pages[index].source] else { return RenderedPage() }
            var page = RenderedPage()
            var destinations: [Int: String] = [:]
            for link in source.links {
                switch resolver.resolve(link.destination, from: index) {
                case .keep: break
                case .rewrite(let url): destinations[link.index] = url
                case .failure(let message):
                    page.problems.append(.error(message, file: source.displayPath, line: link.line, column: link.column))
                }
            }
            source.document.setDestinations(destinations)
            guard let templates else { return page }

            var template = templateName(for: tree.pages[index].kind)
            var context: [String: Any]
            if let kader, let draft = source.kaderPart, let id = PartID(draft.partText ?? ""),
               let part = kader.site.kader.part(id), kader.site.partPages[id] == index {
                let content = KaderPartContent(segments: source.document.renderSegments(allowRawHTML: config.allowRawHTML),
                                               headings: source.headings, part: part)
                context = contexts.context(for: index, body: "", headings: [])
                context["part"] = kader.partValues(part, content: content)
                page.kaderContent = (id, content)
                template = "kader-part"
            } else {
                let body = source.document.renderHTML(allowRawHTML: config.allowRawHTML)
                context = contexts.context(for: index, body: body, headings: source.headings)
                if let kader, index == kader.site.landing { template = "kader" }
            }
            if let kader {
                if kader.site.contains(page: index, in: tree) { context["kader"] = kaderValues }
                if let link = kader.principleLink(for: index) { context["kaderPart"] = link }
            }
            page.html = templates.render(context, with: template)
            return page
        }
        for page in rendered { diagnostics.append(contentsOf: page.problems) }
        guard let templates, !diagnostics.hasErrors else { return nil }

        // What to write.
        var site = RenderedSite()
        for (index, page) in tree.pages.enumerated() {
            if let html = rendered[index].html { site.files.append((page.url, Data(html.utf8))) }
        }
        site.files.append(("404.html", Data(templates.render(contexts.notFoundContext(), with: "404").utf8)))
        if let kader {
            let contents = Dictionary(rendered.compactMap(\.kaderContent), uniquingKeysWith: { first, _ in first })
            for form in kader.forms {
                var context: [String: Any] = ["site": ["title": config.title, "language": config.language],
                                              "root": RelativeURL.root(for: form.html)]
                context["form"] = kader.formValues(form, contents: contents)
                let html = templates.render(context, with: form.kind == .plan ? "form-plan" : "form")
                site.files.append((form.html, Data(html.utf8)))
                site.pdfs.append((form.html, form.pdf))
            }
        }
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
        report.forms = site.pdfs.count
        return site
    }

    private static func templateName(for kind: Page.Kind) -> String {
        switch kind {
        case .home: "home"
        case .section: "section"
        case .page: "page"
        }
    }
}
