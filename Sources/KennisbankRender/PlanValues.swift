/// One row of a result page's plan: what, who, when, the goal, and the indicators it serves.
package struct PlanRowValue: TypedContext {
    package var what: String
    package var who: String?
    package var when: String?
    package var goal: String?
    package var indicators: [IndicatorAnchor]

    package func child(named name: String) -> Any? {
        switch name {
        case "what": string(what)
        case "who": string(who)
        case "when": string(when)
        case "goal": string(goal)
        case "indicators": indicators
        default: nil
        }
    }
}

/// An indicator's id and its anchor on the page.
package struct IndicatorAnchor: TypedContext {
    package var id: String
    package var anchor: String

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "anchor": string(anchor)
        default: nil
        }
    }
}
