import Foundation

/// Relative URLs between output files, so that the site works from a folder (file://),
/// from a subpath and from a server root alike.
enum RelativeURL {
    /// The prefix that leads from the folder of `pageURL` back to the site root: `""`, `"../"`, ...
    static func root(for pageURL: String) -> String {
        let depth = pageURL.split(separator: "/", omittingEmptySubsequences: false).count - 1
        return String(repeating: "../", count: max(0, depth))
    }

    /// The URL that leads from the page at `from` to the file at `to` (both relative to the site root).
    static func between(from: String, to: String) -> String {
        var fromParts = from.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        var toParts = to.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while let first = fromParts.first, toParts.count > 1, first == toParts.first {
            fromParts.removeFirst()
            toParts.removeFirst()
        }
        return String(repeating: "../", count: fromParts.count) + toParts.map(encodeComponent).joined(separator: "/")
    }

    /// Percent-encodes one path component (spaces and other unsafe characters).
    static func encodeComponent(_ component: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }
}
