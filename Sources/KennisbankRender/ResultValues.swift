/// `assessment` on a result page (`partials/assessment-body`): the session's facts, the summary
/// by part, the aandachtspunten, the plan, the comparison with the previous round and each
/// part's indicator blocks. Counts and changes only: never an average, grade or ranking.
package struct ResultValues: TypedContext {
    /// The page's heading: "Zelfevaluatie <practice>", or for a preparation its party and practice.
    package var heading: String
    package var practice: String
    package var date: String
    package var dateISO: String
    package var version: String
    package var kaderTitle: String
    package var isUnlisted: Bool
    /// `voorbeeld: true`: a fictional practice, shown with a notice.
    package var isExample = false
    /// `publicatie: samenvatting`: the counts and titles only, no reflection or action text.
    package var isSummary = false
    package var region: String?
    package var facilitator: String?
    package var filled: Int
    package var total: Int
    package var roles: [RoleValue]
    package var statuses: [StatusValue]
    package var summary: [SummaryRow]
    package var summaryTotal: CountsValue
    package var attention: [AttentionPart]
    package var plan: [PlanRowValue]
    package var parts: [ResultPart]
    package var comparison: ComparisonValue?
    /// The file name of the page's PDF, when one is made.
    package var pdf: String?
    /// For a party's preparation: the party and the overview of its session.
    package var preparation: PreparationNotice?

    package func child(named name: String) -> Any? {
        switch name {
        case "heading": string(heading)
        case "practice": string(practice)
        case "date": string(date)
        case "dateISO": string(dateISO)
        case "version": string(version)
        case "kaderTitle": string(kaderTitle)
        case "isUnlisted": isUnlisted
        case "isExample": isExample
        case "isSummary": isSummary
        case "region": string(region)
        case "facilitator": string(facilitator)
        case "filled": int(filled)
        case "total": int(total)
        case "roles": roles
        case "statuses": statuses
        case "summary": summary
        case "summaryTotal": summaryTotal
        case "attention": attention
        case "hasAttention": !attention.isEmpty
        case "plan": plan
        case "hasPlan": !plan.isEmpty
        case "parts": parts
        case "comparison": optional(comparison)
        case "pdf": string(pdf)
        case "preparation": optional(preparation)
        default: nil
        }
    }
}

/// The organisations of one role that took part in a session.
package struct RoleValue: TypedContext {
    package var label: String
    package var names: [String]

    package func child(named name: String) -> Any? {
        switch name {
        case "label": string(label)
        case "names": stringList(names)
        default: nil
        }
    }
}

/// One part of the kader on a result page, with its indicators' blocks already rendered.
package struct ResultPart: TypedContext {
    package var number: Int
    package var id: String
    package var title: String
    package var indicatorsHTML: String

    package func child(named name: String) -> Any? {
        switch name {
        case "number": int(number)
        case "id": string(id)
        case "title": string(title)
        case "indicatorsHTML": string(indicatorsHTML)
        default: nil
        }
    }
}

/// The notice on a party's preparation: the party (as the strings name its role) and the
/// address of the session's overview.
package struct PreparationNotice: TypedContext {
    package var party: String
    package var url: String

    package func child(named name: String) -> Any? {
        switch name {
        case "party": string(party)
        case "url": string(url)
        default: nil
        }
    }
}
