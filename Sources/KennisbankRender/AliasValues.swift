/// The values of a redirect page at an old address (`alias.mustache`): the page it leads to,
/// by a URL relative to the redirect page (`target`), and with a base URL its full address
/// (`canonical`).
package struct AliasValues: TypedContext {
    package var site: SiteNameValue
    /// The title of the page it leads to.
    package var title: String
    package var target: String
    package var canonical: String?
    package var strings: StringsValue

    package init(site: SiteNameValue, title: String, target: String, canonical: String?, strings: StringsValue) {
        self.site = site
        self.title = title
        self.target = target
        self.canonical = canonical
        self.strings = strings
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "title": string(title)
        case "target": string(target)
        case "canonical": string(canonical)
        case "strings": strings
        default: nil
        }
    }
}
