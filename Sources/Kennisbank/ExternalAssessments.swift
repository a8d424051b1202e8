import Diagnostics
import Foundation
import KennisbankLoad
import SiteFormats
import Basics

/// The assessments of a folder outside the content (`assessments:` in the site config naming a
/// path, such as a private repository checked out beside the site), so that the public content
/// holds no unlisted self-evaluation and no code. Its files are read as if they lay in the
/// content's assessments folder: their pages keep the `zelfevaluaties/` address, and the overview
/// page (`_index.md`) stays in the content.
enum ExternalAssessments {
    /// The folder's Markdown files, loaded and placed in the assessments folder of `inventory`.
    /// `displayRoot` is the folder as diagnostics name it.
    static func load(root: URL, displayRoot: String, contentRoot: URL, config: SiteConfig, rules: LoadRules,
                     inventory: inout ContentInventory, diagnostics: inout DiagnosticList) -> [(LoadedSource?, [Diagnostic])] {
        func holds(_ folder: String, _ path: String) -> Bool { folder == "/" || path == folder || path.hasPrefix(folder + "/") }
        if holds(contentRoot.path, root.path) || holds(root.path, contentRoot.path) {
            diagnostics.append(.error("the assessments folder `\(config.assessmentsPath ?? root.path)` lies inside the content folder (or holds it), so its files would be read twice; name a folder outside the content, or write the name of the content's folder, such as `assessments: \(config.assessmentsFolder)`",
                                      file: displayRoot))
            return []
        }
        let found = ContentInventory.scan(root: root, displayRoot: displayRoot, diagnostics: &diagnostics)
        var only = rules
        only.onlyAssessments = true
        let inContent = Set(inventory.markdown)
        var accepted: [String] = []
        for path in found.markdown {
            let target = config.assessmentsFolder + "/" + path
            if ContentPath.isLanding(path) {
                diagnostics.append(.warning("an overview page is not read from the assessments folder, which holds only assessment files; the overview of the self-evaluations is `\(config.assessmentsFolder)/_index.md` in the content",
                                            file: "\(displayRoot)/\(path)", line: 1, column: 1))
            } else if inContent.contains(target) {
                diagnostics.append(.error("the content holds `\(target)` too, so both would be the same page; keep the assessment in one of the two folders",
                                          file: "\(displayRoot)/\(path)", line: 1, column: 1))
            } else {
                accepted.append(path)
            }
        }
        // Read on every core, as the content's own files are.
        let loaded = parallelMap(accepted) { path -> (LoadedSource?, [Diagnostic]) in
            let (source, problems) = SourceLoader.load(path: path, contentRoot: root, displayRoot: displayRoot, folders: only)
            return (source.relocated(to: config.assessmentsFolder + "/" + path), problems)
        }
        inventory.markdown += accepted.map { config.assessmentsFolder + "/" + $0 }
        for asset in found.assets {
            diagnostics.append(.warning("the assessments folder holds only assessment files (`.md`); this file is not published",
                                        file: "\(displayRoot)/\(asset)"))
        }
        return loaded
    }

    /// The folder as diagnostics name it: as written in the config, from the config file's folder.
    static func displayRoot(written: String, configPath: String) -> String {
        let folder = RelativePath.parent(configPath)
        return RelativePath.normalized(written.hasPrefix("/") || folder.isEmpty ? written : folder + "/" + written)
    }
}
