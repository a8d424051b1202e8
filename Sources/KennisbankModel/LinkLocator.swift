import Diagnostics
import Foundation
import Basics
import SiteFormats

/// Locates link destinations written in Markdown (relative paths to `.md` sources or to files
/// beside the content, optionally with `#anchor`): which page, anchor or file each one leads
/// to, with its target and anchor checked. Writing them as URLs is the renderer's part.
package struct LinkLocator: Sendable {
    package let tree: SiteTree
    /// Heading anchors of each published page, by source path, in document order.
    /// A page missing here failed to load; links into it are not checked further.
    package let anchors: [String: [String]]
    /// Non-Markdown files of the content, by path relative to the content folder.
    package let assets: Set<String>
    /// Ids the templates give elements themselves: a link may point at them.
    package let reservedIDs: Set<String>
    /// Files of the content that are not published (`ActiveFiles`): a link to one is an error.
    package let withheld: Set<String>

    package init(tree: SiteTree, anchors: [String: [String]], assets: Set<String>, reservedIDs: Set<String>,
                 withheld: Set<String> = []) {
        self.tree = tree
        self.anchors = anchors
        self.assets = assets
        self.reservedIDs = reservedIDs
        self.withheld = withheld
    }

    /// What a link destination is, before it is written as a URL; the site (`resolve`) and the
    /// book (`target`) write it differently.
    package enum Location: Sendable, Hashable {
        /// External (`https:`, `mailto:` ...) or empty.
        case keep
        /// `#anchor` on the page itself (checked).
        case sameAnchor(String)
        /// A page or section landing, with the anchor in it (checked).
        case page(Int, fragment: String?)
        /// A file beside the content, by its path in the content folder.
        case file(String, fragment: String?)
        case failure(String)
    }

    /// Where each of a page's links leads, and an error with its place for each broken one.
    package func locate(_ links: [(destination: String, line: Int, column: Int)], from pageIndex: Int,
                        file: String) -> ([Location], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let locations = links.map { link -> Location in
            let location = locate(link.destination, from: pageIndex)
            if case .failure(let message) = location {
                problems.append(.error(message, file: file, line: link.line, column: link.column))
            }
            return location
        }
        return (locations, problems)
    }

    /// Where `destination`, written in page `pageIndex`, leads, with its target and anchor checked.
    package func locate(_ destination: String, from pageIndex: Int) -> Location {
        let page = tree.pages[pageIndex]
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return .keep }
        if destination.hasPrefix("/") {
            return .failure("link `\(destination)` is an absolute path, which breaks when the site is opened from a folder or a subpath; write the path relative to this file, such as `../kernprincipes/harm-reduction.md`")
        }
        let (rawPath, fragment) = splitFragment(destination)
        let path = Self.decoded(rawPath)
        if path.isEmpty {
            // `#anchor` on the same page.
            guard let fragment else { return .keep }
            if case .failure(let message)? = checkAnchor(fragment, in: pageIndex, written: destination) { return .failure(message) }
            return .sameAnchor(fragment)
        }
        guard let target = normalize(path, relativeTo: RelativePath.parent(page.source)) else {
            return .failure("link `\(destination)` leads outside the content folder; link only to files inside it")
        }
        if target.hasSuffix(".md") {
            guard let targetIndex = tree.pageBySource[target] ?? tree.outrankedLandings[target].flatMap({ tree.pageBySource[$0] }) else {
                if tree.drafts.contains(target) {
                    return .failure("link `\(destination)` points to a draft (`draft: true`), which is not published; remove the link or publish that page")
                }
                return .failure(missingMessage(destination, target: target, from: page.source))
            }
            if let fragment, case .failure(let message)? = checkAnchor(fragment, in: targetIndex, written: destination) { return .failure(message) }
            return .page(targetIndex, fragment: fragment)
        }
        if assets.contains(target) { return .file(target, fragment: fragment) }
        if withheld.contains(target) {
            return .failure("link `\(destination)` leads to `\(target)`, which is not published (see the warning about it); link to another file")
        }
        if let section = tree.sections.firstIndex(where: { $0.folder == target }) {
            let landing = tree.sections[section].landing
            if let fragment, case .failure(let message)? = checkAnchor(fragment, in: landing, written: destination) { return .failure(message) }
            return .page(landing, fragment: fragment)
        }
        return .failure(missingMessage(destination, target: target, from: page.source))
    }

    private func missingMessage(_ destination: String, target: String, from source: String) -> String {
        var message = "broken link: `\(destination)` does not exist (looked for `\(target)` in the content folder)"
        let candidates = tree.pages.map(\.source) + assets.sorted(by: byteOrder)
        if let nearest = Suggestion.nearest(to: target, in: candidates) {
            message += "; did you mean `\(RelativeURL.between(from: source, to: nearest))`?"
        } else {
            message += "; link to the `.md` file of a page, relative to this file"
        }
        return message
    }

    private func checkAnchor(_ fragment: String, in pageIndex: Int, written: String) -> Location? {
        guard let known = anchors[tree.pages[pageIndex].source] else { return nil }
        if known.contains(fragment) || reservedIDs.contains(fragment) { return nil }
        var message = "broken anchor: `\(tree.pages[pageIndex].source)` has no heading with the anchor `#\(fragment)` (in `\(written)`)"
        if let nearest = Suggestion.nearest(to: fragment, in: known) {
            message += "; did you mean `#\(nearest)`?"
        } else if known.isEmpty {
            message += "; that page has no headings"
        } else {
            message += "; its anchors are " + known.prefix(8).map { "`#\($0)`" }.joined(separator: ", ")
        }
        return .failure(message)
    }

    /// The path with `%20` and the like decoded (Foundation is asked only when there is a `%`).
    private static func decoded(_ path: String) -> String {
        path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
    }

    /// `https:`, `mailto:` and the like: letters, digits, `+`, `-`, `.` before the first colon.
    package static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    private func splitFragment(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    /// Where a link leads, for a document that holds many pages (the book).
    package enum Target: Equatable {
        /// External, empty or broken: left as written.
        case keep
        /// A page of the site, and the heading anchor in it.
        case page(Int, fragment: String?)
        /// A file beside the content: its path from the site root, with any `#fragment`.
        case file(String)
    }

    /// Where a destination located in page `pageIndex` leads (see `locate`).
    package func target(_ location: Location, from pageIndex: Int) -> Target {
        switch location {
        case .keep, .failure: .keep
        // `#anchor` on the same page is kept on the site, but is a page link in the book.
        case .sameAnchor(let fragment): .page(pageIndex, fragment: fragment)
        case .page(let page, let fragment): .page(page, fragment: fragment)
        case .file(let path, let fragment): .file(path + (fragment.map { "#" + $0 } ?? ""))
        }
    }

    /// The page a Markdown link leads to (fragment ignored), or why it leads nowhere.
    package func targetPage(_ destination: String, from pageIndex: Int) -> Result<Int, LinkFailure> {
        switch locate(destination, from: pageIndex) {
        case .failure(let message): .failure(LinkFailure(message: message))
        case .keep, .sameAnchor: .failure(LinkFailure(message: "`\(destination)` is not a link to a page of this site; link to the page's `.md` file"))
        case .file: .failure(LinkFailure(message: "`\(destination)` is not a page; link to the page's `.md` file"))
        case .page(let target, _): .success(target)
        }
    }

    /// Why a link leads nowhere.
    package struct LinkFailure: Error {
        package let message: String
    }

    /// Resolves `.` and `..` against `base`; nil when the path climbs above the content folder.
    private func normalize(_ path: String, relativeTo base: String) -> String? {
        var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
