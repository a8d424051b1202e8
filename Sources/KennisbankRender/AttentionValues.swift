/// The aandachtspunten of one part on a result page: its indicators scored orange or red.
package struct AttentionPart: TypedContext {
    package var number: Int
    package var title: String
    package var items: [IndicatorLinkValue]

    package func child(named name: String) -> Any? {
        switch name {
        case "number": int(number)
        case "title": string(title)
        case "items": items
        default: nil
        }
    }
}

/// An indicator linked within its page (`#anchor`), with the rendered label of its status.
package struct IndicatorLinkValue: TypedContext {
    package var id: String
    package var anchor: String
    package var title: String
    /// HTML (`partials/status-label`).
    package var statusLabel: String

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "anchor": string(anchor)
        case "title": string(title)
        case "statusLabel": string(statusLabel)
        default: nil
        }
    }
}
