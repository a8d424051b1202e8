import Kader

/// The comparison with the previous round on a result page: its date, its page (none on a
/// self-contained page), and the changes counted per part and in all.
package struct ComparisonValue: TypedContext {
    package var date: String
    package var url: String?
    package var parts: [ChangeCountsRow]
    package var totals: ChangeCounts

    package func child(named name: String) -> Any? {
        switch name {
        case "date": string(date)
        case "url": string(url)
        case "parts": parts
        case "totals": totals
        default: nil
        }
    }
}

/// How many indicators changed in each way (`better`, `worse`, `same`, `new`, `dropped`).
package struct ChangeCounts: TypedContext {
    package var counts: [Change: Int]

    package func child(named name: String) -> Any? {
        Change(rawValue: name).map { int(counts[$0] ?? 0) }
    }
}

/// One part's row of the comparison.
package struct ChangeCountsRow: TypedContext {
    package var number: Int
    package var title: String
    package var counts: ChangeCounts

    package func child(named name: String) -> Any? {
        switch name {
        case "number": int(number)
        case "title": string(title)
        default: counts.child(named: name)
        }
    }
}
