import Mustache
import SiteFormats

/// The interface words as a template value (`{{strings.search.title}}`): a typed value that
/// swift-mustache reads by name, made once per build and shared by every page. Two values are
/// equal when they are the same build's words (compared by identity, so that a cache key that
/// holds them stays cheap to hash).
package struct StringsValue: MustacheParent, Sendable, Hashable {
    private final class Table: Sendable {
        let entries: [String: InterfaceStrings.Value]
        init(_ entries: [String: InterfaceStrings.Value]) { self.entries = entries }
    }

    private let table: Table

    package init(_ strings: InterfaceStrings) {
        table = Table(strings.root)
    }

    private init(entries: [String: InterfaceStrings.Value]) {
        table = Table(entries)
    }

    package func child(named name: String) -> Any? {
        switch table.entries[name] {
        case .text(let text)?: TemplateValues.Text(renderText: text)
        case .list(let list)?: list.map { TemplateValues.Text(renderText: $0) }
        case .plural(let one, let other)?: StringsValue(entries: ["one": .text(one), "other": .text(other)])
        case .table(let entries)?: StringsValue(entries: entries)
        case nil: nil
        }
    }

    package static func == (lhs: StringsValue, rhs: StringsValue) -> Bool { lhs.table === rhs.table }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(table)) }
}
