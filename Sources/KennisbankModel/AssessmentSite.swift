import Diagnostics
import Kader
import SiteFormats
import Basics

/// The completed assessments of the site, validated against the kader, with the previous
/// round of each practice.
package struct AssessmentSite: Sendable {
    /// The assessment shown on each page, by page index.
    package let assessments: [Int: Assessment]
    /// The page of the previous round of the same practice, by page index.
    package let previous: [Int: Int]
    /// Page index of the overview of published self-evaluations.
    package let landing: Int?
    /// The preparation sessions: the pages of their preparation files and the address of their overview.
    package let sessions: [PreparationSession]

    /// The preparation files of one joint session and where their overview is written.
    package struct PreparationSession: Sendable {
        package let name: String
        package let pages: [Int]
        /// Output path of the overview, such as `zelfevaluaties/voorbereiding-duinmeer-2025-<code>/index.html`.
        package let url: String
    }

    /// The session overview a preparation page belongs to.
    package func session(of page: Int) -> PreparationSession? {
        sessions.first { $0.pages.contains(page) }
    }

    /// `drafts` holds the assessment drafts the loader read, by source path.
    package static func build(tree: SiteTree, drafts: [String: AssessmentDraft], kaders: KaderVersions, config: SiteConfig,
                      withNotes: Bool, diagnostics: inout DiagnosticList) -> AssessmentSite {
        var assessments: [Int: Assessment] = [:]
        for (index, page) in tree.pages.enumerated() {
            guard let draft = drafts[page.source] else { continue }
            guard let kader = kaders.kader(for: draft.kaderVersion?.value) else {
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
        for (index, assessment) in assessments where assessment.preparation == nil {
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
        let section = tree.sections.first { $0.folder == config.assessmentsFolder }
        var bySession: [String: [Int]] = [:]
        for (index, assessment) in assessments {
            if let preparation = assessment.preparation { bySession[preparation.session, default: []].append(index) }
        }
        var sessions: [PreparationSession] = []
        for (name, pages) in bySession.sorted(by: { byteOrder($0.key, $1.key) }) {
            let ordered = pages.sorted()
            let code = assessments[ordered[0]]!.code ?? ""
            let first = drafts[tree.pages[ordered[0]].source]
            let firstFile = first?.file ?? tree.pages[ordered[0]].source
            for page in ordered where assessments[page]!.code != code {
                let draft = drafts[tree.pages[page].source]
                let own = assessments[page]!.code.map { "`code: \($0)`" } ?? "no `code`"
                diagnostics.append(.error(
                    "all preparation files of the session `\(name)` need the same `code`, so that their overview has one address; this file has \(own), \(firstFile) has `code: \(code)`; write `code: \(code)` here (or give every file of the session the same other code)",
                    file: draft?.file ?? tree.pages[page].source, line: draft?.code?.line ?? 1, column: 1))
            }
            // One preparation per participant: two for the same party need different `deelnemer:`
            // (different by their address, `Slug.make`, so that each page has one of its own).
            var byParticipant: [String: Int] = [:]
            for page in ordered {
                let preparation = assessments[page]!.preparation!
                let key = preparation.party.rawValue + "/" + Slug.make(preparation.participant ?? "")
                guard let other = byParticipant[key] else {
                    byParticipant[key] = page
                    continue
                }
                let draft = drafts[tree.pages[page].source]
                let otherFile = drafts[tree.pages[other].source]?.file ?? tree.pages[other].source
                let who = preparation.participant.map { "the same `deelnemer: \($0)`" } ?? "no `deelnemer`"
                diagnostics.append(.error(
                    "\(otherFile) is a preparation of the session `\(name)` for `namens: \(preparation.party.rawValue)` with \(who) too; give each participant's file its own `deelnemer:` (the participant's name or role, such as `deelnemer: Persoonlijk begeleider`), or remove one of the files",
                    file: draft?.file ?? tree.pages[page].source, line: draft?.participant?.line ?? draft?.party?.line ?? 1, column: 1))
            }
            let url = (section?.urlPrefix ?? config.assessmentsFolder + "/") + "voorbereiding-\(Slug.make(name))-\(code)/index.html"
            sessions.append(PreparationSession(name: name, pages: ordered, url: url))
        }
        return AssessmentSite(assessments: assessments, previous: previous, landing: section?.landing, sessions: sessions)
    }
}

private func < (lhs: (SessionDate, String), rhs: (SessionDate, String)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : byteOrder(lhs.1, rhs.1)
}
