import Mustache

/// What the header and footer of every page of one build share: the site, the main menu, the
/// search and the book. One instance per build, compared by identity.
package final class ChromeShared: Sendable, Hashable {
    /// One entry of the main menu: a top-level section's landing page or a top-level page.
    package struct MenuEntry: Sendable, Hashable {
        package var title: String
        package var url: String
    }

    let title: String
    let language: String
    let locale: String
    /// The page counter of printed pages, a CSS `content:` value (`InterfaceStrings.pageCounterCSS`).
    let pageCounter: String
    let footer: String?
    let mainNav: [MenuEntry]
    let hasSearch: Bool
    let searchURL: String
    let homeURL: String?
    let book: (url: String, pdf: String?)?
    let strings: StringsValue

    package init(title: String, language: String, locale: String, pageCounter: String, footer: String?, mainNav: [MenuEntry], hasSearch: Bool, searchURL: String,
                 homeURL: String?, book: (url: String, pdf: String?)?, strings: StringsValue) {
        self.title = title
        self.language = language
        self.locale = locale
        self.pageCounter = pageCounter
        self.footer = footer
        self.mainNav = mainNav
        self.hasSearch = hasSearch
        self.searchURL = searchURL
        self.homeURL = homeURL
        self.book = book
        self.strings = strings
    }

    package static func == (lhs: ChromeShared, rhs: ChromeShared) -> Bool { lhs === rhs }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The values of the header and footer of a page (`partials/header`, `partials/footer`), which
/// also start every page's values: `site`, `root`, `mainNav`, `hasSearch`, `searchURL`,
/// `homeURL`, `book` and `strings`. Pages differ in them only by their link depth (`root`) and
/// the current main-menu entry, so the rendered header is kept by this value (`ChromeHTML`).
package struct ChromeContext: TypedContext {
    package let shared: ChromeShared
    package let root: String
    /// Position of the main-menu entry that holds the page, if any.
    package let currentMainItem: Int?

    package init(shared: ChromeShared, root: String, currentMainItem: Int?) {
        self.shared = shared
        self.root = root
        self.currentMainItem = currentMainItem
    }

    /// The footer does not show the current main-menu entry: the value it is kept by.
    package var footerKey: ChromeContext { ChromeContext(shared: shared, root: root, currentMainItem: nil) }

    package func child(named name: String) -> Any? {
        switch name {
        case "site": SiteValue(shared: shared)
        case "root": TemplateValues.Text(renderText: root)
        case "mainNav":
            shared.mainNav.enumerated().map { position, entry in
                MenuValue(entry: entry, current: position == currentMainItem)
            }
        case "hasSearch": shared.hasSearch
        case "searchURL": TemplateValues.Text(renderText: shared.searchURL)
        case "homeURL": TemplateValues.text(shared.homeURL)
        case "book": shared.book.map { BookLinksValue(url: $0.url, pdf: $0.pdf) } ?? TemplateValues.absent
        case "strings": shared.strings
        default: nil
        }
    }

    /// `site`: the site's title, language, locale, page counter and footer text.
    struct SiteValue: MustacheParent {
        let shared: ChromeShared
        func child(named name: String) -> Any? {
            switch name {
            case "title": TemplateValues.Text(renderText: shared.title)
            case "language": TemplateValues.Text(renderText: shared.language)
            case "locale": TemplateValues.Text(renderText: shared.locale)
            case "pageCounter": TemplateValues.Text(renderText: shared.pageCounter)
            case "footer": TemplateValues.text(shared.footer)
            default: nil
            }
        }
    }

    /// One entry of `mainNav`.
    struct MenuValue: MustacheParent {
        let entry: ChromeShared.MenuEntry
        let current: Bool
        func child(named name: String) -> Any? {
            switch name {
            case "title": TemplateValues.Text(renderText: entry.title)
            case "url": TemplateValues.Text(renderText: entry.url)
            case "current": current
            default: nil
            }
        }
    }

    /// `book`: the book's print page and PDF.
    struct BookLinksValue: MustacheParent {
        let url: String
        let pdf: String?
        func child(named name: String) -> Any? {
            switch name {
            case "url": TemplateValues.Text(renderText: url)
            case "pdf": TemplateValues.text(pdf)
            default: nil
            }
        }
    }
}
