/// The values of the book (`book`): title page, table of contents, the chapters with their
/// pages, and the register of indicators.
package struct BookValues: TypedContext {
    package var site: SiteNameValue
    package var root: String
    package var strings: StringsValue
    package var homeURL: String?
    /// The book's PDF, when it is made.
    package var pdf: String?
    package var kaderVersion: String?
    /// The day of the content.
    package var date: DateValue?
    package var chapters: [BookEntryValue]
    package var pageCount: Int
    /// Every indicator, linked to its place in the book; nil without a kader.
    package var indicators: [BookIndicatorValue]?
    /// For the PDF: the stylesheets inline.
    package var pdfCSS: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "root": string(root)
        case "strings": strings
        case "homeURL": string(homeURL)
        case "pdf": string(pdf)
        case "kaderVersion": string(kaderVersion)
        case "date": optional(date)
        case "chapters": chapters
        case "chapterCount": int(chapters.count)
        case "pageCount": int(pageCount)
        case "indicators": indicators ?? []
        case "indicatorCount": indicators.map { int($0.count) } ?? TemplateValues.absent
        case "hasIndicators": !(indicators ?? []).isEmpty
        case "pdfCSS": string(pdfCSS)
        default: nil
        }
    }
}

/// A chapter of the book or one of its pages: its id in the book, title and description, and
/// its body, either rendered Markdown or a part of the kader. A chapter holds its pages.
package struct BookEntryValue: TypedContext {
    package var bookID: String
    package var title: String
    package var description: String?
    package var body: String?
    package var part: PartBodyValue?
    package var pages: [BookEntryValue] = []

    package func child(named name: String) -> Any? {
        switch name {
        case "bookID": string(bookID)
        case "title": string(title)
        case "description": string(description)
        case "body": string(body)
        case "part": optional(part)
        case "pages": pages
        case "hasPages": !pages.isEmpty
        default: nil
        }
    }
}

/// An indicator in the book's register: its id, title and anchor in the book.
package struct BookIndicatorValue: TypedContext {
    package var id: String
    package var title: String
    package var href: String

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "title": string(title)
        case "href": string(href)
        default: nil
        }
    }
}
