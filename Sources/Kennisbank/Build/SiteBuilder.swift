import Diagnostics
import Foundation
import KennisbankMarkdown

/// Runs the pipeline: load (config, templates, sources) -> model (site tree, navigation)
/// -> render (links, Markdown, templates) -> write (staged output, swapped in at the end).
public enum SiteBuilder {
    /// Validates everything and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let start = Date()
        let (report, _) = render(options)
        return finish(report, start)
    }

    /// Builds the site into `options.output`. On any error the previous output stays untouched.
    public static func build(_ options: BuildOptions) -> BuildReport {
        let start = Date()
        var (report, site) = render(options)
        guard let site, !report.diagnostics.hasErrors else { return finish(report, start) }
        let output = options.url(options.output)
        if let problem = unsafeOutputProblem(output, options: options) {
            report.diagnostics.append(.error(problem, file: options.output))
            return finish(report, start)
        }
        do {
            let staged = try StagedOutput.begin(destination: output)
            do {
                for file in site.files { try staged.write(file.data, to: file.path) }
                for copy in site.copies { try staged.copy(copy.source, to: copy.path) }
                try staged.commit()
                report.wroteOutput = true
            } catch {
                staged.discard()
                throw error
            }
        } catch {
            report.diagnostics.append(.error("\(error); the previous site was left as it was", file: options.output))
        }
        return finish(report, start)
    }

    private static func finish(_ report: BuildReport, _ start: Date) -> BuildReport {
        var report = report
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Refuses an output folder that holds the sources: replacing it would delete them.
    private static func unsafeOutputProblem(_ output: URL, options: BuildOptions) -> String? {
        let outputPath = output.path
        let protected = [options.url(options.content).path, options.url(options.templates).path,
                         URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path]
        for path in protected where path == outputPath || path.hasPrefix(outputPath == "/" ? "/" : outputPath + "/") {
            return "the output folder contains the project's own files (\(path)), which the build would replace; choose an output folder of its own, such as `_site`"
        }
        return nil
    }

    /// Everything that goes into the output folder.
    struct RenderedSite {
        var files: [(path: String, data: Data)] = []
        var copies: [(source: URL, path: String)] = []
    }

    static func render(_ options: BuildOptions) -> (BuildReport, RenderedSite?) {
        var report = BuildReport()
        var diagnostics = DiagnosticList()
        let site = render(options, report: &report, diagnostics: &diagnostics)
        report.diagnostics = DiagnosticList(diagnostics.sorted)
        return (report, site)
    }

    private static func render(_ options: BuildOptions, report: inout BuildReport,
                               diagnostics: inout DiagnosticList) -> RenderedSite? {

        // Load.
        let config = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &diagnostics)
        let templateRoot = options.url(options.templates)
        let templates = TemplateSet.load(directory: templateRoot, displayRoot: options.templates, diagnostics: &diagnostics)
        let contentRoot = options.url(options.content)
        let inventory = ContentInventory.scan(root: contentRoot, displayRoot: options.content, diagnostics: &diagnostics)
        let loaded = parallelMap(inventory.markdown) {
            SourceLoader.load(path: $0, contentRoot: contentRoot, displayRoot: options.content)
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

        // Render.
        let resolver = LinkResolver(tree: tree,
                                    anchors: sources.mapValues { $0.headings.map(\.id) },
                                    assets: Set(inventory.assets))
        let contexts = PageContextBuilder(tree: tree, navigation: navigation, config: config)
        let rendered = parallelMap(Array(tree.pages.indices)) { index -> (String?, [Diagnostic]) in
            guard let source = sources[tree.pages[index].source] else { return (nil, []) }
            var problems: [Diagnostic] = []
            var destinations: [Int: String] = [:]
            for link in source.links {
                switch resolver.resolve(link.destination, from: index) {
                case .keep: break
                case .rewrite(let url): destinations[link.index] = url
                case .failure(let message):
                    problems.append(.error(message, file: source.displayPath, line: link.line, column: link.column))
                }
            }
            source.document.setDestinations(destinations)
            let body = source.document.renderHTML(allowRawHTML: config.allowRawHTML)
            guard let templates else { return (nil, problems) }
            let context = contexts.context(for: index, body: body, headings: source.headings)
            let name = switch tree.pages[index].kind {
            case .home: "home"
            case .section: "section"
            case .page: "page"
            }
            return (templates.render(context, with: name), problems)
        }
        for (_, problems) in rendered { diagnostics.append(contentsOf: problems) }
        guard let templates, !diagnostics.hasErrors else { return nil }

        // What to write.
        var site = RenderedSite()
        for (index, page) in tree.pages.enumerated() {
            if let html = rendered[index].0 { site.files.append((page.url, Data(html.utf8))) }
        }
        site.files.append(("404.html", Data(templates.render(contexts.notFoundContext(), with: "404").utf8)))
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
        return site
    }
}
