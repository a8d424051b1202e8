import Diagnostics
import Basics
import Foundation
import Kader
import KennisbankLoad
import KennisbankModel
import SiteFormats

/// Reads the kader of a content folder on its own: the config, the kader folder's files and the
/// home page, without loading or rendering any other page (for `assessment template` and
/// `import`, and the fuzz targets). It reports the kader's own problems as `build` does.
public enum KaderReader {
    public static func read(options: BuildOptions) -> (Kader?, DiagnosticList) {
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &diagnostics)
        let contentRoot = options.url(options.content)
        var scanProblems = DiagnosticList()
        let inventory = ContentInventory.scan(root: contentRoot, displayRoot: options.content, diagnostics: &scanProblems)
        let folders = LoadRules(kader: config.kaderFolder, assessments: config.assessmentsFolder)
        let paths = inventory.markdown.filter {
            $0.hasPrefix(config.kaderFolder + "/") || (!$0.contains("/") && ContentPath.isLanding($0))
        }
        var sources: [String: LoadedSource] = [:]
        for (source, problems) in parallelMap(paths, {
            SourceLoader.load(path: $0, contentRoot: contentRoot, displayRoot: options.content, folders: folders)
        }) {
            diagnostics.append(contentsOf: problems.filter { $0.severity == .error })
            if let source { sources[source.path] = source }
        }
        guard paths.contains(where: { $0.hasPrefix(config.kaderFolder + "/") }) else {
            diagnostics.append(.error("the content has no kader folder `\(config.kaderFolder)/`, so there is no kader to read",
                                      file: options.content))
            return (nil, diagnostics)
        }
        var treeProblems = DiagnosticList()
        let entries = paths.compactMap { path in
            sources[path].map { SiteTree.Entry(source: $0.path, displayPath: $0.displayPath, frontMatter: $0.frontMatter,
                                                bodyTitle: $0.bodyTitle) }
        }
        let tree = SiteTree.build(entries: entries, config: config, configPath: options.config, displayRoot: options.content,
                                  diagnostics: &treeProblems)
        guard !tree.sections.isEmpty else { return (nil, diagnostics) }
        let kader = KaderSite.kader(tree: tree, navigation: Navigation(tree: tree), parts: sources.compactMapValues(\.kaderPart),
                                    frontMatter: sources.mapValues(\.frontMatter), displayPaths: sources.mapValues(\.displayPath),
                                    config: config, diagnostics: &diagnostics)
        return (diagnostics.hasErrors ? nil : kader, diagnostics)
    }
}
