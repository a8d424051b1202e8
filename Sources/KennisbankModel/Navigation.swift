import Basics
/// Navigation derived once from the site tree: reading order, breadcrumbs, previous and next.
public struct Navigation: Sendable {
    public let tree: SiteTree
    /// Every page in reading order: a landing page, then its children depth first.
    public let order: [Int]
    /// Section index of each section's top-level ancestor (a child of the root), by section index.
    private let topSectionOf: [Int?]

    public init(tree: SiteTree) {
        self.tree = tree
        var order: [Int] = []
        func visit(_ section: Int) {
            order.append(tree.sections[section].landing)
            for child in tree.sections[section].children {
                switch child {
                case .page(let page): order.append(page)
                case .section(let sub): visit(sub)
                }
            }
        }
        if !tree.sections.isEmpty { visit(tree.root) }
        self.order = order
        topSectionOf = tree.sections.indices.map { index in
            var current = index
            while let parent = tree.sections[current].parent {
                if parent == tree.root { return current }
                current = parent
            }
            return nil
        }
    }

    /// The children of the root: what the main navigation shows.
    public var mainItems: [Section.Child] {
        tree.sections.isEmpty ? [] : tree.sections[tree.root].children
    }

    /// The top-level section a page lies in; nil for the home page and pages at the root.
    public func topSection(of page: Int) -> Int? {
        topSectionOf[tree.pages[page].section]
    }

    /// Landing pages from the home page down to the page's parent, not the page itself.
    public func breadcrumbs(for page: Int) -> [Int] {
        var trail: [Int] = []
        var section: Int? = tree.pages[page].section
        if tree.pages[page].kind != .page { section = tree.sections[section!].parent }
        while let current = section {
            trail.append(tree.sections[current].landing)
            section = tree.sections[current].parent
        }
        return trail.reversed()
    }

    /// The pages before and after `page` among the pages of its section. A landing page
    /// has no previous page; its next page is its section's first page.
    public func neighbours(of page: Int) -> (previous: Int?, next: Int?) {
        let current = tree.pages[page]
        let siblings = tree.sections[current.section].children.compactMap { child -> Int? in
            if case .page(let index) = child { return index }
            return nil
        }
        if current.kind != .page { return (nil, siblings.first) }
        guard let position = siblings.firstIndex(of: page) else { return (nil, nil) }
        let previous = position > 0 ? siblings[position - 1] : nil
        let next = position + 1 < siblings.count ? siblings[position + 1] : nil
        return (previous, next)
    }
}
