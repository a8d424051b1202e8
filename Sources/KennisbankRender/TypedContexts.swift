import Kader
import Mustache
import SiteFormats

/// Typed template values: each is a plain struct that swift-mustache reads through
/// `child(named:)`, a `switch` over its field names (no reflection, no dictionary), and that is
/// `Hashable`, so that a cache of rendered output can use the value itself as its key: a field
/// added to the value is part of the key at once, and one page's block can never appear on
/// another page.
///
/// A field without a value answers `TemplateValues.absent` (empty as text, false as a section),
/// never nil: swift-mustache looks a nil child up the context stack and would show a value of
/// the same name from an enclosing context.
package protocol TypedContext: MustacheParent, Hashable, Sendable {}

/// The shapes in which a typed value's `child(named:)` answers: the prepared forms of
/// `TemplateValues`, and `absent` for a field without a value.
extension TypedContext {
    /// A text field.
    package func string(_ value: String) -> TemplateValues.Text { TemplateValues.Text(renderText: value) }
    /// A text field that may be empty: `absent` without a value.
    package func string(_ value: String?) -> Any { TemplateValues.text(value) }
    /// A list of texts (`{{#names}}{{.}}{{/names}}`).
    package func stringList(_ values: [String]) -> [TemplateValues.Text] { values.map { TemplateValues.Text(renderText: $0) } }
    /// A whole number.
    package func int(_ value: Int) -> TemplateValues.Number { TemplateValues.Number(value: value) }
    /// A typed value that may be empty: `absent` without one.
    package func optional(_ value: (some TypedContext)?) -> Any {
        if let value { return value }
        return TemplateValues.absent
    }
}

extension TemplateValues {
    /// A value that is not there: renders as nothing, and as a false section.
    package struct Absent: MustacheCustomRenderable, Sendable {
        package var renderText: String { "" }
        package var isNull: Bool { true }
    }

    package static let absent = Absent()

    /// A text value, or `absent`.
    package static func text(_ value: String?) -> Any {
        value.map { Text(renderText: $0) } ?? absent
    }
}

/// One status as templates show it: `key` (for classes), `label`, `colour`, `symbol` and
/// `meaning` (the forms' legend).
package struct StatusValue: TypedContext {
    package var key: String
    package var label: String
    package var colour: String
    package var symbol: String
    package var meaning: String

    package init(key: String, label: String, colour: String, symbol: String, meaning: String = "") {
        self.key = key
        self.label = label
        self.colour = colour
        self.symbol = symbol
        self.meaning = meaning
    }

    /// A status in the words of the site's language.
    package init(_ status: Status, strings: InterfaceStrings) {
        self.init(key: status.rawValue, label: strings.label(status), colour: strings.colour(status), symbol: status.symbol,
                  meaning: strings.meaning(status))
    }

    /// The colour score: every status, in the kader's order.
    package static func all(_ strings: InterfaceStrings) -> [StatusValue] {
        Status.allCases.map { StatusValue($0, strings: strings) }
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "key": TemplateValues.Text(renderText: key)
        case "label": TemplateValues.Text(renderText: label)
        case "colour": TemplateValues.Text(renderText: colour)
        case "symbol": TemplateValues.Text(renderText: symbol)
        case "meaning": TemplateValues.Text(renderText: meaning)
        default: nil
        }
    }
}

/// The values of a status label (`partials/status-label`): a status, or none for an open
/// indicator (`isOpen`).
package struct StatusLabelValue: TypedContext {
    package var status: StatusValue?
    /// The interface words when the label is rendered on its own; nil inside a page, whose
    /// words are found further up.
    package var strings: StringsValue?

    package init(status: StatusValue?, strings: StringsValue? = nil) {
        self.status = status
        self.strings = strings
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "status": optional(status)
        case "isOpen": status == nil
        case "strings": strings
        default: nil
        }
    }
}

/// The change of an indicator since the previous round, and its status then.
package struct ChangeValue: TypedContext {
    package var key: String
    package var label: String
    package var before: StatusValue?

    package init(key: String, label: String, before: StatusValue? = nil) {
        self.key = key
        self.label = label
        self.before = before
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "key": TemplateValues.Text(renderText: key)
        case "label": TemplateValues.Text(renderText: label)
        case "before": before ?? TemplateValues.absent
        default: nil
        }
    }
}

/// The values of one indicator's block on a result page (`partials/assessment-indicator`).
package struct IndicatorBlock: TypedContext {
    package var id: String
    package var anchor: String
    package var title: String
    /// The rendered label of its status (`partials/status-label`), HTML.
    package var statusLabel: String
    package var change: ChangeValue?
    /// Its place in the kader, when the page links there.
    package var kaderURL: String?
    /// The session's reflection and actions, rendered from Markdown (HTML).
    package var reflection: String
    package var actions: String
    /// The interface words (`{{strings.assessment...}}`).
    package var strings: StringsValue

    package init(id: String, anchor: String, title: String, statusLabel: String, change: ChangeValue? = nil, kaderURL: String? = nil, reflection: String, actions: String, strings: StringsValue) {
        self.id = id
        self.anchor = anchor
        self.title = title
        self.statusLabel = statusLabel
        self.change = change
        self.kaderURL = kaderURL
        self.reflection = reflection
        self.actions = actions
        self.strings = strings
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "id": TemplateValues.Text(renderText: id)
        case "anchor": TemplateValues.Text(renderText: anchor)
        case "title": TemplateValues.Text(renderText: title)
        case "statusLabel": TemplateValues.Text(renderText: statusLabel)
        case "change": change ?? TemplateValues.absent
        case "kaderURL": TemplateValues.text(kaderURL)
        case "reflection": TemplateValues.Text(renderText: reflection)
        case "actions": TemplateValues.Text(renderText: actions)
        case "hasReflection": !reflection.isEmpty
        case "hasActions": !actions.isEmpty
        case "strings": strings
        default: nil
        }
    }

    /// Equal blocks are equal in every field (synthesized); the hash takes the fields that tell
    /// most blocks apart, which is cheaper than hashing every text and gives the same equality.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(change?.key)
        hasher.combine(change?.before?.key)
        hasher.combine(kaderURL)
        hasher.combine(reflection.isEmpty)
        hasher.combine(actions.isEmpty)
    }

    /// The same block with its reflection and actions replaced by slots (`Slots`): what is
    /// rendered once and reused for every page with the same values, and the key it is kept by.
    package var slotted: IndicatorBlock {
        var block = self
        block.reflection = reflection.isEmpty ? "" : Slots.marker(0)
        block.actions = actions.isEmpty ? "" : Slots.marker(1)
        return block
    }
}

/// One entry of the sidebar's section menu (`partials/nav-item`), with the rendered list of
/// its own entries when it is a section.
package struct NavEntry: TypedContext {
    package var root: String
    package var url: String
    package var title: String
    package var current: Bool
    package var list: String?
    package var strings: StringsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "root": TemplateValues.Text(renderText: root)
        case "url": TemplateValues.Text(renderText: url)
        case "title": TemplateValues.Text(renderText: title)
        case "current": current
        case "list": TemplateValues.text(list)
        case "strings": strings
        default: nil
        }
    }
}

/// A list of sidebar entries (`partials/nav-list`), already rendered.
package struct NavList: TypedContext {
    package var items: String
    package var strings: StringsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "items": TemplateValues.Text(renderText: items)
        case "strings": strings
        default: nil
        }
    }
}
