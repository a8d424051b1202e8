/// The structure of an assessment body by the line rules (`AssessmentLines`): where each
/// score line and label line stands, and every line that breaks the rules. Line numbers are
/// 0-based indexes into the body's lines.
public struct AssessmentLayout: Sendable {
    /// A line that breaks the format's rules, with the fix.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var kinds: [AssessmentLines.Kind]
    /// The lines whose label the format reads: the score directly under an indicator heading
    /// and the labelled items of the plan's actions.
    public var labelLines: Set<Int> = []
    public var problems: [Problem] = []

    /// Reads the lines of a body whose first line is line `firstLine` of its file (for the
    /// line numbers in messages).
    public init(_ lines: [Substring], firstLine: Int = 1) {
        let (kinds, open, _) = AssessmentLines.scan(lines)
        self.kinds = kinds
        let score = AssessmentFormat.scoreLabel
        enum Place: Equatable { case preamble, indicator(String), plan, action }
        var place = Place.preamble
        /// In an indicator: the `###` heading the line is under, whether text came after the
        /// heading, and the line of its score.
        var subheading: String?
        var hasText = false
        var scoreLine: Int?
        for (index, kind) in kinds.enumerated() {
            switch kind {
            case .blank:
                continue
            case .heading(let level, let text):
                if level == 2 {
                    place = text.lowercased() == AssessmentFormat.planHeading.lowercased()
                        ? .plan : .indicator(String(text.prefix { !$0.isWhitespace }))
                    subheading = nil
                    hasText = false
                    scoreLine = nil
                } else if case .indicator = place {
                    subheading = String(repeating: "#", count: level) + " " + text
                } else if level == 3, place != .preamble {
                    place = .action
                }
            case .label(let label, _, let column):
                func problem(_ message: String) { problems.append(Problem(line: index, column: column, message: message)) }
                let asText = "to keep it as text, write `__\(label):__`"
                switch place {
                case .indicator(let id) where label == score:
                    if let subheading {
                        problem("`**\(score):**` inside `\(subheading)` of \(id) is not its score; write the score line directly under `## \(id)`, or, \(asText)")
                    } else if let first = scoreLine {
                        problem("a second `**\(score):**` line for \(id) (its score is at line \(first + firstLine)); keep one score line, directly under `## \(id)`, or, \(asText)")
                    } else if hasText {
                        problem("the score line of \(id) must stand directly under `## \(id)`, before any text; move it up, or, \(asText)")
                    } else if let next = kinds.dropFirst(index + 1).first, !Self.endsParagraph(next) {
                        problem("the score line of \(id) must be a paragraph of its own; put an empty line below it")
                    } else {
                        scoreLine = index
                        labelLines.insert(index)
                    }
                case .action where label != score:
                    labelLines.insert(index)
                case .indicator, .preamble, .plan, .action:
                    if label == score {
                        problem("`**\(score):**` stands outside any indicator; write it directly under an indicator's heading such as `## P1.05`, or, \(asText)")
                    } else {
                        problem("`**\(label):**` belongs to an action of the plan (a `###` heading under `## \(AssessmentFormat.planHeading)`) and is not read here; move it there, or, \(asText)")
                    }
                }
                hasText = true
            case .text, .code:
                hasText = true
            }
        }
        if let open {
            let message = open.isFence
                ? "this code block is never closed, so the rest of the file would be read as code; close it with a line that holds only \(open.closer)"
                : "this raw HTML is never closed with `\(open.closer == "</" ? "</…>" : open.closer)`, so the rest of the file would be read as part of it; close it, or write `\\<` to show the `<` as text"
            problems.append(Problem(line: open.line, column: open.indent + 1, message: message))
        }
    }

    /// Whether a line after a score line ends its paragraph: empty, a heading, or no line.
    static func endsParagraph(_ kind: AssessmentLines.Kind) -> Bool {
        switch kind {
        case .blank, .heading: true
        default: false
        }
    }
}
