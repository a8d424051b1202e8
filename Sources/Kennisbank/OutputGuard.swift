import Diagnostics
import Foundation
import KennisbankLoad
import KennisbankOutput
import SiteFormats

extension SiteBuilder {
    /// Why a build (or `serve`) may not write into the output folder of `options`, or nil when
    /// it may; it looks and touches nothing. Refused: a folder that holds the project's own
    /// files, one inside the content or templates, and one that is not the generator's own
    /// (`OutputFolder`).
    public static func outputProblem(_ options: BuildOptions) -> Diagnostic? {
        let output = canonicalPath(options.url(options.output).path)
        // The assessments folder the config names outside the content is the user's too.
        var ignored = DiagnosticList()
        let assessments = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &ignored).assessmentsRoot
        let sources = [(options.content, "content"), (options.templates, "templates")] + (assessments.map { [($0, "assessments")] } ?? [])
        for (folder, what) in sources where isInside(output, canonicalPath(options.url(folder).path)) {
            return .error("the output folder is inside the \(what) folder `\(folder)`, so the site would be written among your sources; choose an --output outside it, such as `_site`",
                          file: options.output)
        }
        let protected = ([options.url(options.content).path, options.url(options.templates).path, options.url(options.config).path,
                          FileManager.default.currentDirectoryPath] + [assessments].compactMap { $0 }).map(canonicalPath)
        for path in protected where isInside(path, output) {
            return .error("the output folder contains the project's own files (\(path)), which the build would replace; choose an output folder of its own, such as `_site`",
                          file: options.output)
        }
        return OutputFolder.refusal(options.url(options.output)).map { .error($0, file: options.output) }
    }

    /// Whether `path` is `folder` or below it.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// `path` with symbolic links resolved as far as it exists (the rest as written), so that
    /// two ways to the same folder compare equal.
    private static func canonicalPath(_ path: String) -> String {
        var existing = path
        var rest: [Substring] = []
        while !existing.isEmpty {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/") else { break }
            rest.append(existing[existing.index(after: slash)...])
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
        return path
    }
}
