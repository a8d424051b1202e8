import Foundation
import PackagePlugin

/// Embeds the shipped site in the `DefaultSite` target at build time: every file of
/// `templates/`, `kennisbank.yml`, and `content/` without the completed assessments (only the
/// assessments folder's landing page goes in: a practice's results never travel inside the
/// binary). The files stay where they are, the single source; `EmbedFiles` writes them into one
/// generated Swift file, which SwiftPM remakes whenever one of them changes. Reads only the
/// package's own folder; fetches nothing.
@main
struct EmbedDefaultSite: BuildToolPlugin {
    /// The shipped content's assessments folder (`SiteConfig.assessmentsFolder`'s default).
    static let assessmentsFolder = "content/zelfevaluaties/"
    static let landingPages: Set<String> = ["_index.md", "index.md", "README.md"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let files = (Self.files(below: "templates", in: root) + ["kennisbank.yml"] + Self.files(below: "content", in: root))
            .filter { path in
                guard path.hasPrefix(Self.assessmentsFolder) else { return true }
                let rest = path.dropFirst(Self.assessmentsFolder.count)
                return Self.landingPages.contains(String(rest))
            }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSiteFiles.swift")
        return [.buildCommand(displayName: "Embedding the shipped templates, config and content in DefaultSite",
                              executable: try context.tool(named: "EmbedFiles").url,
                              arguments: [root.path, output.path] + files,
                              // Each file: an edited or added one remakes the source. (SwiftPM keeps
                              // the list of a removed one until the manifest changes: `touch
                              // Package.swift` then; a folder as input is tracked by its own date only.)
                              inputFiles: files.map { root.appending(path: $0) },
                              outputFiles: [output])]
    }

    /// Every regular file below `folder`, as paths relative to `root`, sorted; hidden files
    /// (editor backups, `.DS_Store`) left out.
    static func files(below folder: String, in root: URL) -> [String] {
        let base = root.appending(path: folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)
            paths.append(folder + "/" + relative)
        }
        return paths.sorted()
    }
}
