import Mustache
import SiteFormats

/// The interface words as a template value (`{{strings.search.title}}`): a typed value that
/// swift-mustache reads by name, made once per build and shared by every page.
package struct StringsValue: MustacheParent, Sendable {
    let table: [String: InterfaceStrings.Value]

    package init(_ strings: InterfaceStrings) {
        table = strings.root
    }

    private init(table: [String: InterfaceStrings.Value]) {
        self.table = table
    }

    package func child(named name: String) -> Any? {
        switch table[name] {
        case .text(let text)?: TemplateValues.Text(renderText: text)
        case .list(let list)?: list.map { TemplateValues.Text(renderText: $0) }
        case .plural(let one, let other)?: StringsValue(table: ["one": .text(one), "other": .text(other)])
        case .table(let table)?: StringsValue(table: table)
        case nil: nil
        }
    }
}
