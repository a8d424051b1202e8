import Foundation

/// The theme's stylesheets that printable and self-contained pages carry inside themselves,
/// read once per build (a missing one is empty: the pages still render).
package struct Stylesheets: Sendable {
    /// `static/style.css`, `static/book.css`, `print/book-pdf.css` and `static/form.css`.
    package var style = ""
    package var book = ""
    package var bookPDF = ""
    package var form = ""

    package init() {}

    package static func read(templateRoot: URL) -> Stylesheets {
        func text(_ path: String) -> String {
            (try? String(contentsOf: templateRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }
        var sheets = Stylesheets()
        sheets.style = text("static/style.css")
        sheets.book = text("static/book.css")
        sheets.bookPDF = text("print/book-pdf.css")
        sheets.form = text("static/form.css")
        return sheets
    }
}
