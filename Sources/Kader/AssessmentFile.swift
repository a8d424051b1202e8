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
    /// `persoonsgegevens_gecontroleerd: true`, written only when set (a public file needs it).
    public var personalDataChecked = false
    /// `voorbeeld: true`, written only when set: a fictional practice.
    public var example = false
    /// Set for a participant's preparation: `voorbereiding: true` with `namens:`, `sessie:` and
    /// `deelnemer:` (when given). A preparation is never public.
    public var preparation: Preparation?
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
        if let preparation {
            lines.append("\(AssessmentFormat.Key.preparation.rawValue): true")
            lines.append("\(AssessmentFormat.Key.party.rawValue): \(preparation.party.rawValue)")
            lines.append("\(AssessmentFormat.Key.session.rawValue): \(Self.quoted(preparation.session))")
            if let participant = preparation.participant, !participant.isEmpty {
                lines.append("\(AssessmentFormat.Key.participant.rawValue): \(Self.quoted(participant))")
            }
        }
        lines.append("\(AssessmentFormat.Key.visibility.rawValue): \(Self.quoted(visibility))")
        if !code.isEmpty { lines.append("\(AssessmentFormat.Key.code.rawValue): \(Self.quoted(code))") }
        if personalDataChecked { lines.append("\(AssessmentFormat.Key.personalDataChecked.rawValue): true") }
        if example { lines.append("\(AssessmentFormat.Key.example.rawValue): true") }
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
                lines += ["### \(Self.planValue(entry.what))", ""]
                for (field, value) in [(AssessmentFormat.PlanField.who, entry.who), (.when, entry.when), (.goal, entry.goal)] {
                    if let value, !value.isEmpty { lines.append("- **\(field.rawValue):** \(Self.planValue(value))") }
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

    /// A reflection or actions text as Markdown that renders as the text alone would and adds
    /// nothing to the file's structure by its line rules (`AssessmentLines`), which the site
    /// and the browser form read by. Line by line, lines ending in LF, CRLF or a lone CR:
    /// - a heading of the file's kind (`#` in the first column) gets a space before it: it
    ///   still renders as the same heading, but is text of the section;
    /// - a label line (`**Kleurscore:** groen`, `- **Wie:** Jan`) is spelled `__Kleurscore:__`,
    ///   the same bold, which is never a label;
    /// - a code block left open gets its closing fence (with its indentation), so that it ends
    ///   where the text ends, as it does alone;
    /// - raw HTML of kinds 1 to 5 left open (`<!--`, `<pre>` ...) runs to the end of the text
    ///   alone, where it is shown as one paragraph of its text: it is written as that
    ///   paragraph, every ASCII punctuation character escaped (`\<!--`).
    /// - inside raw HTML of kind 6 (`<div>` up to an empty line), which may end early in a list
    ///   item, a heading gets its space as above and a line that would open a code block or raw
    ///   HTML gets four spaces before it (text in either case).
    /// Underlined headings, quotes and lists need nothing: by the rules they are text. Blank
    /// lines at the start and end and spaces at the very end are left out; indentation and
    /// spaces at other line ends (a hard line break) are kept.
    public static func block(_ text: String) -> String {
        var lines = AssessmentLines.lines(text).map(String.init)
        let isBlank = { (line: String) in line.allSatisfy { $0 == " " || $0 == "\t" } }
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        if let last = lines.popLast() { lines.append(String(last.reversed().drop { $0.isWhitespace }.reversed())) }
        let (kinds, open, blockHTML) = AssessmentLines.scan(lines.map { $0[...] })
        // Inside raw HTML of kind 6 nothing is structure, unless the HTML belongs to a list item
        // that a line in the first column ends (Markdown's view, not the line rules'): headings
        // and openers of blocks are written so that they are text in both views (only
        // whitespace changes in the HTML). A label there is never read (not a label line).
        for index in blockHTML {
            let line = lines[index][...]
            if AssessmentLines.heading(line) != nil {
                lines[index] = " " + line
            } else if AssessmentLines.fenceOpener(line) != nil || AssessmentLines.htmlEnd(opening: line).map({ !$0.isEmpty }) == true {
                lines[index] = "    " + line
            }
        }
        for (index, kind) in kinds.enumerated() {
            switch kind {
            case .heading:
                lines[index] = " " + lines[index]
            case .label(let label, _, let column):
                lines[index] = swapped(lines[index][...], label: label, column: column)
            default:
                break
            }
        }
        if let open, open.isFence {
            lines.append(String(repeating: " ", count: open.indent) + open.closer)
        } else if let open {
            let words = lines[open.line...].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(escaped)
            lines.replaceSubrange(open.line..., with: (open.line > 0 && !isBlank(lines[open.line - 1]) ? [""] : []) + words)
        }
        return lines.joined(separator: "\n")
    }

    /// A label line with its label spelled `__Label:__` (the same bold, never a label).
    static func swapped(_ line: Substring, label: String, column: Int) -> String {
        let start = line.index(line.startIndex, offsetBy: column - 1)
        let end = line.index(start, offsetBy: label.count + 5)
        return line[..<start] + "__\(label):__" + line[end...]
    }

    /// A plan value (one line) as Markdown that reads back as the value itself: line breaks
    /// become spaces, and a backslash goes before what Markdown would read otherwise (emphasis,
    /// code, links, HTML, entities, a closing `#`, and `'`, `"`, `--` and `...`, which smart
    /// punctuation would turn into typographic ones), so that `*Jan*`, `a #` and `'s` stay as typed.
    public static func planValue(_ text: String) -> String {
        let value = Array(oneLine(text))
        var result = ""
        for (index, character) in value.enumerated() {
            let run = { (mark: Character, length: Int) in
                var start = index
                while start > 0, value[start - 1] == mark { start -= 1 }
                var end = index
                while end + 1 < value.count, value[end + 1] == mark { end += 1 }
                return end - start + 1 >= length
            }
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "&", "#", "'", "\"": result += "\\"
            case "!" where index + 1 < value.count && value[index + 1] == "[": result += "\\"
            case "-" where run("-", 2), "." where run(".", 3): result += "\\"
            default: break
            }
            result.append(character)
        }
        return result
    }

    /// Text with a backslash before every ASCII punctuation character: Markdown shows it as it
    /// is, wherever it stands in a line.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".contains(character) { result += "\\" }
            result.append(character)
        }
        return result
    }

    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
