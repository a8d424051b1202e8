import Diagnostics
import Basics

/// A listed page never publishes the address of an unlisted one: a link from a listed page
/// (and so from the book, which holds only listed pages) to an unlisted assessment or
/// preparation, or a written-out address that holds an unlisted page's secret part, is an
/// error at the link. Unlisted pages may link to each other and to listed pages. Made once
/// with the model; the development server asks it again for a page it rebuilds alone.
package struct UnlistedLinks: Sendable {
    private let tree: SiteTree
    /// The unlisted pages that are preparations (they can never be made listed).
    private let preparations: Set<Int>
    /// Each unlisted page with the last part of its address, which holds its code.
    private let secrets: [(page: Int, folder: String)]

    package init(tree: SiteTree, assessments: AssessmentSite) {
        self.tree = tree
        preparations = Set(assessments.assessments.filter { $0.value.preparation != nil }.keys)
        secrets = tree.pages.indices.filter { !tree.pages[$0].listed }.compactMap { index in
            let folder = RelativePath.name(RelativePath.parent(tree.pages[index].url))
            return folder.isEmpty ? nil : (index, folder)
        }
    }

    /// The errors for the links of page `index` (as written in `file`), with `locations` where
    /// each leads (in the same order).
    package func problems(_ links: [(destination: String, line: Int, column: Int)], locations: [LinkLocator.Location],
                          from index: Int, file: String) -> [Diagnostic] {
        guard tree.pages[index].listed, !secrets.isEmpty else { return [] }
        return zip(links, locations).compactMap { link, location in
            var target: Int?
            switch location {
            case .page(let page, _) where !tree.pages[page].listed: target = page
            case .keep: target = secrets.first { link.destination.contains($0.folder) }?.page
            default: break
            }
            guard let target else { return nil }
            let fix = preparations.contains(target)
                ? "link to it only from unlisted pages (a preparation is always unlisted)"
                : "link to it only from unlisted pages, or make it listed with `zichtbaarheid: public`"
            return .error(
                "link `\(link.destination)` leads to an unlisted page, whose secret address this listed page (and the book) would publish; \(fix)",
                file: file, line: link.line, column: link.column)
        }
    }
}
