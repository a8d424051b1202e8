import Diagnostics
import SiteFormats
import Basics

/// Files of the content a browser runs script in when it opens them from the site: HTML
/// (`.html`, `.htm`, `.xhtml`, `.xht`, `.shtml`), SVG (`.svg`, `.svgz`), XML with its
/// stylesheets (`.xml`, `.xsl`, `.xslt`, which can hold XHTML script), and JavaScript (`.js`,
/// `.mjs`, which trusted raw HTML could load). Any case of the extension counts. They are
/// published only when the site config says the content is trusted (`trusted_active_files`),
/// and never from the assessments folder, whose text is never trusted.
package enum ActiveFiles {
    package static let extensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "svg", "svgz", "xml", "xsl", "xslt",
                                                  "js", "mjs"]

    /// The extension of `path` in lower case when it is an active file's, else nil.
    package static func activeExtension(_ path: String) -> String? {
        let name = RelativePath.name(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...].lowercased()
        return extensions.contains(suffix) ? suffix : nil
    }

    /// The files of the content that are published, and the active ones that are not, each of
    /// those with a warning naming the file and what publishes it.
    package static func published(_ files: [String], config: SiteConfig, configPath: String, contentPath: String,
                                  diagnostics: inout DiagnosticList) -> (published: [String], withheld: Set<String>) {
        var published: [String] = []
        var withheld = Set<String>()
        for path in files {
            guard let suffix = activeExtension(path) else {
                published.append(path)
                continue
            }
            let untrusted = path.hasPrefix(config.assessmentsFolder + "/")
            if config.trustedActiveFiles, !untrusted {
                published.append(path)
                continue
            }
            withheld.insert(path)
            let why = untrusted
                ? "and the assessments folder holds text that is never trusted, so they are not published from it, whatever `trusted_active_files` says; remove the file, or move it to another folder if it is trusted"
                : "which only trusted content may hold; if the content is trusted, set `trusted_active_files: true` in `\(configPath)`; otherwise remove the file"
            diagnostics.append(.warning("this file is not published: a browser runs the script in `.\(suffix)` files, \(why)",
                                        file: "\(contentPath)/\(path)", line: 1, column: 1))
        }
        return (published, withheld)
    }
}
