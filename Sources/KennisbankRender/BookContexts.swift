import Kader
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The values of the book (`BookValues`, `book.mustache`): title page, table of contents, the
/// chapters with their pages, and the index of indicators. The bodies come from the page
/// renderer, rendered for the book (ids prefixed with the page's book id, links into the book).
package struct BookContexts: Sendable {
    package let book: Book
    package let tree: SiteTree
    package let config: SiteConfig
    package let strings: InterfaceStrings
    package let kader: KaderContexts?

    package init(book: Book, tree: SiteTree, config: SiteConfig, strings: InterfaceStrings, kader: KaderContexts?) {
        self.book = book
        self.tree = tree
        self.config = config
        self.strings = strings
        self.kader = kader
    }

    /// What the page renderer made of one page for the book.
    package enum Body: Sendable {
        case html(String)
        case kaderPart(KaderPart, KaderPartContent)
    }

    package func context(bodies: [Int: Body], withPDF: Bool) -> BookValues {
        var chapters: [BookEntryValue] = []
        for entry in book.entries {
            let values = entryValues(entry, body: bodies[entry.page])
            if entry.startsChapter || chapters.isEmpty {
                chapters.append(values)
            } else {
                chapters[chapters.count - 1].pages.append(values)
            }
        }
        let latestUpdate = book.entries.compactMap { tree.pages[$0.page].updated }.max()
        let date = (config.contentDate ?? latestUpdate).flatMap { iso in SessionDate(iso).map { DateValue(iso: iso, text: strings.date($0)) } }
        let indicators = kader.map { kader in
            kader.site.kader.parts.flatMap { part -> [BookIndicatorValue] in
                guard let page = kader.site.partPages[part.id], let id = book.id(of: page) else { return [] }
                return part.indicators.map { BookIndicatorValue(id: $0.id.description, title: $0.title, href: "\(id)--\($0.id.anchor)") }
            }
        }
        return BookValues(site: SiteNameValue(title: config.title, language: config.language, description: config.description,
                                                        pageCounter: strings.pageCounterCSS),
                          root: RelativeURL.root(for: Book.url), strings: StringsValue(strings),
                          homeURL: tree.sections.first.map { tree.pages[$0.landing].url }, pdf: withPDF ? Book.pdf : nil,
                          kaderVersion: kader?.site.kader.version, date: date, chapters: chapters, pageCount: book.entries.count,
                          indicators: indicators)
    }

    /// The book's page as pieces to write one after another: the template's output with a slot
    /// in place of each page body (`Slots`), and the bodies themselves. The bodies of a large
    /// site (40 MB for 10,000 pages) are then never copied into one string, which Mustache would
    /// hold two or three times over while it joins its sections. When the template does not
    /// show every body exactly once and unchanged (an edited theme), the book is rendered whole.
    package func pieces(bodies: [Int: Body], withPDF: Bool, templates: TemplateSet) -> [String] {
        var slotted: [String] = []
        var withSlots = bodies
        for (page, body) in bodies.sorted(by: { $0.key < $1.key }) {
            guard case .html(let html) = body, !html.isEmpty else { continue }
            withSlots[page] = .html(Slots.marker(slotted.count))
            slotted.append(html)
        }
        let skeleton = templates.render(context(bodies: withSlots, withPDF: withPDF), with: "book")
        if let pieces = Slots.cut(skeleton, slots: slotted.count) {
            var seen = [Bool](repeating: false, count: slotted.count)
            var once = true
            let texts = pieces.map { piece -> String in
                switch piece {
                case .text(let text):
                    return text
                case .slot(let number):
                    if seen[number] { once = false }
                    seen[number] = true
                    return slotted[number]
                }
            }
            if once, !seen.contains(false) { return texts }
        }
        return [templates.render(context(bodies: bodies, withPDF: withPDF), with: "book")]
    }

    /// A page's values; what it does not have is absent, so that Mustache never shows the
    /// enclosing chapter's description or body under a page.
    private func entryValues(_ entry: Book.Entry, body: Body?) -> BookEntryValue {
        let page = tree.pages[entry.page]
        var values = BookEntryValue(bookID: entry.id, title: page.title, description: page.description)
        switch body {
        case .html(let html)?:
            if !html.isEmpty { values.body = html }
        case .kaderPart(let part, let content)?:
            values.part = kader?.partBody(part, content: content)
        case nil:
            break
        }
        return values
    }
}
