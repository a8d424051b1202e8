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
        code: "Code (leeg laten: de import maakt er een)", organisation: "Organisatie")
    /// The header of the indicator rows.
    public static let indicatorHeader = ["ID", "Onderdeel", "Korte titel", "Indicator", AssessmentFormat.scoreLabel,
                                         AssessmentFormat.reflectionHeading, AssessmentFormat.actionsHeading]
    /// The row that opens the plan, and the header of its rows.
    public static let planTitle = AssessmentFormat.planHeading
    public static let planHeader = ["Wat"] + AssessmentFormat.PlanField.allCases.map(\.rawValue)
}
