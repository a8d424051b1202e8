/// `site` on the pages made without the site's header (forms, the book, a self-contained
/// assessment): its title, language and description.
package struct SiteNameValue: TypedContext {
    package var title: String?
    package var language: String
    package var description: String?

    package init(title: String?, language: String, description: String? = nil) {
        self.title = title
        self.language = language
        self.description = description
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "language": string(language)
        case "description": string(description)
        default: nil
        }
    }
}
