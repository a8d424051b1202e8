import Diagnostics
import SiteFormats
import Basics

/// The front matter keys that have no meaning here, told once per key for the whole content:
/// a corpus from another generator uses the same keys on every page, and a warning per page
/// (1,877 on one corpus) would bury the real problems. Keys other generators use get a message
/// of their own that says what to do instead.
package enum FrontMatterKeys {
    /// One use of a key on a page, as written.
    package struct Use: Sendable, Hashable {
        package var key: String
        package var line: Int
        package var column: Int
    }

    /// Keys of other generators that mean nothing here, with the generator and what to do.
    package static let foreign: [String: String] = [
        "sidebar_label": "Docusaurus' `sidebar_label` is not used: the menu shows the page's `title`",
        "sidebar_class_name": "Docusaurus' `sidebar_class_name` is not used: the menu has one look for every page",
        "sidebar_custom_props": "Docusaurus' `sidebar_custom_props` is not used; put values for templates under `extra:`",
        "hide_title": "Docusaurus' `hide_title` is not used: every page shows its title",
        "hide_table_of_contents": "Docusaurus' `hide_table_of_contents` is not used: a page with two or more `##` headings gets a table of contents",
        "id": "Docusaurus' `id` is not used: a page's address comes from its file name; set `slug` for another one",
        "hide": "MkDocs' `hide` is not used: every page shows its navigation and table of contents",
        "template": "MkDocs' `template` is not used: each kind of page has its own template in the templates folder (such as `page.mustache`)",
        "layout": "`layout` is not used: each kind of page has its own template in the templates folder (such as `page.mustache`)",
        "linkTitle": "Hugo's `linkTitle` is not used: menus show the page's `title`",
        "menu": "Hugo's `menu` is not used: the menus follow the folders and `order`",
        "summary": "`summary` is not used; write it as `description:`",
        "keywords": "`keywords` is not used; write them as `tags:`",
        "categories": "`categories` is not used; write them as `tags:`",
        "lastmod": "Hugo's `lastmod` is not used; write the day as `updated: YYYY-MM-DD`",
        "last_update": "Docusaurus' `last_update` is not used; write the day as `updated: YYYY-MM-DD`",
        "author": "`author` is not used: pages show no author; name them in the text",
        "authors": "`authors` is not used: pages show no author; name them in the text",
        "parent": "Just the Docs' `parent` is not used: sections follow the folders of the content",
        "grand_parent": "Just the Docs' `grand_parent` is not used: sections follow the folders of the content",
        "has_children": "Just the Docs' `has_children` is not used: sections follow the folders of the content",
        "nav_exclude": "Just the Docs' `nav_exclude` is not used: every published page is in the menu (`draft: true` leaves a page out)",
    ]

    /// One warning per key, at the first page that uses it (in path order), saying how many
    /// other pages use it too. `uses` holds each page's display path and its unknown keys.
    package static func warnings(_ uses: [(file: String, keys: [Use])]) -> [Diagnostic] {
        var first: [String: (file: String, use: Use)] = [:]
        var pages: [String: Set<String>] = [:]
        for (file, keys) in uses.sorted(by: { byteOrder($0.file, $1.file) }) {
            for use in keys {
                if first[use.key] == nil { first[use.key] = (file, use) }
                pages[use.key, default: []].insert(file)
            }
        }
        return first.keys.sorted(by: byteOrder).map { key in
            let (file, use) = first[key]!
            let others = pages[key]!.count - 1
            let usedBy = others == 0 ? "" : " (this page and \(others) other \(others == 1 ? "page use" : "pages use") it)"
            let message: String
            if let foreign = foreign[key] {
                message = "\(foreign); the key is ignored\(usedBy)"
            } else {
                var text = "unknown front matter key `\(key)` is ignored\(usedBy)"
                if let nearest = Suggestion.nearest(to: key, in: FrontMatter.knownKeys) {
                    text += "; did you mean `\(nearest)`?"
                } else {
                    text += "; known keys are \(FrontMatter.knownKeys.map { "`\($0)`" }.joined(separator: ", "))"
                }
                message = text
            }
            return .warning(message, file: file, line: use.line, column: use.column)
        }
    }
}
