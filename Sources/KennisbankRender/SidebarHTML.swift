import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics
/// The section navigation of the sidebar as HTML, from the templates `partials/nav-item`
/// (one entry) and `partials/nav-list` (a list of entries).
///
/// A section's sidebar is the same on all of its pages except for the entry of the page
/// itself, which carries `aria-current`. So every entry is rendered once per link depth
/// (the `root` prefix) when the builder is made, and a page's sidebar joins those ready
/// entries, rendering afresh only the entries on the path down to the page itself. This
/// keeps the cost per page near the cost of copying its sidebar, whatever a section's size.
package struct SidebarHTML: Sendable {
    /// A section with more entries shows this many around the page itself, then a link to its
    /// landing page: a sidebar of a thousand links helps nobody, and would make every page of
    /// such a section grow with the section.
    package static let maximumEntries = 100

    private let tree: SiteTree
    private let templates: TemplateSet
    private let strings: InterfaceStrings
    /// The same words as the one template value every entry carries.
    private let words: StringsValue
    /// Entry HTML of each page or section landing (not current), by root prefix, then page index.
    private let entries: [String: [Int: String]]

    package init(tree: SiteTree, navigation: Navigation, templates: TemplateSet, strings: InterfaceStrings) {
        self.tree = tree
        self.templates = templates
        self.strings = strings
        let words = StringsValue(strings)
        self.words = words
        // The root prefixes pages of each top-level section are rendered with.
        var rootsByTop: [Int: Set<String>] = [:]
        for index in tree.pages.indices {
            guard let top = navigation.topSection(of: index) else { continue }
            rootsByTop[top, default: []].insert(RelativeURL.root(for: tree.pages[index].url))
        }
        let jobs = rootsByTop.keys.sorted().flatMap { top in rootsByTop[top]!.sorted().map { (top, $0) } }
        let rendered = parallelMap(jobs) { top, root -> (String, [Int: String]) in
            var entries: [Int: String] = [:]
            Self.fillEntries(of: top, root: root, tree: tree, templates: templates, strings: strings, words: words, into: &entries)
            return (root, entries)
        }
        var entries: [String: [Int: String]] = [:]
        for (root, part) in rendered { entries[root, default: [:]].merge(part) { first, _ in first } }
        self.entries = entries
    }

    /// The list of `section`'s entries as seen from page `current`, whose links start with `root`.
    /// With `reusingEntries` false every entry is rendered afresh (to compare the two in tests).
    package func list(of section: Int, current: Int, root: String, reusingEntries: Bool = true) -> String {
        let ready = reusingEntries ? entries[root] ?? [:] : [:]
        var path = Set<Int>()
        var ancestor: Int? = tree.pages[current].section
        while let index = ancestor {
            path.insert(index)
            ancestor = tree.sections[index].parent
        }
        // An entry is reused unless it is the page itself or a section the page lies in.
        let reusable = { (child: Section.Child, target: Int) -> Bool in
            if target == current { return false }
            if case .section(let sub) = child, path.contains(sub) { return false }
            return true
        }
        return Self.list(of: section, root: root, tree: tree, templates: templates, strings: strings, words: words,
                         reusable: reusable, ready: { ready[$0] }, current: { $0 == current })
    }

    /// Renders every entry below `section` (not current) into `entries`, children first.
    private static func fillEntries(of section: Int, root: String, tree: SiteTree, templates: TemplateSet,
                                    strings: InterfaceStrings, words: StringsValue, into entries: inout [Int: String]) {
        for child in tree.sections[section].children {
            if case .section(let sub) = child {
                fillEntries(of: sub, root: root, tree: tree, templates: templates, strings: strings, words: words, into: &entries)
            }
        }
        let ready = entries
        for child in tree.sections[section].children {
            let target = Self.target(of: child, in: tree)
            entries[target] = entry(child, root: root, current: false, tree: tree, templates: templates, strings: strings, words: words,
                                    reusable: { _, _ in true }, ready: { ready[$0] }, current: { _ in false })
        }
    }

    private static func list(of section: Int, root: String, tree: SiteTree, templates: TemplateSet,
                             strings: InterfaceStrings, words: StringsValue, reusable: (Section.Child, Int) -> Bool,
                             ready: (Int) -> String?,
                             current: (Int) -> Bool) -> String {
        var items = ""
        let children = tree.sections[section].children
        var shown = children[...]
        if children.count > Self.maximumEntries {
            // A long list shows a window around the page itself, then a link to the whole list.
            let center = children.firstIndex { !reusable($0, target(of: $0, in: tree)) } ?? 0
            let start = max(0, min(center - Self.maximumEntries / 2, children.count - Self.maximumEntries))
            shown = children[start..<start + Self.maximumEntries]
        }
        for child in shown {
            let target = target(of: child, in: tree)
            if reusable(child, target), let html = ready(target) {
                items += html
            } else {
                items += entry(child, root: root, current: current(target), tree: tree, templates: templates,
                               strings: strings, words: words, reusable: reusable, ready: ready, current: current)
            }
        }
        if shown.count < children.count {
            let landing = tree.sections[section].landing
            let all = strings.count("sidebar.allPages", children.count, ["section": tree.pages[landing].title])
            items += templates.render(NavEntry(root: root, url: tree.pages[landing].url, title: all, current: false,
                                                      list: nil, strings: words),
                                      with: "partials/nav-item")
        }
        return items.isEmpty ? "" : templates.render(NavList(items: items, strings: words),
                                                      with: "partials/nav-list")
    }

    private static func entry(_ child: Section.Child, root: String, current isCurrent: Bool, tree: SiteTree,
                              templates: TemplateSet, strings: InterfaceStrings, words: StringsValue,
                              reusable: (Section.Child, Int) -> Bool,
                              ready: (Int) -> String?, current: (Int) -> Bool) -> String {
        let target = target(of: child, in: tree)
        var entry = NavEntry(root: root, url: tree.pages[target].url, title: tree.pages[target].title, current: isCurrent,
                             list: nil, strings: words)
        if case .section(let sub) = child {
            entry.list = list(of: sub, root: root, tree: tree, templates: templates, strings: strings, words: words,
                              reusable: reusable, ready: ready, current: current)
        }
        return templates.render(entry, with: "partials/nav-item")
    }

    private static func target(of child: Section.Child, in tree: SiteTree) -> Int {
        switch child {
        case .page(let page): page
        case .section(let section): tree.sections[section].landing
        }
    }
}
