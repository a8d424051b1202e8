import Foundation
import Kader

/// The content of an assessment file as plain values, and its text in the assessment format
/// (the same text the browser form saves). Used by the spreadsheet import.
struct AssessmentFile: Sendable, Equatable {
    struct Score: Sendable, Equatable {
        var id: IndicatorID
        var title: String
        var status: Status?
        var reflection: String
        var actions: String
    }

    var practice = ""
    var region = ""
    var date = ""
    var kaderVersion = ""
    var organisations: [(name: String, role: String)] = []
    var facilitator = ""
    var visibility = "unlisted"
    var code = ""
    var scores: [Score] = []
    var plan: [PlanEntry] = []

    static func == (lhs: AssessmentFile, rhs: AssessmentFile) -> Bool {
        lhs.markdown == rhs.markdown
    }

    /// The file in the assessment format.
    var markdown: String {
        var lines = ["---", "praktijk: \(Self.quoted(practice))"]
        if !region.isEmpty { lines.append("regio: \(Self.quoted(region))") }
        if !date.isEmpty { lines.append("datum: \(Self.quoted(date))") }
        lines.append("kader: \(Self.quoted(kaderVersion))")
        if !organisations.isEmpty {
            lines.append("organisaties:")
            for organisation in organisations {
                lines.append("  - naam: \(Self.quoted(organisation.name))")
                lines.append("    rol: \(Self.quoted(organisation.role))")
            }
        }
        if !facilitator.isEmpty { lines.append("gespreksleider: \(Self.quoted(facilitator))") }
        lines.append("zichtbaarheid: \(Self.quoted(visibility))")
        if !code.isEmpty { lines.append("code: \(Self.quoted(code))") }
        lines += ["---", ""]
        for score in scores where score.status != nil || !score.reflection.isEmpty || !score.actions.isEmpty {
            lines += ["## \(score.id) \(score.title)", ""]
            if let status = score.status { lines += ["**Kleurscore:** \(status.label.lowercased())", ""] }
            if !score.reflection.isEmpty { lines += ["### Reflectie", "", Self.block(score.reflection), ""] }
            if !score.actions.isEmpty { lines += ["### Acties", "", Self.block(score.actions), ""] }
        }
        if !plan.isEmpty {
            lines += ["## Plan van aanpak", ""]
            for entry in plan {
                lines += ["### \(Self.oneLine(entry.what))", ""]
                for (label, value) in [("Wie", entry.who), ("Wanneer", entry.when), ("Doel", entry.goal)] {
                    if let value, !value.isEmpty { lines.append("- **\(label):** \(Self.oneLine(value))") }
                }
                if !entry.indicators.isEmpty {
                    lines.append("- **Indicatoren:** " + entry.indicators.map(\.description).joined(separator: ", "))
                }
                lines.append("")
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string.
    static func quoted(_ value: String) -> String {
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
    static func block(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let indent = line.prefix { $0 == " " }
            return indent.count <= 3 && line.dropFirst(indent.count).hasPrefix("#") ? indent + "\\" + line.dropFirst(indent.count) : Substring(line)
        }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
