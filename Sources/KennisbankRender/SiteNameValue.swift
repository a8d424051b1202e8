/// `site` on the pages made without the site's header (forms, the book, a self-contained
/// assessment): its title, language, description and the page counter of its printed pages
/// (a CSS `content:` value, `InterfaceStrings.pageCounterCSS`).
package struct SiteNameValue: TypedContext {
    package var title: String?
    package var language: String
    package var description: String?
    package var pageCounter: String

    package init(title: String?, language: String, description: String? = nil, pageCounter: String) {
        self.title = title
        self.language = language
        self.description = description
        self.pageCounter = pageCounter
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "language": string(language)
        case "description": string(description)
        case "pageCounter": string(pageCounter)
        default: nil
        }
    }
}
