import Diagnostics
import Foundation
import SiteFormats

/// The shipped site that the `kennisbank` binary carries (the `DefaultSite` target: templates,
/// config, and the content without its assessments), written for one command into a private
/// temporary folder, read from there as any site is, and removed afterwards.
package struct BuiltInSite {
    /// The temporary project folder, holding `content/`, `templates/` and `kennisbank.yml`.
    package let root: URL

    /// Writes `files` (paths in the project, such as `content/kader/p1.md`) into a new folder
    /// that only this user can read; nil with the cause when the folder cannot be written.
    package static func write(_ files: [String: Data]) -> (BuiltInSite?, Diagnostic?) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-site-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let file = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
        } catch {
            try? FileManager.default.removeItem(at: root)
            return (nil, .error("cannot write the site built into kennisbank to a temporary folder: \(error.localizedDescription); free some space there, or give --site DIR",
                                file: FileManager.default.temporaryDirectory.path))
        }
        return (BuiltInSite(root: root), nil)
    }

    /// The paths a build reads, in the temporary folder.
    package var options: BuildOptions {
        BuildOptions(content: root.appendingPathComponent("content").path, templates: root.appendingPathComponent("templates").path,
                     output: root.appendingPathComponent("_site").path, config: root.appendingPathComponent("kennisbank.yml").path,
                     makePDFs: false)
    }

    /// Removes the temporary folder (the command's own).
    package func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Whether the assessment of `request` can be rendered with the built-in kader: it must name
    /// the built-in version (or none). Adds the one-line note that the built-in site is used, or
    /// the error with the fix.
    static func admits(_ loaded: LoadedSite, _ request: StandaloneRequest, diagnostics: inout DiagnosticList) -> Bool {
        let file = loaded.standalonePath.flatMap { loaded.sources[$0]?.displayPath } ?? request.file.relativePath
        let version = loaded.sources["\(loaded.config.kaderFolder)/_index.md"]?.frontMatter.version ?? "?"
        if let path = loaded.standalonePath, let written = loaded.sources[path]?.assessment?.kaderVersion, written.value != version {
            diagnostics.append(.error("this assessment was made with kader version `\(written.value)`, but the kader built into kennisbank is version `\(version)`; render it with the site that holds version `\(written.value)`: `kennisbank assessment render FILE --site DIR`",
                                      file: file, line: written.line))
            return false
        }
        diagnostics.append(.note("this folder is not a site (it has no `content/\(loaded.config.kaderFolder)`), so the templates and the kader (version \(version)) built into kennisbank are used; earlier rounds of the practice are compared only with `--site DIR`, the site's folder",
                                 file: file))
        return true
    }
}

/// Where `assessment render` takes its templates, config and kader from.
public enum RenderSite: Sendable {
    /// A site on disk: the working folder's, or the one `--site DIR` names.
    case folder(BuildOptions)
    /// The shipped site carried in the binary (`DefaultSiteFiles.files`).
    case builtIn([String: Data])

    /// `--site DIR` when given (the paths of `options` taken inside DIR); otherwise the working
    /// folder when it is a site (it has the kader folder); otherwise the built-in site. Nil with
    /// the error when DIR is not a site.
    public static func choose(siteFolder: String?, options: BuildOptions, builtIn: [String: Data]) -> (RenderSite?, Diagnostic?) {
        guard let folder = siteFolder else {
            return (isSite(options) ? .folder(options) : .builtIn(builtIn), nil)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return (nil, .error("\(isFolder.boolValue || !FileManager.default.fileExists(atPath: folder) ? "no such folder" : "this is a file, not a folder"); give --site the folder of the site, which holds `content/`, `templates/` and `kennisbank.yml`",
                                file: folder))
        }
        func inside(_ path: String) -> String { path.hasPrefix("/") ? path : joined(folder, path) }
        var site = options
        site.content = inside(options.content)
        site.templates = inside(options.templates)
        site.config = inside(options.config)
        guard isSite(site) else {
            return (nil, .error("this folder is not a site: it has no `\(options.content)/\(kaderFolder(site))` folder; give --site the folder that holds `content/`, `templates/` and `kennisbank.yml`, or leave --site out to use the kader built into kennisbank",
                                file: folder))
        }
        return (.folder(site), nil)
    }

    /// Whether the content folder of `options` holds the kader folder (named in its config).
    static func isSite(_ options: BuildOptions) -> Bool {
        var isFolder: ObjCBool = false
        let kader = joined(options.content, kaderFolder(options))
        return FileManager.default.fileExists(atPath: kader, isDirectory: &isFolder) && isFolder.boolValue
    }

    private static func joined(_ folder: String, _ path: String) -> String {
        folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// The kader folder the config of `options` names (its problems are reported by the render).
    private static func kaderFolder(_ options: BuildOptions) -> String {
        var ignored = DiagnosticList()
        return SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &ignored).kaderFolder
    }
}
