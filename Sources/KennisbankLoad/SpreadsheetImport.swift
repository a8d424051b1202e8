import CSV
import Diagnostics
import Foundation
import Kader
import SiteFormats
import Basics

/// Reads a filled-in kader spreadsheet (the CSV of `KaderSpreadsheet`) into an assessment file,
/// reporting bad rows as `path:row: error: ...`, all at once.
package enum SpreadsheetImport {
    package static func read(_ data: Data, path: String, kader: Kader) -> (AssessmentFile?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, row: Int) { diagnostics.append(.error(message, file: path, line: row)) }

        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [.error("the spreadsheet is not UTF-8 text; save it as \"CSV UTF-8\"", file: path, line: 1)])
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: UnicodeScalar = firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? ";" : ","
        if let open = unclosedQuote(text, separator: Character(separator)) {
            return (nil, [.error("this cell opens a `\"` that is never closed, so the rest of the spreadsheet would be read as this one cell; close the quote (a quote inside a cell is written `\"\"`) or remove it",
                                 file: path, line: open.row, column: open.column)])
        }
        let rows: [[String]]
        do {
            let reader = try CSVReader(string: text, delimiter: separator)
            var all: [[String]] = []
            while let row = reader.next() { all.append(row) }
            if let failure = reader.error { throw failure }
            rows = all.map { $0.map(SpreadsheetFormat.text(ofCell:)) }
        } catch {
            return (nil, [.error("the spreadsheet could not be read as CSV (\(error)); save it as CSV with `;` or `,` between columns",
                                 file: path, line: 1)])
        }

        var file = AssessmentFile()
        file.kaderVersion = kader.version
        enum Mode { case header, indicators, plan }
        var mode = Mode.header
        var visibilityRow = 1
        var seen: [IndicatorID: Int] = [:]
        var scored: [IndicatorID: AssessmentFile.Score] = [:]
        for (offset, row) in rows.enumerated() {
            let number = offset + 1
            for (column, cell) in row.enumerated() {
                for scalar in Set(cell.unicodeScalars.filter(isControl)).sorted(by: { $0.value < $1.value }) {
                    diagnostics.append(.error("this cell holds the invisible control character \(codePoint(scalar)), which an assessment file cannot hold; retype the cell's text or delete the character",
                                              file: path, line: number, column: column + 1))
                }
            }
            let cells = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard let first = cells.first, cells.contains(where: { !$0.isEmpty }) else { continue }
            func cell(_ index: Int) -> String { cells.indices.contains(index) ? cells[index] : "" }
            switch mode {
            case .header:
                let label = first.lowercased()
                let field = SpreadsheetFormat.field(ofLabel: first)
                if first == SpreadsheetFormat.indicatorHeader[0] {
                    mode = .indicators
                } else if label.hasPrefix(SpreadsheetFormat.versionLabel.lowercased()) {
                    let version = cell(1).lowercased().replacingOccurrences(of: SpreadsheetFormat.versionWord, with: "")
                        .trimmingCharacters(in: .whitespaces)
                    if !version.isEmpty, version != kader.version {
                        error("this spreadsheet is for kader version `\(version)`, but this site has version `\(kader.version)`; start from a new template", row: number)
                    }
                } else if field == .practice {
                    file.practice = cell(1)
                } else if field == .region {
                    file.region = cell(1)
                } else if field == .date {
                    file.date = cell(1)
                    if !cell(1).isEmpty, SessionDate(cell(1)) == nil {
                        error("the date `\(cell(1))` is not a date written as year-month-day, such as `2025-03-14`", row: number)
                    }
                } else if field == .facilitator {
                    file.facilitator = cell(1)
                } else if field == .visibility {
                    visibilityRow = number
                    let value = cell(1).lowercased()
                    if AssessmentFormat.visibility(value) == nil {
                        error("visibility must be `unlisted` or `public`, not `\(cell(1))`", row: number)
                    } else {
                        file.visibility = value
                    }
                } else if field == .personalDataChecked {
                    if let checked = AssessmentFormat.yesNo(cell(1)) {
                        file.personalDataChecked = checked
                    } else if !cell(1).isEmpty {
                        error("the row `\(first)` must say `ja` (you checked the file for personal data, names above all) or `nee`, not `\(cell(1).prefix(20))`", row: number)
                    }
                } else if field == .code {
                    file.code = cell(1)
                } else if field == .organisation {
                    guard !cell(1).isEmpty else { continue }
                    let role = cell(2).lowercased()
                    if AssessmentFormat.role(role) == nil {
                        var message = "unknown role `\(cell(2))` for organisation `\(cell(1))`"
                        if let nearest = Suggestion.nearest(to: role, in: Role.allCases.map(\.rawValue)) { message += "; did you mean `\(nearest)`?" }
                        error(message, row: number)
                    }
                    file.organisations.append((cell(1), role))
                } else {
                    error("unknown row `\(first)` above the indicators; keep the rows of the template", row: number)
                }
            case .indicators:
                if first == SpreadsheetFormat.planTitle { continue }
                if first == SpreadsheetFormat.planHeader[0] {
                    mode = .plan
                    continue
                }
                guard let id = IndicatorID(first), let indicator = kader.indicator(id) else {
                    error("unknown indicator ID `\(first)`; keep the ID column of the template as it is", row: number)
                    continue
                }
                if let other = seen[id] {
                    error("indicator \(id) appears twice; it is also on row \(other)", row: number)
                    continue
                }
                seen[id] = number
                var status: Status?
                let word = cell(4)
                switch Status.parse(word) {
                case .some(let parsed): status = parsed
                case .none:
                    var message = "unknown status `\(word)` for \(id)"
                    if let nearest = Suggestion.nearest(to: word, in: Status.words.keys.sorted()) {
                        message += "; did you mean `\(nearest)`?"
                    } else {
                        message += "; use op orde/groen, in ontwikkeling/oranje, niet op orde/rood, or leave it empty"
                    }
                    error(message, row: number)
                }
                scored[id] = AssessmentFile.Score(id: id, title: indicator.title, status: status,
                                                  reflection: cell(5), actions: cell(6))
            case .plan:
                guard !first.isEmpty else {
                    error("a plan row needs its action in the Wat column", row: number)
                    continue
                }
                var ids: [IndicatorID] = []
                for written in cell(4).split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
                    if let id = IndicatorID(String(written)), kader.indicator(id) != nil {
                        ids.append(id)
                    } else {
                        error("the plan row `\(first)` names `\(written)`, which is not an indicator of kader \(kader.version)", row: number)
                    }
                }
                file.plan.append(PlanEntry(what: first, who: cell(1).isEmpty ? nil : cell(1), when: cell(2).isEmpty ? nil : cell(2),
                                           goal: cell(3).isEmpty ? nil : cell(3), indicators: ids))
            }
        }
        if file.practice.isEmpty {
            diagnostics.append(.error("the practice name is empty; fill in the row `\(SpreadsheetFormat.fieldLabels.practice)`", file: path, line: 2))
        }
        if file.date.isEmpty {
            diagnostics.append(.error("the date is empty; fill in the row `\(SpreadsheetFormat.fieldLabels.date)` as year-month-day", file: path, line: 4))
        }
        if mode == .header {
            diagnostics.append(.error("the spreadsheet has no row starting with `ID`; start from `kennisbank assessment template --csv`", file: path, line: max(1, rows.count)))
        }
        if file.visibility == Visibility.public.rawValue, !file.personalDataChecked {
            diagnostics.append(.error("a public self-evaluation must be checked for personal data first (names above all, which no program can find); read the whole sheet, write roles instead of names, and then write `ja` in the row `\(SpreadsheetFormat.fieldLabels.personalDataChecked)`",
                                      file: path, line: visibilityRow))
        }
        if file.visibility == Visibility.unlisted.rawValue, file.code.isEmpty { file.code = randomCode() }
        file.scores = kader.indicators.compactMap { scored[$0.id] }
        if diagnostics.isEmpty, let row = rowReadBackDifferently(file, rows: seen, kader: kader) {
            diagnostics.append(.error("the texts of this row could not be written into an assessment file that reads back with the same scores and plan; simplify its Reflectie and Acties (a code block or raw HTML inside a list item, for example) and import again",
                                      file: path, line: row))
        }
        return diagnostics.isEmpty ? (file, []) : (nil, diagnostics)
    }

    /// The last safety net of the import: the written file read back by the site's reader must
    /// have every status and plan row of the sheet. `AssessmentFile.block` keeps a text from
    /// changing the structure by the format's line rules; where a Markdown construct is
    /// deeper than those rules see (containers that end a block early), this reports the row
    /// (the first indicator that reads back differently; the plan's first row otherwise)
    /// rather than write a file with a wrong score.
    static func rowReadBackDifferently(_ file: AssessmentFile, rows: [IndicatorID: Int], kader: Kader) -> Int? {
        let (read, _) = SourceReaders.assessment(Data(file.markdown.utf8), kader: kader)
        guard let read else { return file.scores.first.flatMap { rows[$0.id] } ?? 1 }
        for score in file.scores where read.scores[score.id]?.status != score.status {
            return rows[score.id] ?? 1
        }
        if read.scores.keys.contains(where: { rows[$0] == nil }) || read.plan != file.plan {
            return file.scores.last.flatMap { rows[$0.id] } ?? 1
        }
        return nil
    }

    /// A control character other than tab, LF and CR (C0, DEL and C1). It comes in unseen, pasted
    /// from another program, and would make the assessment file unreadable (YAML refuses it),
    /// so the import reports its row and column rather than guess what it stood for.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The row and column (1-based) of a quoted cell that is never closed. CSV.swift reads such
    /// a cell up to the end of the file without a word, so the import checks before parsing.
    static func unclosedQuote(_ text: String, separator: Character) -> (row: Int, column: Int)? {
        var row = 1
        var column = 1
        var cellStart = true
        var quoted: (row: Int, column: Int)?
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted != nil {
                guard character == "\"" else { continue }
                let next = characters.next()
                if next == "\"" { continue }
                quoted = nil
                pending = next
                cellStart = false
                continue
            }
            switch character {
            case "\"" where cellStart:
                quoted = (row, column)
            case separator:
                column += 1
                cellStart = true
                continue
            case "\n", "\r\n", "\r":
                row += 1
                column = 1
                cellStart = true
                continue
            default:
                break
            }
            cellStart = false
        }
        return quoted
    }

    /// An unguessable code for an unlisted assessment's address.
    package static func randomCode() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
