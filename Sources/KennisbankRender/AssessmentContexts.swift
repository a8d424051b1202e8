import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// Mustache values for a completed assessment's result page: header, summary bars,
/// aandachtspunten, details per part, plan and the comparison with the previous round.
/// Counts and changes only: never an average, grade or ranking.
///
/// The parts that repeat 83 times a page are rendered here from small flat contexts: the label
/// of each status once (`partials/status-label`), and each indicator's block
/// (`partials/assessment-indicator`) once per combination of its values (`IndicatorBlocks`).
package struct AssessmentContexts: Sendable {
    package let kader: Kader
    package let tree: SiteTree
    package let kaderSite: KaderSite?
    package let templates: TemplateSet?
    /// The interface words (dates, bar titles, changes, attention labels).
    package let strings: InterfaceStrings
    /// The rendered label of each status, and of an open indicator (key nil).
    private let statusLabels: [Status?: String]
    /// The interface words as a template value, for the status labels and indicator blocks.
    private let stringsValue: StringsValue
    /// Each indicator's block, reused across result pages.
    private let blocks: IndicatorBlocks

    package init(kader: Kader, tree: SiteTree, kaderSite: KaderSite?, templates: TemplateSet?, strings: InterfaceStrings) {
        self.kader = kader
        self.strings = strings
        stringsValue = StringsValue(strings)
        self.tree = tree
        self.kaderSite = kaderSite
        self.templates = templates
        var labels: [Status?: String] = [:]
        for status in [nil] + Status.allCases.map(Optional.some) {
            var context: [String: Any] = ["isOpen": status == nil, "strings": stringsValue]
            if let status { context["status"] = Self.statusValues(status) }
            labels[status] = templates?.render(context, with: "partials/status-label") ?? ""
        }
        statusLabels = labels
        blocks = IndicatorBlocks(templates: templates)
    }

    /// File name of a result page's PDF, next to its `index.html`.
    package static let pdfName = "zelfevaluatie.pdf"

    /// The text of one indicator section, rendered.
    package struct IndicatorText: Sendable {
        package var reflection = ""
        package var actions = ""
    }

    /// Cuts the rendered segments of an assessment into each indicator's reflection and actions.
    package static func texts(segments: Segments, roles: [AssessmentSource.HeadingRole]) -> [IndicatorID: IndicatorText] {
        var texts: [IndicatorID: IndicatorText] = [:]
        for (index, role) in roles.enumerated() {
            let html = segments.afterHeading.indices.contains(index) ? segments.afterHeading[index] : ""
            switch role {
            case .indicator(let id), .reflection(let id):
                guard let id = IndicatorID(id) else { continue }
                texts[id, default: IndicatorText()].reflection += html
            case .actions(let id):
                guard let id = IndicatorID(id) else { continue }
                texts[id, default: IndicatorText()].actions += html
            default:
                break
            }
        }
        return texts
    }

    /// The `assessment` value of a result page. `linkRoot` leads to the site root for links to
    /// the kader's pages; nil leaves those links out (a self-contained file without a base URL).
    package func values(_ assessment: Assessment, texts: [IndicatorID: IndicatorText], previous: Assessment?,
                previousURL: String?, linkRoot: String?) -> [String: Any] {
        let summary = AssessmentSummary(assessment, kader: kader)
        let comparison = previous.map { RoundComparison(current: assessment, previous: $0, kader: kader) }
        var values: [String: Any] = [
            "practice": assessment.practice, "date": strings.date(assessment.date), "dateISO": assessment.date.description,
            "version": assessment.kaderVersion, "kaderTitle": KaderContexts.kaderTitle,
            "isUnlisted": assessment.visibility == .unlisted,
            "filled": summary.total.filled, "total": summary.total.total,
            "roles": roles(assessment), "statuses": KaderContexts.statuses,
        ]
        if let region = assessment.region { values["region"] = region }
        if let facilitator = assessment.facilitator { values["facilitator"] = facilitator }

        values["summary"] = summary.parts.map { entry -> [String: Any] in
            let part = kader.part(entry.part)!
            var row = countValues(entry.counts)
            row["number"] = entry.part.number
            row["id"] = entry.part.description
            row["title"] = part.title
            row["bar"] = bar(entry.counts, title: strings.text("assessment.partBar", ["number": String(entry.part.number),
                                                                                        "title": part.title]),
                             id: entry.part.description)
            return row
        }
        var total = countValues(summary.total)
        total["bar"] = bar(summary.total, title: strings.text("assessment.allParts"), id: "totaal")
        values["summaryTotal"] = total

        let attention = kader.parts.compactMap { part -> [String: Any]? in
            let items = part.indicators.filter {
                let status = assessment.status($0.id)
                return status == .inOntwikkeling || status == .nietOpOrde
            }.map { indicatorLink($0, status: assessment.status($0.id)) }
            guard !items.isEmpty else { return nil }
            return ["number": part.id.number, "title": part.title, "items": items]
        }
        values["attention"] = attention
        values["hasAttention"] = !attention.isEmpty

        values["parts"] = kader.parts.map { part -> [String: Any] in
            var partValues: [String: Any] = ["number": part.id.number, "id": part.id.description, "title": part.title]
            var html = ""
            for indicator in part.indicators {
                let status = assessment.status(indicator.id)
                let text = texts[indicator.id] ?? IndicatorText()
                var block = IndicatorBlock(id: indicator.id.description, anchor: indicator.id.anchor, title: indicator.title,
                                           statusLabel: statusLabels[status] ?? "", change: nil, kaderURL: nil,
                                           reflection: text.reflection, actions: text.actions, strings: stringsValue)
                if let linkRoot, let kaderSite, let page = kaderSite.partPages[part.id] {
                    block.kaderURL = linkRoot + tree.pages[page].url + "#" + indicator.id.anchor
                }
                if let comparison, let change = comparison.changes[indicator.id] {
                    block.change = ChangeValue(key: change.rawValue, label: strings.text("assessment.changes." + change.rawValue),
                                               before: previous?.status(indicator.id).map(Self.statusValue))
                }
                html += blocks.html(block)
            }
            partValues["indicatorsHTML"] = html
            return partValues
        }

        values["plan"] = assessment.plan.map { entry -> [String: Any] in
            var row: [String: Any] = ["what": entry.what,
                                      "indicators": entry.indicators.map { ["id": $0.description, "anchor": $0.anchor] }]
            if let who = entry.who { row["who"] = who }
            if let when = entry.when { row["when"] = when }
            if let goal = entry.goal { row["goal"] = goal }
            return row
        }
        values["hasPlan"] = !assessment.plan.isEmpty

        if let comparison, let previous {
            var compared: [String: Any] = ["date": strings.date(previous.date)]
            if let previousURL { compared["url"] = previousURL }
            compared["parts"] = kader.parts.map { part -> [String: Any] in
                let counts = comparison.counts(for: part)
                var row: [String: Any] = ["number": part.id.number, "title": part.title]
                for change in Change.allCases { row[change.rawValue] = counts[change] ?? 0 }
                return row
            }
            var totals: [String: Any] = [:]
            for change in Change.allCases {
                totals[change.rawValue] = comparison.changes.values.filter { $0 == change }.count
            }
            compared["totals"] = totals
            values["comparison"] = compared
        }
        return values
    }

    private func roles(_ assessment: Assessment) -> [[String: Any]] {
        Role.allCases.compactMap { role in
            let names = assessment.organisations.filter { $0.role == role }.map(\.name)
            return names.isEmpty ? nil : ["label": role.label, "names": names]
        }
    }

    private func indicatorLink(_ indicator: Indicator, status: Status?) -> [String: Any] {
        ["id": indicator.id.description, "anchor": indicator.id.anchor, "title": indicator.title,
         "statusLabel": statusLabels[status] ?? ""]
    }

    private static func statusValue(_ status: Status) -> StatusValue {
        StatusValue(key: status.rawValue, label: status.label, colour: status.colour, symbol: status.symbol)
    }

    private static func statusValues(_ status: Status) -> [String: Any] {
        ["key": status.rawValue, "label": status.label, "colour": status.colour, "symbol": status.symbol]
    }

    private func countValues(_ counts: StatusCounts) -> [String: Any] {
        ["opOrde": counts.opOrde, "inOntwikkeling": counts.inOntwikkeling, "nietOpOrde": counts.nietOpOrde,
         "open": counts.open, "total": counts.total]
    }

    /// The segments of a horizontal bar, 600 units wide: one per status with a count, each with
    /// its status key (the template gives it its colour), symbol and count as text.
    private func bar(_ counts: StatusCounts, title: String, id: String) -> [String: Any] {
        let width = 600
        let parts: [(key: String, label: String, symbol: String, count: Int)] = [
            ("opOrde", Status.opOrde.label, Status.opOrde.symbol, counts.opOrde),
            ("inOntwikkeling", Status.inOntwikkeling.label, Status.inOntwikkeling.symbol, counts.inOntwikkeling),
            ("nietOpOrde", Status.nietOpOrde.label, Status.nietOpOrde.symbol, counts.nietOpOrde),
            ("open", strings.text("indicatorBlock.open"), "○", counts.open),
        ]
        var x = 0
        var segments: [[String: Any]] = []
        let shown = parts.filter { $0.count > 0 }
        for (position, part) in shown.enumerated() {
            let size = position == shown.count - 1 ? width - x : Int((Double(width * part.count) / Double(max(1, counts.total))).rounded())
            segments.append(["key": part.key, "label": part.label, "symbol": part.symbol, "count": part.count,
                             "x": x, "width": size, "textX": x + size / 2, "showText": size >= 44])
            x += size
        }
        let description = parts.map { strings.text("assessment.barCount", ["count": String($0.count), "label": $0.label]) }
            .joined(separator: ", ")
        return ["id": "kb-balk-\(id.lowercased())", "title": "\(title): \(description)", "segments": segments]
    }
}

extension AssessmentContexts {
    /// The values of a preparation overview: each party's provisional status per indicator, side
    /// by side, ordered by attention, with the parties' reflections next to each other.
    package func overviewValues(_ overview: PreparationOverview, texts: [String: [IndicatorID: IndicatorText]]) -> [String: Any] {
        let parties = overview.preparations.map { preparation -> [String: Any] in
            var values: [String: Any] = ["label": preparation.preparation?.party.label ?? ""]
            if let name = preparation.organisations.first(where: { $0.role == preparation.preparation?.party })?.name {
                values["name"] = name
            }
            return values
        }
        let attentionLabels = ["preparation.attention.disagreement", "preparation.attention.nietOpOrde",
                               "preparation.attention.inOntwikkeling"].map { strings.text($0) } + [""]
        let rows = overview.rows.map { row -> [String: Any] in
            let indicator = kader.indicator(row.id)
            var values: [String: Any] = [
                "id": row.id.description, "anchor": row.id.anchor, "title": indicator?.title ?? "",
                "disagreement": row.disagreement, "attention": attentionLabels[row.attention],
                "hasAttention": row.attention < 3,
            ]
            values["statuses"] = row.statuses.map { status -> [String: Any] in
                var cell: [String: Any] = ["isOpen": status == nil]
                if let status {
                    cell["status"] = ["key": status.rawValue, "label": status.label, "symbol": status.symbol]
                }
                return cell
            }
            let notes = overview.preparations.compactMap { preparation -> [String: Any]? in
                guard let text = texts[preparation.source]?[row.id], !(text.reflection + text.actions).isEmpty else { return nil }
                return ["party": preparation.preparation?.party.label ?? "", "reflection": text.reflection,
                        "actions": text.actions, "hasReflection": !text.reflection.isEmpty, "hasActions": !text.actions.isEmpty]
            }
            values["notes"] = notes
            values["hasNotes"] = !notes.isEmpty
            return values
        }
        var values: [String: Any] = ["session": overview.session, "parties": parties, "rows": rows,
                                     "disagreements": overview.disagreements, "total": overview.rows.count,
                                     "kaderTitle": KaderContexts.kaderTitle, "version": kader.version]
        if let first = overview.preparations.first {
            values["practice"] = first.practice
            values["date"] = strings.date(first.date)
            values["dateISO"] = first.date.description
        }
        return values
    }
}

extension AssessmentSite {
    /// The published (public) assessments for the overview page: by practice, newest first.
    package func publicList(tree: SiteTree, strings: InterfaceStrings) -> [[String: Any]] {
        assessments.filter { $0.value.visibility == .public }
            .sorted { lhs, rhs in
                lhs.value.practice != rhs.value.practice ? lhs.value.practice < rhs.value.practice : rhs.value.date < lhs.value.date
            }
            .map { index, assessment in
                var item: [String: Any] = ["practice": assessment.practice, "date": strings.date(assessment.date),
                                           "dateISO": assessment.date.description, "url": tree.pages[index].url]
                if let region = assessment.region { item["region"] = region }
                return item
            }
    }
}
