import Diagnostics
import Foundation
import Basics
import SiteFormats

/// Locates link destinations written in Markdown (relative paths to `.md` sources or to files
/// beside the content, optionally with `#anchor`): which page, anchor or file each one leads
/// to, with its target and anchor checked. Writing them as URLs is the renderer's part.
package struct LinkLocator: Sendable {
    package let tree: SiteTree
    /// Heading anchors of each published page, by source path.
    /// A page missing here failed to load; links into it are not checked further.
    package let anchors: [String: PageAnchors]
    /// Non-Markdown files of the content, by path relative to the content folder.
    package let assets: Set<String>
    /// Ids the templates give elements themselves: a link may point at them.
    package let reservedIDs: Set<String>
    /// Files of the content that are not published (`ActiveFiles`): a link to one is an error.
    package let withheld: Set<String>

    package init(tree: SiteTree, anchors: [String: PageAnchors], assets: Set<String>, reservedIDs: Set<String>,
                 withheld: Set<String> = []) {
        self.tree = tree
        self.anchors = anchors
        self.assets = assets
        self.reservedIDs = reservedIDs
        self.withheld = withheld
    }

    /// This locator, with files the build writes itself (paths from the site root) as link
    /// targets beside the content's own files.
    package func adding(generatedFiles: [String]) -> LinkLocator {
        LinkLocator(tree: tree, anchors: anchors, assets: assets.union(generatedFiles), reservedIDs: reservedIDs,
                    withheld: withheld)
    }

    /// A locator whose pages have only the anchors `ids` (by source path), for tests.
    package init(tree: SiteTree, anchors: [String: [String]], assets: Set<String>, reservedIDs: Set<String>) {
        self.init(tree: tree, anchors: anchors.mapValues { PageAnchors(ids: $0) }, assets: assets, reservedIDs: reservedIDs)
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

    /// Where each of a page's links leads, an error with its place for each broken one, and a
    /// warning for each that works but should be written otherwise.
    package func locate(_ links: [(destination: String, line: Int, column: Int)], from pageIndex: Int,
                        file: String) -> ([Location], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let locations = links.map { link -> Location in
            let (location, notes) = locateNoting(link.destination, from: pageIndex)
            if case .failure(let message) = location {
                problems.append(.error(message, file: file, line: link.line, column: link.column))
            }
            problems += notes.map { .warning($0, file: file, line: link.line, column: link.column) }
            return location
        }
        return (locations, problems)
    }

    /// Where `destination`, written in page `pageIndex`, leads, with its target and anchor checked.
    package func locate(_ destination: String, from pageIndex: Int) -> Location {
        locateNoting(destination, from: pageIndex).location
    }

    /// `locate`, with the warnings for a link that works but should be written otherwise.
    private func locateNoting(_ destination: String, from pageIndex: Int) -> (location: Location, notes: [String]) {
        let page = tree.pages[pageIndex]
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return (.keep, []) }
        if destination.hasPrefix("/") { return locateRootAbsolute(destination, from: pageIndex) }
        let (rawPath, rawFragment) = splitFragment(destination)
        let path = Self.decoded(rawPath)
        let fragment = rawFragment.map(Self.decoded)
        var notes: [String] = []
        /// The anchor as written in the page `target`, or the failure.
        func anchor(in target: Int) -> Result<String?, AnchorFailure> {
            guard let fragment else { return .success(nil) }
            switch checkAnchor(fragment, in: target, written: destination) {
            case .success(let found):
                if let note = found.note { notes.append(note) }
                return .success(found.id)
            case .failure(let failure): return .failure(failure)
            }
        }
        if path.isEmpty {
            // `#anchor` on the same page.
            guard fragment != nil else { return (.keep, []) }
            switch anchor(in: pageIndex) {
            case .failure(let failure): return (.failure(failure.message), [])
            case .success(let id): return (.sameAnchor(id ?? ""), notes)
            }
        }
        guard let target = normalize(path, relativeTo: RelativePath.parent(page.source)) else {
            return (.failure("link `\(destination)` leads outside the content folder; link only to files inside it"), [])
        }
        if target.hasSuffix(".md") {
            guard let targetIndex = tree.pageBySource[target] ?? tree.outrankedLandings[target].flatMap({ tree.pageBySource[$0] }) else {
                if tree.drafts.contains(target) {
                    return (.failure("link `\(destination)` points to a draft (`draft: true`), which is not published; remove the link or publish that page"), [])
                }
                return (.failure(missingMessage(destination, target: target, from: page.source)), [])
            }
            switch anchor(in: targetIndex) {
            case .failure(let failure): return (.failure(failure.message), [])
            case .success(let id): return (.page(targetIndex, fragment: id), notes)
            }
        }
        if assets.contains(target) { return (.file(target, fragment: rawFragment), []) }
        if withheld.contains(target) {
            return (.failure("link `\(destination)` leads to `\(target)`, which is not published (see the warning about it); link to another file"), [])
        }
        if let section = tree.sections.firstIndex(where: { $0.folder == target }) {
            let landing = tree.sections[section].landing
            switch anchor(in: landing) {
            case .failure(let failure): return (.failure(failure.message), [])
            case .success(let id): return (.page(landing, fragment: id), notes)
            }
        }
        return (.failure(missingMessage(destination, target: target, from: page.source)), [])
    }

    /// A link such as `/kernprincipes/harm-reduction.md` or `/docs/x/`: read from the content
    /// folder, located as the relative path it stands for, and warned about; an error when
    /// nothing is there.
    private func locateRootAbsolute(_ destination: String, from pageIndex: Int) -> (location: Location, notes: [String]) {
        let source = tree.pages[pageIndex].source
        let (rawPath, fragment) = splitFragment(destination)
        guard let path = normalize(Self.decoded(rawPath), relativeTo: "") else {
            return (.failure("link `\(destination)` leads outside the content folder; link only to files inside it"), [])
        }
        guard let target = contentTarget(path) else {
            var message = "broken link: `\(destination)` is a root-absolute path, and nothing is at `\(path.isEmpty ? "/" : path)` in the content folder"
            let candidates = tree.pages.map(\.source) + assets.sorted(by: byteOrder)
            if let nearest = Suggestion.nearest(to: path, in: candidates) {
                message += "; did you mean `\(RelativeURL.between(from: source, to: nearest))`? Write links relative to this file"
            } else {
                message += "; link to the `.md` file of a page, relative to this file"
            }
            return (.failure(message), [])
        }
        let relative = RelativeURL.between(from: source, to: target) + (fragment.map { "#" + $0 } ?? "")
        let (location, notes) = locateNoting(relative, from: pageIndex)
        if case .failure = location { return (location, notes) }
        let note = "link `\(destination)` is a root-absolute path, which breaks when the site is opened from a folder or a subpath; it was read from the content folder as `\(relative)`: write that instead"
        return (location, [note] + notes)
    }

    /// The content path that a path from the content folder's root stands for: a page's
    /// `.md` file, a file, or a folder; or, without `.md`, the page of that name or the page
    /// published at that address (`docs/x/` for `docs/x.md` or a page with `slug: x`).
    private func contentTarget(_ path: String) -> String? {
        if path.isEmpty { return tree.pages.first { $0.kind == .home }?.source }
        if tree.pageBySource[path] != nil || assets.contains(path) || withheld.contains(path) || tree.drafts.contains(path) { return path }
        if tree.sections.contains(where: { $0.folder == path }) { return path }
        if path.hasSuffix(".md") { return nil }
        if tree.pageBySource[path + ".md"] != nil { return path + ".md" }
        let url = path.hasSuffix(".html") ? path : path + "/index.html"
        return tree.pages.first { $0.url == url }?.source
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

    /// Why an anchor leads nowhere.
    private struct AnchorFailure: Error {
        let message: String
    }

    /// The id `fragment` (decoded) leads to in page `pageIndex`, with a warning when it is an
    /// ASCII-folded anchor; nil as id when the page's anchors are not known (it failed to load).
    private func checkAnchor(_ fragment: String, in pageIndex: Int, written: String) -> Result<(id: String, note: String?), AnchorFailure> {
        let source = tree.pages[pageIndex].source
        guard let known = anchors[source] else { return .success((fragment, nil)) }
        if reservedIDs.contains(fragment) { return .success((fragment, nil)) }
        switch known.match(fragment) {
        case .id(let id)?, .github(let id)?:
            return .success((id, nil))
        case .folded(let id)?:
            let github = known.githubForm(of: id)
            let hash = written.firstIndex(of: "#").map { written[..<$0] } ?? ""
            return .success((id, "the anchor `#\(fragment)` (in `\(written)`) is the ASCII-folded form other generators write; GitHub and this site write `#\(github)`, so write `\(hash)#\(github)`"))
        case nil:
            break
        }
        var message = "broken anchor: `\(source)` has no heading with the anchor `#\(fragment)` (in `\(written)`)"
        if let nearest = Suggestion.nearest(to: fragment, in: known.suggestions) {
            message += "; did you mean `#\(nearest)`?"
        } else if known.ids.isEmpty {
            message += "; that page has no headings"
        } else {
            message += "; its anchors are " + known.suggestions.prefix(8).map { "`#\($0)`" }.joined(separator: ", ")
        }
        return .failure(AnchorFailure(message: message))
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
