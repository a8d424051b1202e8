import Kader

/// The counts of indicators by status, of one part or of all (`summaryTotal`), with their
/// table cells (each status, then open) and their bar.
package struct CountsValue: TypedContext {
    package var opOrde: Int
    package var inOntwikkeling: Int
    package var nietOpOrde: Int
    package var open: Int
    package var cells: [StatusCountValue]
    package var bar: StatusBarValue

    package init(_ counts: StatusCounts, cells: [StatusCountValue], bar: StatusBarValue) {
        opOrde = counts.opOrde
        inOntwikkeling = counts.inOntwikkeling
        nietOpOrde = counts.nietOpOrde
        open = counts.open
        self.cells = cells
        self.bar = bar
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "opOrde": int(opOrde)
        case "inOntwikkeling": int(inOntwikkeling)
        case "nietOpOrde": int(nietOpOrde)
        case "open": int(open)
        case "total": int(opOrde + inOntwikkeling + nietOpOrde + open)
        case "cells": cells
        case "bar": bar
        default: nil
        }
    }
}

/// One part's row of a result page's summary: its number, id and title, and its counts.
package struct SummaryRow: TypedContext {
    package var number: Int
    package var id: String
    package var title: String
    package var counts: CountsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "number": int(number)
        case "id": string(id)
        case "title": string(title)
        default: counts.child(named: name)
        }
    }
}
