import Diagnostics
import Kader

/// The completed assessments of the site, validated against the kader, with the previous
/// round of each practice.
struct AssessmentSite: Sendable {
    /// The assessment shown on each page, by page index.
    let assessments: [Int: Assessment]
    /// The page of the previous round of the same practice, by page index.
    let previous: [Int: Int]
    /// Page index of the overview of published self-evaluations.
    let landing: Int?

    static func build(tree: SiteTree, sources: [String: LoadedSource], kader: Kader?, config: SiteConfig,
                      withNotes: Bool, diagnostics: inout DiagnosticList) -> AssessmentSite {
        var assessments: [Int: Assessment] = [:]
        for (index, page) in tree.pages.enumerated() {
            guard let draft = sources[page.source]?.assessment else { continue }
            guard let kader else {
                diagnostics.append(.error("assessments need the kader, but the content has no `\(config.kaderFolder)/` folder with the Kwaliteitskader",
                                          file: draft.file, line: 1, column: 1))
                continue
            }
            let (assessment, problems) = AssessmentBuilder.build(draft, kader: kader)
            diagnostics.append(contentsOf: problems)
            guard let assessment else { continue }
            assessments[index] = assessment
            let open = assessment.openIndicators(in: kader)
            if withNotes, !open.isEmpty {
                diagnostics.append(.note("\(open.count) of \(kader.indicators.count) indicators are open: \(open.map(\.description).joined(separator: ", "))",
                                         file: draft.file))
            }
        }
        // Rounds of one practice: same practice name, ordered by date. A public page compares
        // only with public rounds, so that it never reveals an unlisted one.
        var byPractice: [String: [Int]] = [:]
        for (index, assessment) in assessments {
            byPractice[assessment.practice.lowercased(), default: []].append(index)
        }
        var previous: [Int: Int] = [:]
        for (_, rounds) in byPractice {
            let ordered = rounds.sorted { (assessments[$0]!.date, tree.pages[$0].source) < (assessments[$1]!.date, tree.pages[$1].source) }
            for (position, index) in ordered.enumerated() {
                let isPublic = assessments[index]!.visibility == .public
                previous[index] = ordered[..<position].last { !isPublic || assessments[$0]!.visibility == .public }
            }
        }
        let landing = tree.sections.first { $0.folder == config.assessmentsFolder }?.landing
        return AssessmentSite(assessments: assessments, previous: previous, landing: landing)
    }
}

extension AssessmentSite {
    /// The published (public) assessments for the overview page: by practice, newest first.
    func publicList(tree: SiteTree) -> [[String: Any]] {
        assessments.filter { $0.value.visibility == .public }
            .sorted { lhs, rhs in
                lhs.value.practice != rhs.value.practice ? lhs.value.practice < rhs.value.practice : rhs.value.date < lhs.value.date
            }
            .map { index, assessment in
                var item: [String: Any] = ["practice": assessment.practice, "date": assessment.date.dutch,
                                           "dateISO": assessment.date.description, "url": tree.pages[index].url]
                if let region = assessment.region { item["region"] = region }
                return item
            }
    }
}

private func < (lhs: (SessionDate, String), rhs: (SessionDate, String)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : byteOrder(lhs.1, rhs.1)
}
