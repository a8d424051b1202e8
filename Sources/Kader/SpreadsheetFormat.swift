/// The kader spreadsheet (CSV) that practices fill in instead of the Markdown file: the labels
/// of its rows and columns, declared once for the template and the import. Scores, headings
/// and plan fields are the assessment format's own words (`AssessmentFormat`).
public enum SpreadsheetFormat {
    /// The first cell of the first row; the second cell holds `versie 2025`.
    public static let versionLabel = "Kwaliteitskader Housing First"
    public static let versionWord = "versie"
    /// The labels of the session rows, in the template's order.
    public static let fieldLabels = (
        practice: "Praktijk", region: "Gemeente of regio", date: "Datum (JJJJ-MM-DD)",
        facilitator: "Gespreksleider",
        visibility: "Zichtbaarheid (" + Visibility.allCases.map(\.rawValue).joined(separator: " of ") + ")",
        code: "Code (leeg laten: de import maakt er een)", organisation: "Organisatie",
        personalDataChecked: "Persoonsgegevens gecontroleerd (ja of nee; nodig voor public)")
    /// A session row of the template.
    public enum Field: Sendable, CaseIterable {
        case practice, region, date, facilitator, visibility, personalDataChecked, code, organisation
    }

    /// The field a session row stands for: its label's first word, in any case (a shortened or
    /// translated remainder of the label does not matter); `regio` is taken for the region too.
    public static func field(ofLabel label: String) -> Field? {
        let written = label.lowercased()
        for field in Field.allCases {
            let word = firstWord(of: self.label(of: field))
            if written.hasPrefix(word) { return field }
        }
        return written.hasPrefix("regio") ? .region : nil
    }

    /// The label of a session row, as the template writes it.
    public static func label(of field: Field) -> String {
        switch field {
        case .practice: fieldLabels.practice
        case .region: fieldLabels.region
        case .date: fieldLabels.date
        case .facilitator: fieldLabels.facilitator
        case .visibility: fieldLabels.visibility
        case .personalDataChecked: fieldLabels.personalDataChecked
        case .code: fieldLabels.code
        case .organisation: fieldLabels.organisation
        }
    }

    private static func firstWord(of label: String) -> String {
        String(label.lowercased().prefix { $0.isLetter })
    }

    /// The header of the indicator rows.
    public static let indicatorHeader = ["ID", "Onderdeel", "Korte titel", "Indicator", AssessmentFormat.scoreLabel,
                                         AssessmentFormat.reflectionHeading, AssessmentFormat.actionsHeading]
    /// The row that opens the plan, and the header of its rows.
    public static let planTitle = AssessmentFormat.planHeading
    public static let planHeader = ["Wat"] + AssessmentFormat.PlanField.allCases.map(\.rawValue)

    /// The characters that make a spreadsheet program read a cell as a formula (or a command)
    /// when it starts with one: `=`, `+`, `-`, `@`, and a tab or CR before them.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text as the template writes it into a cell: one that starts with a formula character
    /// gets a single quote before it, which Excel and LibreOffice take as "this is text" (the
    /// OWASP advice against CSV injection); so does one that starts with such a quote already
    /// (`'=` is written `''=`), so that `text(ofCell:)` gives every text back as it was.
    public static func cell(_ text: String) -> String {
        needsQuote(text[...]) ? "'" + text : text
    }

    /// The text of a cell as the import reads it: without the single quote that `cell(_:)` (or a
    /// person, the same way) put before a formula character.
    public static func text(ofCell cell: String) -> String {
        cell.first == "'" && needsQuote(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }

    private static func needsQuote(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        return formulaStarts.contains(first) || (first == "'" && needsQuote(text.dropFirst()))
    }
}
