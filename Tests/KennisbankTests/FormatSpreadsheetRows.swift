import CSV
import Diagnostics
import Foundation
import Kader
import Kennisbank
import KennisbankLoad
import KennisbankMarkdown
import KennisbankRender
import PropertyBased
import Testing

// Filling in the kader spreadsheet as a user would, for FormatPropertyTests.

// MARK: - Spreadsheet

/// A small deterministic random source for the spelling choices of one sample.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A word as a person may type it in a spreadsheet cell: lower case, capitalised or upper case.
func anyCase(_ word: String, _ random: inout SplitMix) -> String {
    switch Int.random(in: 0...2, using: &random) {
    case 0: word
    case 1: word.prefix(1).uppercased() + word.dropFirst()
    default: word.uppercased()
    }
}

func csvRows(_ data: Data, separator: UnicodeScalar) throws -> [[String]] {
    let reader = try CSVReader(string: String(decoding: data.dropFirst(3), as: UTF8.self), delimiter: separator)
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    return rows
}

/// Rows as a spreadsheet program saves them: UTF-8 with a byte-order mark, CRLF line ends, and
/// a cell in double quotes (a quote in it doubled) when it holds the separator, a quote or a
/// line break.
func csvData(_ rows: [[String]], separator: UnicodeScalar) -> Data {
    let special: Set<UInt8> = [UInt8(separator.value), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
    let lines = rows.map { row in
        row.map { cell in
            cell.utf8.contains(where: special.contains) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: String(separator))
    }
    return Data([0xEF, 0xBB, 0xBF]) + Data(lines.map { $0 + "\r\n" }.joined().utf8)
}

/// The template (`KaderSpreadsheet.template`) filled in as a person does: the session rows,
/// the three organisation rows (more inserted below them), the Kleurscore, Reflectie and
/// Acties cells of the scored indicators, and the plan rows (more added below them). Status
/// words, roles and visibility are typed in any of their words and in any case; an open
/// indicator's cell is left empty or holds `open` or `-`.
func filledIn(_ sample: Sample, template: [[String]]) throws -> [[String]] {
    var random = SplitMix(state: sample.spelling)
    let file = sample.file
    var table = template
    // Rows by their first cell (labels and indicator IDs); rows are inserted only at the end.
    let rows = Dictionary(table.indices.map { (table[$0].first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    func row(_ label: String) throws -> Int {
        guard let index = rows[label] else { throw TemplateChanged(row: label) }
        return index
    }
    table[try row(SpreadsheetFormat.fieldLabels.practice)][1] = typed(file.practice)
    table[try row(SpreadsheetFormat.fieldLabels.region)][1] = typed(file.region)
    table[try row(SpreadsheetFormat.fieldLabels.date)][1] = file.date
    table[try row(SpreadsheetFormat.fieldLabels.facilitator)][1] = typed(file.facilitator)
    table[try row(SpreadsheetFormat.fieldLabels.visibility)][1] = anyCase(file.visibility, &random)
    table[try row(SpreadsheetFormat.fieldLabels.personalDataChecked)][1] = anyCase(file.personalDataChecked ? "ja" : "nee", &random)
    table[try row(SpreadsheetFormat.fieldLabels.code)][1] = typed(file.code)
    for score in file.scores {
        let index = try row(score.id.description)
        let word: String
        if let status = score.status {
            let words = statusWords[status] ?? []
            word = anyCase(words[Int.random(in: 0..<words.count, using: &random)], &random)
        } else {
            word = ["", "open", "Open", "-"][Int.random(in: 0...3, using: &random)]
        }
        table[index][4] = word
        table[index][5] = typed(score.reflection)
        table[index][6] = typed(score.actions)
    }
    guard var planRow = table.firstIndex(of: SpreadsheetFormat.planHeader) else { throw TemplateChanged(row: "plan") }
    for entry in file.plan {
        planRow += 1
        let cells = [entry.what, entry.who ?? "", entry.when ?? "", entry.goal ?? "",
                     entry.indicators.map(\.description).joined(separator: ", ")].map(typed)
        if planRow < table.count, table[planRow].allSatisfy(\.isEmpty) {
            table[planRow] = cells
        } else {
            table.insert(cells, at: planRow)
        }
    }
    let organisationRows = table.indices.filter { table[$0].first == SpreadsheetFormat.fieldLabels.organisation }
    guard var last = organisationRows.last else { throw TemplateChanged(row: SpreadsheetFormat.fieldLabels.organisation) }
    for (index, organisation) in file.organisations.enumerated() {
        let cells = [SpreadsheetFormat.fieldLabels.organisation, typed(organisation.name), anyCase(organisation.role, &random)]
        if index < organisationRows.count {
            table[organisationRows[index]] = cells
        } else {
            last += 1
            table.insert(cells, at: last)
        }
    }
    return table
}

/// A text as a person types it into a cell: with a `'` before a formula character (`=`, `+`,
/// `-`, `@`), as spreadsheet programs ask, which the import takes off again.
func typed(_ text: String) -> String { SpreadsheetFormat.cell(text) }

/// The template has no row this test fills in.
struct TemplateChanged: Error {
    var row: String
}

/// Every word of each status, for typing it in a spreadsheet.
let statusWords = Dictionary(grouping: Status.words.keys.sorted(), by: { Status.words[$0]! })

/// Prose and Markdown text for the spreadsheet: each line starts with a word, so a cell does not
/// start with spaces (the import trims a cell, as a spreadsheet user expects).
let cellText = text(lines: zip(proseWord, Gen.bool(0.5), markdownLine(markdownPieces + breakingPieces, anyStart: true)).map {
    (word: String, markdown: Bool, line: String) in markdown ? word + " " + line : word
}, breaks: ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n---\n\n", "\n\n**Kleurscore:** groen\n\n", "; ", ", ", "\n# kop\n",
            "\n| a | b |\n", "\n> \"citaat\"\n", "\n```\n"])
