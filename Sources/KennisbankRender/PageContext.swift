import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// Builds the Mustache context of a page: plain dictionaries and arrays (fast to render,
/// no reflection), with every URL relative to the page through `root`.
///
/// Keys (see the README for the full list): `site`, `root`, `page`, `body`, `toc`,
/// `mainNav`, `breadcrumbs`, `sidebar`, `previous`, `next`, `children`.
package struct PageContextBuilder: Sendable {
    package let tree: SiteTree
    package let navigation: Navigation
    package let config: SiteConfig
    /// The interface words, and the same as a prepared template value (`strings`).
    package let strings: InterfaceStrings
    package let stringsValue: StringsValue
    /// Whether the site has a search index (Pagefind ran).
    package var withSearch = false
    /// The sidebar's rendered lists; nil when the templates failed to load.
    package var sidebarHTML: SidebarHTML?
    /// The header and footer, ready-made per link depth and main-menu entry.
    package var chrome: ChromeHTML?
    /// The book's print page and PDF (nil without PDFs), linked from every page; nil without a book.
    package let bookLinks: (url: String, pdf: String?)?

    /// Output path of the search page.
    package static let searchURL = "zoeken/index.html"

    /// What every page's header and footer show.
    package let chromeShared: ChromeShared

    package init(tree: SiteTree, navigation: Navigation, config: SiteConfig, strings: InterfaceStrings, withSearch: Bool = false,
                 sidebarHTML: SidebarHTML? = nil, bookLinks: (url: String, pdf: String?)? = nil) {
        self.tree = tree
        self.navigation = navigation
        self.config = config
        self.strings = strings
        stringsValue = StringsValue(strings)
        self.withSearch = withSearch
        self.sidebarHTML = sidebarHTML
        self.bookLinks = bookLinks
        let mainNav = navigation.mainItems.map { child -> ChromeShared.MenuEntry in
            let page = tree.pages[Self.landingOrPage(child, in: tree)]
            return ChromeShared.MenuEntry(title: page.title, url: page.url)
        }
        chromeShared = ChromeShared(title: config.title, language: config.language, footer: config.footer, mainNav: mainNav,
                                    hasSearch: withSearch, searchURL: Self.searchURL,
                                    homeURL: tree.sections.first.map { tree.pages[$0.landing].url }, book: bookLinks,
                                    strings: stringsValue)
    }

    /// The context of `pageIndex`, whose Markdown rendered to `body` with `headings`.
    package func context(for pageIndex: Int, body: String, headings: [Heading]) -> PageContext {
        let page = tree.pages[pageIndex]
        let root = RelativeURL.root(for: page.url)
        var context = base(currentPage: pageIndex, root: root)
        var pageValues: [String: Any] = ["title": page.title, "url": page.url]
        if let description = page.description ?? (page.kind == .home ? config.description : nil) {
            pageValues["description"] = description
        }
        if let updated = page.updated, let date = SessionDate(updated) {
            pageValues["updated"] = ["iso": updated, "text": strings.date(date)]
        }
        if let base = config.baseURL { context["canonical"] = base + page.url }
        pageValues["tags"] = page.tags
        pageValues["hasTags"] = !page.tags.isEmpty
        pageValues["isHome"] = page.kind == .home
        context["page"] = pageValues
        // Only listed pages go into the search index.
        context["searchable"] = page.listed
        if let top = navigation.topSection(of: pageIndex) {
            context["sectionTitle"] = tree.pages[tree.sections[top].landing].title
        }
        context["body"] = body

        let toc = tableOfContents(headings)
        if toc.count >= 2 || (toc.count == 1 && !((toc[0]["children"] as? [Any])?.isEmpty ?? true)) {
            context["toc"] = toc
            context["hasToc"] = true
        }

        let trail = navigation.breadcrumbs(for: pageIndex)
        if !trail.isEmpty {
            context["breadcrumbs"] = trail.map { link(to: $0) }
            context["hasBreadcrumbs"] = true
        }

        if let top = navigation.topSection(of: pageIndex) {
            var sidebar = link(to: tree.sections[top].landing)
            sidebar["current"] = tree.sections[top].landing == pageIndex
            sidebar["list"] = sidebarHTML?.list(of: top, current: pageIndex, root: root) ?? ""
            context["sidebar"] = sidebar
        }

        let (previous, next) = navigation.neighbours(of: pageIndex)
        if let previous { context["previous"] = link(to: previous) }
        if let next { context["next"] = link(to: next) }
        if previous != nil || next != nil { context["hasPager"] = true }

        if page.kind != .page {
            let children = tree.sections[page.section].children.map { child -> [String: Any] in
                var item = link(to: landingOrPage(child))
                if let description = tree.pages[landingOrPage(child)].description { item["description"] = description }
                if case .section = child { item["isSection"] = true } else { item["isSection"] = false }
                return item
            }
            if !children.isEmpty {
                context["children"] = children
                context["hasChildren"] = true
            }
        }
        return context
    }

    /// The context of a page the generator makes itself (not from a source), at `url`.
    package func generatedContext(url: String, title: String) -> PageContext {
        var context = base(currentPage: nil, root: RelativeURL.root(for: url))
        context["page"] = ["title": title, "url": url] as [String: Any]
        return context
    }

    /// The context of the 404 page, written at the site root.
    package func notFoundContext() -> PageContext {
        // Served for any missing path, so with a known address its links are absolute.
        var context = base(currentPage: nil, root: config.baseURL ?? "")
        context["page"] = ["title": strings.text("notFound.title"), "url": "404.html"] as [String: Any]
        return context
    }

    /// What every page shares: the header's values (the site, the root prefix, the main
    /// navigation) and the header and footer rendered from them.
    private func base(currentPage: Int?, root: String) -> PageContext {
        let values = ChromeContext(shared: chromeShared, root: root, currentMainItem: currentMainItem(of: currentPage))
        guard let chrome else { return PageContext(values: [:], chrome: values) }
        return PageContext(values: ["headerHTML": chrome.header(values), "footerHTML": chrome.footer(values)], chrome: values)
    }

    /// Position in the main navigation of the entry that holds `page`, if any.
    package func currentMainItem(of page: Int?) -> Int? {
        guard let page else { return nil }
        let top = navigation.topSection(of: page)
        return navigation.mainItems.firstIndex { child in
            switch child {
            case .section(let section): section == top
            case .page(let index): index == page
            }
        }
    }

    /// h2 entries with their h3 entries as children.
    private func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry: [String: Any] = ["id": heading.id, "text": heading.text, "hasChildren": false]
            if heading.level == 3, var last = entries.popLast() {
                var children = last["children"] as? [[String: Any]] ?? []
                children.append(entry)
                last["children"] = children
                last["hasChildren"] = true
                entries.append(last)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }

    private func landingOrPage(_ child: Section.Child) -> Int { Self.landingOrPage(child, in: tree) }

    private static func landingOrPage(_ child: Section.Child, in tree: SiteTree) -> Int {
        switch child {
        case .page(let page): page
        case .section(let section): tree.sections[section].landing
        }
    }

    /// Title and site-root-relative URL of a page; templates write `{{root}}{{url}}`.
    private func link(to pageIndex: Int) -> [String: Any] {
        ["title": tree.pages[pageIndex].title, "url": tree.pages[pageIndex].url]
    }
}
