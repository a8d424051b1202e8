import CSV
import Foundation
import Kader
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The kader as a spreadsheet to fill in (CSV for Dutch Excel and LibreOffice): a few rows for
/// the session, one row per indicator with empty columns for the score, and rows for the plan.
/// Kader text that starts with `=`, `+`, `-` or `@` is written with a `'` before it
/// (`SpreadsheetFormat.cell`), so that no spreadsheet program runs it as a formula.
package enum KaderSpreadsheet {
    /// The template as UTF-8 with a byte-order mark and CRLF line ends, as Excel expects.
    package static func template(_ kader: Kader, separator: UnicodeScalar) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: String(separator), newline: .crlf)
        try writer.write(row: [SpreadsheetFormat.versionLabel, "\(SpreadsheetFormat.versionWord) \(kader.version)"])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.practice, ""])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.region, ""])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.date, ""])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.facilitator, ""])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.visibility, Visibility.unlisted.rawValue])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.personalDataChecked, "nee"])
        try writer.write(row: [SpreadsheetFormat.fieldLabels.code, ""])
        for role in [Role.zorgorganisatie, .woningcorporatie, .gemeente] {
            try writer.write(row: [SpreadsheetFormat.fieldLabels.organisation, "", role.rawValue])
        }
        try writer.write(row: [""])
        try writer.write(row: SpreadsheetFormat.indicatorHeader)
        for part in kader.parts {
            for indicator in part.indicators {
                try writer.write(row: [indicator.id.description, "\(part.id.number). \(part.title)", indicator.title,
                                       indicator.text, "", "", ""].map(SpreadsheetFormat.cell))
            }
        }
        try writer.write(row: [""])
        try writer.write(row: [SpreadsheetFormat.planTitle])
        try writer.write(row: SpreadsheetFormat.planHeader)
        for _ in 0..<10 { try writer.write(row: ["", "", "", "", ""]) }
        writer.stream.close()
        let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body
    }
}
