import Diagnostics
import SiteFormats
import Basics

/// A redirect page at an old address of a page (`aliases:` in its front matter), so that links
/// and bookmarks to a moved page keep working. Not in the sitemap, search or book.
package struct AliasPage: Sendable, Hashable {
    /// Its output path, such as `oud/pad/index.html`.
    package let path: String
    /// The page it leads to, by page index.
    package let page: Int
    /// The alias as written, with its place.
    package let written: String
    package let file: String
    package let line: Int
}

/// Where each page's aliases are written: `/oud/pad/` from the site root, anything else from
/// the folder of the page's source (as a relative link in it would be read); a name ending in
/// `.html` or `.htm` is that file, any other gets an `index.html`. An alias that climbs out of
/// the site or has a name over 255 bytes is an error at its line; the output table reports
/// one written where something else is.
package enum AliasPages {
    package static func resolve(tree: SiteTree, sources: [String: SourceSummary], diagnostics: inout DiagnosticList) -> [AliasPage] {
        var aliases: [AliasPage] = []
        for (index, page) in tree.pages.enumerated() {
            guard let source = sources[page.source], !source.frontMatter.aliases.isEmpty else { continue }
            var seen = Set<String>()
            for alias in source.frontMatter.aliases {
                switch path(of: alias.written, from: tree.sections[page.section].urlPrefix) {
                case .success(let path):
                    guard seen.insert(path).inserted else { continue }
                    aliases.append(AliasPage(path: path, page: index, written: alias.written, file: source.displayPath, line: alias.line))
                case .failure(let problem):
                    diagnostics.append(.error("the alias `\(alias.written)` \(problem.message)", file: source.displayPath,
                                              line: alias.line, column: alias.column))
                }
            }
        }
        return aliases
    }

    /// Why an alias has no place in the output.
    package struct Problem: Error {
        package let message: String
    }

    /// The output path of `written`, from the output folder `base` (such as `sectie/`).
    package static func path(of written: String, from base: String) -> Result<String, Problem> {
        var parts = written.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for part in written.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else {
                    return .failure(Problem(message: "leads outside the site (above its root folder); write it from the site root, such as `/oud/adres/`"))
                }
                parts.removeLast()
            default:
                guard part.utf8.count <= OutputNames.maximumBytes else {
                    return .failure(Problem(message: "has a name of \(part.utf8.count) bytes, more than the \(OutputNames.maximumBytes) a file name may have; shorten it"))
                }
                parts.append(String(part))
            }
        }
        guard let last = parts.last else {
            return .failure(Problem(message: "leads to the site root, where the home page is; write an old address of this page, such as `/oud/adres/`"))
        }
        let lower = last.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .success(parts.joined(separator: "/")) }
        return .success((parts + ["index.html"]).joined(separator: "/"))
    }
}
