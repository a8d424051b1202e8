import Diagnostics
import Foundation
import Kader
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Spreadsheets of the kader: a template to fill in, and the import of a filled-in one into an
/// assessment file. Both use the site's kader, so the content must build without errors.
public enum Spreadsheets {
    /// The kader as a CSV template (UTF-8 with BOM), with `separator` between columns.
    public static func template(options: BuildOptions, separator: UnicodeScalar = ";") -> (Data?, DiagnosticList) {
        let (kader, diagnostics) = KaderReader.read(options: options)
        guard let kader else { return (nil, diagnostics) }
        do {
            return (try KaderSpreadsheet.template(kader, separator: separator), diagnostics)
        } catch {
            var list = diagnostics
            list.append(.error("the spreadsheet could not be written: \(error)", file: options.content))
            return (nil, list)
        }
    }

    /// The assessment file (its text) for a filled-in spreadsheet at `path`.
    public static func importCSV(path: String, options: BuildOptions) -> (String?, DiagnosticList) {
        let (kader, diagnostics) = KaderReader.read(options: options)
        guard let kader else { return (nil, diagnostics) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, DiagnosticList([.error("cannot read this file; check the path", file: path)]))
        }
        let (file, problems) = SpreadsheetImport.read(data, path: path, kader: kader)
        return (file?.markdown, DiagnosticList(problems))
    }
}
