import CSV
import Foundation
import Kader

/// The kader as a spreadsheet to fill in (CSV for Dutch Excel and LibreOffice): a few rows for
/// the session, one row per indicator with empty columns for the score, and rows for the plan.
enum KaderSpreadsheet {
    static let versionLabel = "Kwaliteitskader Housing First"
    static let fieldLabels = (practice: "Praktijk", region: "Gemeente of regio", date: "Datum (JJJJ-MM-DD)",
                              facilitator: "Gespreksleider", visibility: "Zichtbaarheid (unlisted of public)",
                              code: "Code (leeg laten: de import maakt er een)", organisation: "Organisatie")
    static let indicatorHeader = ["ID", "Onderdeel", "Korte titel", "Indicator", "Kleurscore", "Reflectie", "Acties"]
    static let planTitle = "Plan van aanpak"
    static let planHeader = ["Wat", "Wie", "Wanneer", "Doel", "Indicatoren"]

    /// The template as UTF-8 with a byte-order mark and CRLF line ends, as Excel expects.
    static func template(_ kader: Kader, separator: UnicodeScalar) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: String(separator), newline: .crlf)
        try writer.write(row: [versionLabel, "versie \(kader.version)"])
        try writer.write(row: [fieldLabels.practice, ""])
        try writer.write(row: [fieldLabels.region, ""])
        try writer.write(row: [fieldLabels.date, ""])
        try writer.write(row: [fieldLabels.facilitator, ""])
        try writer.write(row: [fieldLabels.visibility, Visibility.unlisted.rawValue])
        try writer.write(row: [fieldLabels.code, ""])
        for role in [Role.zorgorganisatie, .woningcorporatie, .gemeente] {
            try writer.write(row: [fieldLabels.organisation, "", role.rawValue])
        }
        try writer.write(row: [""])
        try writer.write(row: indicatorHeader)
        for part in kader.parts {
            for indicator in part.indicators {
                try writer.write(row: [indicator.id.description, "\(part.id.number). \(part.title)", indicator.title,
                                       indicator.text, "", "", ""])
            }
        }
        try writer.write(row: [""])
        try writer.write(row: [planTitle])
        try writer.write(row: planHeader)
        for _ in 0..<10 { try writer.write(row: ["", "", "", "", ""]) }
        writer.stream.close()
        let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body
    }
}
