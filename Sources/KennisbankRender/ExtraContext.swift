import SiteFormats

/// `page.extra`: the values of a page's `extra:` front matter for templates, typed
/// (`ExtraValue`): `{{page.extra.regio}}` shows a text (escaped like every value),
/// `{{#page.extra.nieuw}}` tests a `true`/`false`, `{{#page.extra.links}}...{{/page.extra.links}}`
/// walks a list, and maps nest (`{{page.extra.contact.naam}}`). A key that is not there
/// renders as nothing.
package struct ExtraContext: TypedContext {
    package var value: ExtraValue

    package init(_ value: ExtraValue) {
        self.value = value
    }

    package func child(named name: String) -> Any? {
        guard let child = value[name] else { return TemplateValues.absent }
        return Self.template(child)
    }

    /// How a value is given to swift-mustache: text, a flag, a list of values or a map.
    private static func template(_ value: ExtraValue) -> Any {
        switch value {
        case .text(let text): TemplateValues.Text(renderText: text)
        case .bool(let flag): flag
        case .list(let items): items.map(template)
        case .map: ExtraContext(value)
        }
    }
}
