import Foundation

/// The content of an assessment file as plain values, and its text in the assessment format
/// (the same text the browser form saves). Used by the spreadsheet import.
public struct AssessmentFile: Sendable, Equatable {
    public init() {}

    public struct Score: Sendable, Equatable {
        public init(id: IndicatorID, title: String, status: Status?, reflection: String, actions: String) {
            self.id = id
            self.title = title
            self.status = status
            self.reflection = reflection
            self.actions = actions
        }

        public var id: IndicatorID
        public var title: String
        public var status: Status?
        public var reflection: String
        public var actions: String
    }

    public var practice = ""
    public var region = ""
    public var date = ""
    public var kaderVersion = ""
    public var organisations: [(name: String, role: String)] = []
    public var facilitator = ""
    public var visibility = Visibility.unlisted.rawValue
    public var code = ""
    public var scores: [Score] = []
    public var plan: [PlanEntry] = []

    public static func == (lhs: AssessmentFile, rhs: AssessmentFile) -> Bool {
        lhs.markdown == rhs.markdown
    }

    /// The file in the assessment format.
    public var markdown: String {
        var lines = ["---", "\(AssessmentFormat.Key.practice.rawValue): \(Self.quoted(practice))"]
        if !region.isEmpty { lines.append("\(AssessmentFormat.Key.region.rawValue): \(Self.quoted(region))") }
        if !date.isEmpty { lines.append("\(AssessmentFormat.Key.date.rawValue): \(Self.quoted(date))") }
        lines.append("\(AssessmentFormat.Key.kader.rawValue): \(Self.quoted(kaderVersion))")
        if !organisations.isEmpty {
            lines.append("\(AssessmentFormat.Key.organisations.rawValue):")
            for organisation in organisations {
                lines.append("  - \(AssessmentFormat.organisationName): \(Self.quoted(organisation.name))")
                lines.append("    \(AssessmentFormat.organisationRole): \(Self.quoted(organisation.role))")
            }
        }
        if !facilitator.isEmpty { lines.append("\(AssessmentFormat.Key.facilitator.rawValue): \(Self.quoted(facilitator))") }
        lines.append("\(AssessmentFormat.Key.visibility.rawValue): \(Self.quoted(visibility))")
        if !code.isEmpty { lines.append("\(AssessmentFormat.Key.code.rawValue): \(Self.quoted(code))") }
        lines += ["---", ""]
        for score in scores where score.status != nil || !score.reflection.isEmpty || !score.actions.isEmpty {
            lines += ["## \(score.id) \(score.title)", ""]
            if let status = score.status { lines += ["**\(AssessmentFormat.scoreLabel):** \(AssessmentFormat.word(for: status))", ""] }
            if !score.reflection.isEmpty { lines += ["### \(AssessmentFormat.reflectionHeading)", "", Self.block(score.reflection), ""] }
            if !score.actions.isEmpty { lines += ["### \(AssessmentFormat.actionsHeading)", "", Self.block(score.actions), ""] }
        }
        if !plan.isEmpty {
            lines += ["## \(AssessmentFormat.planHeading)", ""]
            for entry in plan {
                lines += ["### \(Self.oneLine(entry.what))", ""]
                for (field, value) in [(AssessmentFormat.PlanField.who, entry.who), (.when, entry.when), (.goal, entry.goal)] {
                    if let value, !value.isEmpty { lines.append("- **\(field.rawValue):** \(Self.oneLine(value))") }
                }
                if !entry.indicators.isEmpty {
                    lines.append("- **\(AssessmentFormat.PlanField.indicators.rawValue):** " + entry.indicators.map(\.description).joined(separator: ", "))
                }
                lines.append("")
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": continue
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Text as Markdown that cannot start a heading of the file's structure.
    public static func block(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let indent = line.prefix { $0 == " " }
            return indent.count <= 3 && line.dropFirst(indent.count).hasPrefix("#") ? indent + "\\" + line.dropFirst(indent.count) : Substring(line)
        }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
