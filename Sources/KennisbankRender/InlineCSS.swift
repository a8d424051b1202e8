import KennisbankLoad

/// Stylesheets put inside a page's `<style>` element, where `</` would end it early.
package enum InlineCSS {
    package static func escaped(_ css: String) -> String {
        css.replacingOccurrences(of: "</", with: "<\\/")
    }

    package static func style(_ sheets: Stylesheets) -> String { escaped(sheets.style) }
    package static func book(_ sheets: Stylesheets) -> String {
        escaped(sheets.style) + escaped(sheets.book) + escaped(sheets.bookPDF)
    }
    package static func form(_ sheets: Stylesheets) -> String { escaped(sheets.form) }
}
