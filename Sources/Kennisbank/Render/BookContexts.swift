import Kader

/// The Mustache context of the book (`book.mustache`): title page, table of contents, the
/// chapters with their pages, and the index of indicators. The bodies come from the page
/// renderer, rendered for the book (ids prefixed with the page's book id, links into the book).
struct BookContexts {
    let book: Book
    let tree: SiteTree
    let config: SiteConfig
    let kader: KaderContexts?

    /// What the page renderer made of one page for the book.
    enum Body {
        case html(String)
        case kaderPart(KaderPart, KaderPartContent)
    }

    func context(bodies: [Int: Body], withPDF: Bool) -> [String: Any] {
        var site: [String: Any] = ["title": config.title, "language": config.language]
        if let description = config.description { site["description"] = description }
        var context: [String: Any] = ["site": site, "root": RelativeURL.root(for: Book.url)]
        if let home = tree.sections.first?.landing { context["homeURL"] = tree.pages[home].url }
        if withPDF { context["pdf"] = Book.pdf }
        if let version = kader?.site.kader.version { context["kaderVersion"] = version }
        let latestUpdate = book.entries.compactMap { tree.pages[$0.page].updated }.max()
        if let iso = config.contentDate ?? latestUpdate, let date = SessionDate(iso) {
            context["date"] = ["iso": iso, "text": date.dutch]
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
