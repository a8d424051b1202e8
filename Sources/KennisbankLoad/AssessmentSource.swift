import Diagnostics
import Foundation
import Kader
import KennisbankMarkdown
import Yams
import SiteFormats
import Basics

/// Reads a completed assessment file in the assessment format (`AssessmentFormat`).
package enum AssessmentSource {
    package static let knownKeys = AssessmentFormat.Key.allCases.map(\.rawValue)
    static let scoreLabel = AssessmentFormat.scoreLabel
    static let planLabels = AssessmentFormat.PlanField.allCases.map(\.rawValue)

    /// Where each heading of an assessment belongs, for rendering it.
    package enum HeadingRole: Sendable, Equatable {
        case indicator(String)
        case reflection(String)
        case actions(String)
        case plan
        case planEntry(Int)
        case other
    }

    /// Reads the front matter fields into a draft.
    package static func draft(fields: YAMLFields, path: String, displayPath: String,
                      diagnostics: inout DiagnosticList) -> AssessmentDraft {
        var draft = AssessmentDraft(file: displayPath, source: path)
        fields.warnUnknownKeys(known: knownKeys, what: "assessment", diagnostics: &diagnostics)
        func located(_ key: String) -> Located<String>? {
            guard let entry = fields.entry(key), let value = fields.string(key, diagnostics: &diagnostics) else { return nil }
            return Located(value, line: entry.line)
        }
        draft.practice = located(AssessmentFormat.Key.practice.rawValue)
        draft.region = fields.string(AssessmentFormat.Key.region.rawValue, diagnostics: &diagnostics)
        draft.date = located(AssessmentFormat.Key.date.rawValue)
        draft.kaderVersion = located(AssessmentFormat.Key.kader.rawValue)
        draft.facilitator = fields.string(AssessmentFormat.Key.facilitator.rawValue, diagnostics: &diagnostics)
        draft.visibility = located(AssessmentFormat.Key.visibility.rawValue)
        draft.code = located(AssessmentFormat.Key.code.rawValue)
        draft.preparation = located(AssessmentFormat.Key.preparation.rawValue)
        draft.party = located(AssessmentFormat.Key.party.rawValue)
        draft.session = located(AssessmentFormat.Key.session.rawValue)
        draft.participant = located(AssessmentFormat.Key.participant.rawValue)
        draft.personalDataChecked = located(AssessmentFormat.Key.personalDataChecked.rawValue)
        draft.example = located(AssessmentFormat.Key.example.rawValue)
        draft.publication = located(AssessmentFormat.Key.publication.rawValue)
        if let entry = fields.entry(AssessmentFormat.Key.organisations.rawValue) {
            guard let sequence = entry.value.sequence else {
                diagnostics.append(.error("`organisaties` must be a list of `- naam: ...` with `rol: ...` lines",
                                          file: displayPath, line: entry.line, column: entry.column))
                return draft
            }
            for item in sequence {
                let line = fields.fileLine(of: item)
                guard let mapping = item.mapping, let name = mapping[AssessmentFormat.organisationName]?.string, !name.isEmpty else {
                    diagnostics.append(.error("each organisation needs `naam:` and `rol:`, such as `- naam: Stichting De Brug` and `  rol: zorgorganisatie`",
                                              file: displayPath, line: line, column: 1))
                    continue
                }
                let role = mapping[AssessmentFormat.organisationRole]
                draft.organisations.append((name, Located(role?.string ?? "", line: role.map(fields.fileLine) ?? line)))
            }
        }
        return draft
    }

    /// Reads the body: indicator sections and the plan. Takes the labelled lines out of the
    /// document and returns the role of each heading for rendering.
    ///
    /// The structure comes from the format's line rules (`AssessmentLayout`), which the browser
    /// form follows too; cmark's reading of the same text must agree with them (a heading or
    /// label line that cmark reads as part of something else is an error), so that both read
    /// every accepted file the same way. Headings that are text by those rules (indented,
    /// underlined, in a quote or list) stay in the text of their section.
    /// `text` is the body the document was parsed from (not kept in the document: every page's
    /// text held for the whole build cost 45 MiB at 10,000 pages).
    package static func readBody(document: MarkdownDocument, text: String, headings: [Heading], lineOffset: Int,
                                 draft: inout AssessmentDraft, diagnostics: inout DiagnosticList) -> [HeadingRole] {
        let layout = AssessmentLayout(AssessmentLines.lines(text), firstLine: lineOffset + 1)
        func error(_ message: String, bodyLine: Int, column: Int = 1) {
            diagnostics.append(.error(message, file: draft.file, line: bodyLine + lineOffset, column: column))
        }
        for problem in layout.problems { error(problem.message, bodyLine: problem.line + 1, column: problem.column) }
        func kind(_ bodyLine: Int) -> AssessmentLines.Kind? {
            layout.kinds.indices.contains(bodyLine - 1) ? layout.kinds[bodyLine - 1] : nil
        }
        var structure = Set<Int>()
        var inText: [Int] = []
        var cmarkHeadingLines = Set<Int>()
        for (index, heading) in headings.enumerated() {
            let bodyLine = heading.line - lineOffset
            let written = heading.isTopLevel && heading.column == 1 && !heading.isUnderlined
            if written { cmarkHeadingLines.insert(bodyLine) }
            if written, case .heading = kind(bodyLine) {
                structure.insert(index)
            } else if heading.isTopLevel {
                inText.append(index)
                if written {
                    error("this heading stands where the code block or raw HTML opened above it is still open by the format's rules (which the browser form reads it by); close that block before this heading, or put a space before the `#` to keep the heading as text",
                          bodyLine: bodyLine)
                }
            }
        }
        for (index, kind) in layout.kinds.enumerated() {
            if case .heading(let level, let text) = kind, !cmarkHeadingLines.contains(index + 1) {
                error("`\(String(repeating: "#", count: level)) \(text)` is not read as a heading here: Markdown reads it as part of the raw HTML or text above it; put an empty line above it",
                      bodyLine: index + 1)
            }
        }
        document.keepInText(headings: inText)
        let labelled = document.takeLabelledParagraphs(labels: Set([scoreLabel] + planLabels),
                                                       lines: Set(layout.labelLines.map { $0 + 1 }))
        for line in layout.labelLines.subtracting(labelled.map { $0.line - 1 }).sorted() {
            guard case .label(let label, _, let column) = layout.kinds[line] else { continue }
            error("`**\(label):**` is not read as a label here: Markdown reads this line as part of the text or heading around it; put an empty line above and below it",
                  bodyLine: line + 1, column: column)
        }
        var roles: [HeadingRole] = []
        /// For each heading, the index in `draft.indicators` of the indicator section it lies in.
        var owner: [Int?] = []
        var currentIndicator: String?
        var inPlan = false
        for (index, heading) in headings.enumerated() {
            let text = heading.text.trimmed()
            defer { owner.append(currentIndicator == nil ? nil : draft.indicators.count - 1) }
            guard structure.contains(index) else {
                roles.append(.other)
                continue
            }
            switch heading.level {
            case 2:
                currentIndicator = nil
                inPlan = text.lowercased() == AssessmentFormat.planHeading.lowercased()
                if inPlan {
                    roles.append(.plan)
                } else {
                    let id = KaderSource.firstWord(of: text)
                    currentIndicator = id
                    roles.append(.indicator(id))
                    draft.indicators.append(.init(idText: Located(id, line: heading.line), status: nil,
                                                  hasReflection: false, hasActions: false))
                }
            case 3 where inPlan:
                roles.append(.planEntry(draft.plan.count))
                draft.plan.append(.init(what: Located(text, line: heading.line), who: nil, when: nil, goal: nil, indicators: []))
            case 3 where currentIndicator != nil:
                switch text.lowercased() {
                case AssessmentFormat.reflectionHeading.lowercased():
                    roles.append(.reflection(currentIndicator!))
                    draft.indicators[draft.indicators.count - 1].hasReflection = document.hasContent(afterHeading: index)
                case AssessmentFormat.actionsHeading.lowercased():
                    roles.append(.actions(currentIndicator!))
                    draft.indicators[draft.indicators.count - 1].hasActions = document.hasContent(afterHeading: index)
                default:
                    roles.append(.other)
                    diagnostics.append(.warning("unknown heading `\(text)` in indicator \(currentIndicator!); use `### Reflectie` or `### Acties` (other text is not shown)",
                                                file: draft.file, line: heading.line, column: 1))
                }
            default:
                roles.append(.other)
                diagnostics.append(.warning("heading `\(text)` is not part of the assessment format and is not shown; use `## P1.05 ...` for an indicator or `## Plan van aanpak`",
                                            file: draft.file, line: heading.line, column: 1))
            }
        }
        for item in labelled {
            let line = item.line + lineOffset
            guard let index = item.headingIndex, roles.indices.contains(index) else {
                diagnostics.append(.warning("`**\(item.label):**` stands before any indicator section and is ignored",
                                            file: draft.file, line: line, column: 1))
                continue
            }
            switch (item.label, roles[index]) {
            case (scoreLabel, _) where owner[index] != nil:
                draft.indicators[owner[index]!].status = Located(item.text, line: line)
            case (AssessmentFormat.PlanField.who.rawValue, .planEntry(let entry)): draft.plan[entry].who = item.text
            case (AssessmentFormat.PlanField.when.rawValue, .planEntry(let entry)): draft.plan[entry].when = item.text
            case (AssessmentFormat.PlanField.goal.rawValue, .planEntry(let entry)): draft.plan[entry].goal = item.text
            case (AssessmentFormat.PlanField.indicators.rawValue, .planEntry(let entry)):
                draft.plan[entry].indicators = item.text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
                    .map { Located(String($0), line: line) }
            default:
                diagnostics.append(.warning("`**\(item.label):**` does not belong here and is ignored; see the assessment format in the README",
                                            file: draft.file, line: line, column: 1))
            }
        }
        return roles
    }
}
