import Kader
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The Mustache context of the book (`book.mustache`): title page, table of contents, the
/// chapters with their pages, and the index of indicators. The bodies come from the page
/// renderer, rendered for the book (ids prefixed with the page's book id, links into the book).
package struct BookContexts: Sendable {
    package let book: Book
    package let tree: SiteTree
    package let config: SiteConfig
    package let strings: InterfaceStrings
    package let kader: KaderContexts?

    /// What the page renderer made of one page for the book.

    package init(book: Book, tree: SiteTree, config: SiteConfig, strings: InterfaceStrings, kader: KaderContexts?) {
        self.book = book
        self.tree = tree
        self.config = config
        self.strings = strings
        self.kader = kader
    }

    package enum Body: Sendable {
        case html(String)
        case kaderPart(KaderPart, KaderPartContent)
    }

    package func context(bodies: [Int: Body], withPDF: Bool) -> [String: Any] {
        var site: [String: Any] = ["title": config.title, "language": config.language]
        if let description = config.description { site["description"] = description }
        var context: [String: Any] = ["site": site, "root": RelativeURL.root(for: Book.url), "strings": StringsValue(strings)]
        if let home = tree.sections.first?.landing { context["homeURL"] = tree.pages[home].url }
        if withPDF { context["pdf"] = Book.pdf }
        if let version = kader?.site.kader.version { context["kaderVersion"] = version }
        let latestUpdate = book.entries.compactMap { tree.pages[$0.page].updated }.max()
        if let iso = config.contentDate ?? latestUpdate, let date = SessionDate(iso) {
            context["date"] = ["iso": iso, "text": strings.date(date)]
        }

        var chapters: [[String: Any]] = []
        for entry in book.entries {
            let values = entryValues(entry, body: bodies[entry.page])
            if entry.startsChapter || chapters.isEmpty {
                var chapter = values
                chapter["pages"] = [[String: Any]]()
                chapters.append(chapter)
            } else {
                var pages = chapters[chapters.count - 1]["pages"] as? [[String: Any]] ?? []
                pages.append(values)
                chapters[chapters.count - 1]["pages"] = pages
            }
        }
        for index in chapters.indices {
            chapters[index]["hasPages"] = !((chapters[index]["pages"] as? [[String: Any]])?.isEmpty ?? true)
        }
        context["chapters"] = chapters
        context["chapterCount"] = chapters.count
        context["pageCount"] = book.entries.count

        if let kader {
            let indicators = kader.site.kader.parts.flatMap { part -> [[String: Any]] in
                guard let page = kader.site.partPages[part.id], let id = book.id(of: page) else { return [] }
                return part.indicators.map { ["id": $0.id.description, "title": $0.title, "href": "\(id)--\($0.id.anchor)"] }
            }
            context["indicators"] = indicators
            context["indicatorCount"] = indicators.count
            context["hasIndicators"] = !indicators.isEmpty
        }
        return context
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

    /// Every key is set, also when empty: Mustache would otherwise look a missing key up in
    /// the enclosing chapter and show the chapter's description or body under a page.
    private func entryValues(_ entry: Book.Entry, body: Body?) -> [String: Any] {
        let page = tree.pages[entry.page]
        var values: [String: Any] = ["bookID": entry.id, "title": page.title, "description": page.description ?? false,
                                     "part": false, "body": false]
        switch body {
        case .html(let html)?:
            if !html.isEmpty { values["body"] = html }
        case .kaderPart(let part, let content)?:
            values["part"] = kader?.partBody(part, content: content) ?? false
        case nil:
            break
        }
        return values
    }
}
