import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The values of a completed assessment's result page (`ResultValues`): header, summary bars,
/// aandachtspunten, details per part, plan and the comparison with the previous round, and of a
/// session's overview of preparations (`PreparationOverviewValues`).
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
            let label = StatusLabelValue(status: status.map { StatusValue($0, strings: strings) }, strings: stringsValue)
            labels[status] = templates?.render(label, with: "partials/status-label") ?? ""
        }
        statusLabels = labels
        blocks = IndicatorBlocks(templates: templates)
    }

    /// File name of a result page's PDF, next to its `index.html`.
    package static let pdfName = OutputPaths.assessmentPDF

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
                previousURL: String?, linkRoot: String?) -> ResultValues {
        let summary = AssessmentSummary(assessment, kader: kader)
        let comparison = previous.map { RoundComparison(current: assessment, previous: $0, kader: kader) }
        let rows = summary.parts.map { entry -> SummaryRow in
            let part = kader.part(entry.part)!
            let title = strings.text("assessment.partBar", ["number": String(entry.part.number), "title": part.title])
            return SummaryRow(number: entry.part.number, id: entry.part.description, title: part.title,
                              counts: countsValue(entry.counts, title: title, id: entry.part.description))
        }
        let attention = kader.parts.compactMap { part -> AttentionPart? in
            let items = part.indicators.filter {
                let status = assessment.status($0.id)
                return status == .inOntwikkeling || status == .nietOpOrde
            }.map { indicatorLink($0, status: assessment.status($0.id)) }
            guard !items.isEmpty else { return nil }
            return AttentionPart(number: part.id.number, title: part.title, items: items)
        }
        let plan = assessment.plan.map { entry in
            PlanRowValue(what: entry.what, who: entry.who, when: entry.when, goal: entry.goal,
                         indicators: entry.indicators.map { IndicatorAnchor(id: $0.description, anchor: $0.anchor) })
        }
        var compared: ComparisonValue?
        if let comparison, let previous { compared = comparisonValue(comparison, previous: previous, previousURL: previousURL) }
        let heading = assessment.preparation.map {
            strings.text("preparation.heading", ["party": strings.label($0), "practice": assessment.practice])
        } ?? strings.text("assessment.title", ["practice": assessment.practice])
        return ResultValues(
            heading: heading, practice: assessment.practice, date: strings.date(assessment.date), dateISO: assessment.date.description,
            version: assessment.kaderVersion, kaderTitle: strings.text("kader.title"), isUnlisted: assessment.visibility == .unlisted,
            isExample: assessment.isExample, isSummary: assessment.publication == .summary,
            region: assessment.region, facilitator: assessment.facilitator,
            filled: summary.total.filled, total: summary.total.total, roles: roles(assessment), statuses: StatusValue.all(strings),
            summary: rows,
            summaryTotal: countsValue(summary.total, title: strings.text("assessment.allParts"), id: "totaal"),
            attention: attention, plan: plan,
            parts: resultParts(assessment, texts: texts, previous: previous, comparison: comparison, linkRoot: linkRoot),
            comparison: compared)
    }

    /// Each part with the blocks of its indicators.
    private func resultParts(_ assessment: Assessment, texts: [IndicatorID: IndicatorText], previous: Assessment?,
                             comparison: RoundComparison?, linkRoot: String?) -> [ResultPart] {
        kader.parts.map { part -> ResultPart in
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
                                               before: previous?.status(indicator.id).map { StatusValue($0, strings: strings) })
                }
                html += blocks.html(block)
            }
            return ResultPart(number: part.id.number, id: part.id.description, title: part.title, indicatorsHTML: html)
        }
    }

    private func comparisonValue(_ comparison: RoundComparison, previous: Assessment, previousURL: String?) -> ComparisonValue {
        let parts = kader.parts.map { part in
            ChangeCountsRow(number: part.id.number, title: part.title, counts: ChangeCounts(counts: comparison.counts(for: part)))
        }
        var totals: [Change: Int] = [:]
        for change in Change.allCases { totals[change] = comparison.changes.values.filter { $0 == change }.count }
        return ComparisonValue(date: strings.date(previous.date), url: previousURL, parts: parts, totals: ChangeCounts(counts: totals))
    }

    private func roles(_ assessment: Assessment) -> [RoleValue] {
        Role.allCases.compactMap { role in
            let names = assessment.organisations.filter { $0.role == role }.map(\.name)
            return names.isEmpty ? nil : RoleValue(label: strings.label(role), names: names)
        }
    }

    private func indicatorLink(_ indicator: Indicator, status: Status?) -> IndicatorLinkValue {
        IndicatorLinkValue(id: indicator.id.description, anchor: indicator.id.anchor, title: indicator.title,
                           statusLabel: statusLabels[status] ?? "")
    }

    /// The number of indicators of each status and open, in the kader's order.
    private func statusCounts(_ counts: StatusCounts) -> [StatusCountValue] {
        Status.allCases.map { status in
            let count = switch status {
            case .opOrde: counts.opOrde
            case .inOntwikkeling: counts.inOntwikkeling
            case .nietOpOrde: counts.nietOpOrde
            }
            return StatusCountValue(key: status.rawValue, label: strings.label(status), symbol: status.symbol, count: count)
        } + [StatusCountValue(key: "open", label: strings.text("fill.notScored"), symbol: Self.openSymbol, count: counts.open)]
    }

    /// The symbol of an indicator left open.
    package static let openSymbol = "○"

    /// The counts of `counts` as table cells and as a bar, 600 units wide, titled `title` with
    /// every count in words.
    private func countsValue(_ counts: StatusCounts, title: String, id: String) -> CountsValue {
        let cells = statusCounts(counts)
        let description = cells.map { strings.text("assessment.barCount", ["count": String($0.count), "label": $0.label]) }
            .joined(separator: ", ")
        return CountsValue(counts, cells: cells,
                           bar: StatusBarValue(id: "kb-balk-\(id.lowercased())", title: "\(title): \(description)", counts: cells))
    }
}

extension AssessmentContexts {
    /// The values of a preparation overview: each party's provisional status per indicator, side
    /// by side, ordered by attention, with the parties' reflections next to each other.
    package func overviewValues(_ overview: PreparationOverview,
                                texts: [String: [IndicatorID: IndicatorText]]) -> PreparationOverviewValues {
        // One column per participant, grouped by party (`PreparationOverview` orders them so).
        let parties = overview.preparations.map { preparation in
            PartyColumn(label: preparation.preparation.map { strings.label($0.party) } ?? "",
                        name: preparation.organisations.first(where: { $0.role == preparation.preparation?.party })?.name,
                        participant: preparation.preparation?.participant)
        }.map(\.withoutRepeatedName)
        let attentionLabels = ["preparation.attention.disagreement", "preparation.attention.nietOpOrde",
                               "preparation.attention.inOntwikkeling"].map { strings.text($0) }
        let rows = overview.rows.map { row -> OverviewRow in
            let notes = overview.preparations.compactMap { preparation -> PartyNote? in
                guard let text = texts[preparation.source]?[row.id], !(text.reflection + text.actions).isEmpty else { return nil }
                return PartyNote(party: preparation.preparation.map { strings.label($0) } ?? "", reflection: text.reflection, actions: text.actions)
            }
            return OverviewRow(id: row.id.description, anchor: row.id.anchor, title: kader.indicator(row.id)?.title ?? "",
                               disagreement: row.disagreement,
                               attention: attentionLabels.indices.contains(row.attention) ? attentionLabels[row.attention] : nil,
                               statuses: zip(parties, row.statuses).map { party, status in
                                   PartyStatusValue(party: strings.party(party.label, participant: party.participant),
                                                    status: StatusLabelValue(status: status.map { StatusValue($0, strings: strings) }))
                               }, notes: notes)
        }
        let first = overview.preparations.first
        return PreparationOverviewValues(heading: Self.overviewTitle(overview, strings: strings),
                                         session: overview.session, kaderTitle: strings.text("kader.title"), version: kader.version,
                                         practice: first?.practice, date: first.map { strings.date($0.date) },
                                         dateISO: first?.date.description, parties: parties, rows: rows,
                                         disagreements: overview.disagreements,
                                         isExample: !overview.preparations.isEmpty && overview.preparations.allSatisfy(\.isExample))
    }
}

extension AssessmentContexts {
    /// The title and heading of a session's overview of preparations: its practice and date
    /// ("Voorbereiding Housing First Duinmeer, 10 maart 2026"), not the session's name, which
    /// is written like a file name ("duinmeer-2026").
    package static func overviewTitle(_ overview: PreparationOverview, strings: InterfaceStrings) -> String {
        guard let first = overview.preparations.first, !first.practice.isEmpty else { return overview.session }
        return strings.text("preparation.overviewTitle", ["practice": first.practice, "date": strings.date(first.date)])
    }
}

extension AssessmentSite {
    /// The published (public) assessments for the overview page: by practice, newest first.
    package func publicList(tree: SiteTree, strings: InterfaceStrings) -> [PublishedAssessmentValue] {
        assessments.filter { $0.value.visibility == .public }
            .sorted { lhs, rhs in
                lhs.value.practice != rhs.value.practice ? lhs.value.practice < rhs.value.practice : rhs.value.date < lhs.value.date
            }
            .map { index, assessment in
                PublishedAssessmentValue(practice: assessment.practice, region: assessment.region, date: strings.date(assessment.date),
                                         dateISO: assessment.date.description, url: tree.pages[index].url)
            }
    }
}
