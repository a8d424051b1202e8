import Foundation

/// `preparation` on a session's overview page: each party's provisional status per indicator,
/// side by side, ordered by attention, with the parties' reflections next to each other.
package struct PreparationOverviewValues: TypedContext {
    /// "Voorbereiding <practice>, <date>" (`AssessmentContexts.overviewTitle`).
    package var heading: String
    package var session: String
    package var kaderTitle: String
    package var version: String
    /// The practice and date of the first preparation; none when the session has none.
    package var practice: String?
    package var date: String?
    package var dateISO: String?
    package var parties: [PartyColumn]
    package var rows: [OverviewRow]
    package var disagreements: Int
    /// Every preparation of the session is a fictional example (`voorbeeld: true`).
    package var isExample = false

    package func child(named name: String) -> Any? {
        switch name {
        case "heading": string(heading)
        case "session": string(session)
        case "kaderTitle": string(kaderTitle)
        case "version": string(version)
        case "practice": string(practice)
        case "date": string(date)
        case "dateISO": string(dateISO)
        case "parties": parties
        case "rows": rows
        case "disagreements": int(disagreements)
        case "isExample": isExample
        case "total": int(rows.count)
        default: nil
        }
    }
}

/// A participant's column: the party's role, the name of its organisation when the preparation
/// gives one, and the participant's name or role (`deelnemer:`) when given.
package struct PartyColumn: TypedContext {
    package var label: String
    package var name: String?
    package var participant: String?

    /// The column with its organisation's name alone when that name starts with the role's
    /// word ("Gemeente Duinmeer", not "Gemeente Gemeente Duinmeer").
    package var withoutRepeatedName: PartyColumn {
        guard let name, !label.isEmpty,
              let match = name.range(of: label, options: [.anchored, .caseInsensitive, .diacriticInsensitive]),
              match.upperBound == name.endIndex || name[match.upperBound] == " " else { return self }
        return PartyColumn(label: name, name: nil, participant: participant)
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "label": string(label)
        case "name": string(self.name)
        case "participant": string(participant)
        default: nil
        }
    }
}

/// One indicator of the overview: each party's status (`partials/status-label`), whether they
/// disagree, the attention it needs, and the parties' notes on it.
package struct OverviewRow: TypedContext {
    package var id: String
    package var anchor: String
    package var title: String
    package var disagreement: Bool
    /// The label of the attention it needs; none for the rest.
    package var attention: String?
    package var statuses: [PartyStatusValue]
    package var notes: [PartyNote]

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "anchor": string(anchor)
        case "title": string(title)
        case "disagreement": disagreement
        case "attention": string(attention)
        case "hasAttention": attention != nil
        case "statuses": statuses
        case "notes": notes
        case "hasNotes": !notes.isEmpty
        default: nil
        }
    }
}

/// One party's status on an indicator (`partials/status-label`), with the party's name for the
/// cell's label on a phone.
package struct PartyStatusValue: TypedContext {
    package var party: String
    package var status: StatusLabelValue

    package func child(named name: String) -> Any? {
        name == "party" ? string(party) : status.child(named: name)
    }
}

/// One party's reflection and actions on an indicator (HTML).
package struct PartyNote: TypedContext {
    package var party: String
    package var reflection: String
    package var actions: String

    package func child(named name: String) -> Any? {
        switch name {
        case "party": string(party)
        case "reflection": string(reflection)
        case "actions": string(actions)
        case "hasReflection": !reflection.isEmpty
        case "hasActions": !actions.isEmpty
        default: nil
        }
    }
}
