import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// Builds the values of a page (`PageContext`, typed, read without reflection), with every URL
/// relative to the page through `root`.
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
    package static let searchURL = OutputPaths.search

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
        chromeShared = ChromeShared(title: config.title, language: config.language, locale: strings.text("locale"),
                                    pageCounter: strings.pageCounterCSS, footer: config.footer, mainNav: mainNav,
                                    hasSearch: withSearch, searchURL: Self.searchURL,
                                    homeURL: tree.sections.first.map { tree.pages[$0.landing].url }, book: bookLinks,
                                    strings: stringsValue)
    }

    /// The context of `pageIndex`, whose Markdown rendered to `body` with `headings`.
    package func context(for pageIndex: Int, body: String, headings: [Heading]) -> PageContext {
        let page = tree.pages[pageIndex]
        let root = RelativeURL.root(for: page.url)
        var info = PageInfo(title: page.title, url: page.url)
        info.description = page.description ?? (page.kind == .home ? config.description : nil)
        if let updated = page.updated, let date = SessionDate(updated) { info.updated = DateValue(iso: updated, text: strings.date(date)) }
        info.tags = page.tags
        info.isHome = page.kind == .home
        var context = base(currentPage: pageIndex, root: root, page: info)
        if let base = config.baseURL { context.canonical = base + page.url }
        // Only listed pages go into the search index.
        context.searchable = page.listed
        let top = navigation.topSection(of: pageIndex)
        if let top { context.sectionTitle = tree.pages[tree.sections[top].landing].title }
        context.body = body

        let toc = tableOfContents(headings)
        if toc.count >= 2 || (toc.count == 1 && !toc[0].children.isEmpty) { context.toc = toc }
        context.breadcrumbs = navigation.breadcrumbs(for: pageIndex).map(link)

        if let top {
            let landing = tree.sections[top].landing
            context.sidebar = SidebarValue(title: tree.pages[landing].title, url: tree.pages[landing].url,
                                           current: landing == pageIndex,
                                           list: sidebarHTML?.list(of: top, current: pageIndex, root: root) ?? "")
        }

        let (previous, next) = navigation.neighbours(of: pageIndex)
        context.previous = previous.map(link)
        context.next = next.map(link)

        if page.kind != .page {
            context.children = tree.sections[page.section].children.map { child -> ChildLink in
                let target = tree.pages[landingOrPage(child)]
                var isSection = false
                if case .section = child { isSection = true }
                return ChildLink(title: target.title, url: target.url, description: target.description, isSection: isSection)
            }
        }
        return context
    }

    /// The context of a page the generator makes itself (not from a source), at `url`.
    package func generatedContext(url: String, title: String) -> PageContext {
        base(currentPage: nil, root: RelativeURL.root(for: url), page: PageInfo(title: title, url: url))
    }

    /// The context of the 404 page, written at the site root. It is served for any missing
    /// path, so with a known address its links are absolute; without one it carries the script
    /// that finds the root among the site's top-level `names` (`NotFoundPage`).
    package func notFoundContext(names: [String: [String]] = [:]) -> PageContext {
        var context = base(currentPage: nil, root: config.baseURL ?? "",
                           page: PageInfo(title: strings.text("notFound.title"), url: OutputPaths.notFound))
        if config.baseURL == nil { context.rootScript = NotFoundPage.script(names: names) }
        return context
    }

    /// What every page shares: the header's values (the site, the root prefix, the main
    /// navigation) and the header and footer rendered from them.
    private func base(currentPage: Int?, root: String, page: PageInfo) -> PageContext {
        let values = ChromeContext(shared: chromeShared, root: root, currentMainItem: currentMainItem(of: currentPage))
        var context = PageContext(page: page, chrome: values)
        if let chrome {
            context.headerHTML = chrome.header(values)
            context.footerHTML = chrome.footer(values)
        }
        return context
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
    private func tableOfContents(_ headings: [Heading]) -> [TocEntry] {
        var entries: [TocEntry] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = TocEntry(id: heading.id, text: heading.text)
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
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
    private func link(to pageIndex: Int) -> LinkValue {
        LinkValue(title: tree.pages[pageIndex].title, url: tree.pages[pageIndex].url)
    }
}
