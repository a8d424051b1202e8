import CSV
import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// A project holding a copy of the shipped content and config.
private func shippedProject() throws -> TestProject {
    let project = try TestProject(files: [:])
    let content = project.root.appendingPathComponent("content")
    try FileManager.default.removeItem(at: content)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("kennisbank.yml"),
                                     to: project.root.appendingPathComponent("kennisbank.yml"))
    return project
}

private func rows(_ data: Data) throws -> [[String]] {
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    let reader = try CSVReader(string: text, delimiter: ";")
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    return rows
}

private func csv(_ rows: [[String]]) throws -> Data {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, delimiter: ";", newline: .crlf)
    for row in rows { try writer.write(row: row) }
    writer.stream.close()
    return Data([0xEF, 0xBB, 0xBF]) + (writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data())
}

@Suite("Spreadsheet template and import", .serialized)
struct SpreadsheetTests {
    @Test func templateHasOneRowPerIndicator() throws {
        let project = try shippedProject()
        defer { project.remove() }
        let (data, diagnostics) = Spreadsheets.template(options: project.options)
        #expect(!diagnostics.hasErrors)
        let bytes = try #require(data)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\r\n"))
        let table = try rows(bytes)
        let header = try #require(table.firstIndex { $0.first == "ID" })
        #expect(table[header] == ["ID", "Onderdeel", "Korte titel", "Indicator", "Kleurscore", "Reflectie", "Acties"])
        let indicatorRows = table[(header + 1)...].prefix { $0.first.map { IndicatorID($0) != nil } ?? false }
        #expect(indicatorRows.count == 83)
        let p106 = try #require(indicatorRows.first { $0[0] == "P1.06" })
        #expect(p106[1] == "1. Huisvesting is een mensenrecht")
        // Title and statement exactly as the kader file has them (the whole text in one cell).
        let kader = try #require(KaderReader.read(options: project.options).0)
        let indicator = try #require(kader.indicator(IndicatorID("P1.06")!))
        #expect(p106[2] == indicator.title)
        #expect(p106[3] == indicator.text)
        #expect(p106[3].contains("onbepaalde tijd"))
        let restEmpty = p106[4...].allSatisfy { $0.isEmpty }
        #expect(restEmpty)
        let (comma, _) = Spreadsheets.template(options: project.options, separator: ",")
        #expect(String(decoding: try #require(comma), as: UTF8.self).contains("ID,Onderdeel,Korte titel"))
    }

    @Test func roundTripGivesTheSameResultAsTheHandWrittenFile() throws {
        let project = try shippedProject()
        defer { project.remove() }
        var table = try rows(try #require(Spreadsheets.template(options: project.options).0))
        func fill(_ label: String, _ column: Int, _ value: String) {
            if let index = table.firstIndex(where: { $0.first?.hasPrefix(label) == true && $0[column].isEmpty }) {
                table[index][column] = value
            }
        }
        fill("Praktijk", 1, "Housing First Rekenland")
        fill("Datum", 1, "2025-05-20")
        fill("Gespreksleider", 1, "Bureau \"Midden\"; regio oost")
        fill("Code", 1, "rekenland2025")
        fill("Organisatie", 1, "Stichting Reken")
        func score(_ id: String, _ status: String, _ reflection: String = "", _ actions: String = "") {
            let index = table.firstIndex { $0.first == id }!
            table[index][4] = status
            table[index][5] = reflection
            table[index][6] = actions
        }
        score("P1.05", "Oranje", "Twee complexen zitten boven de 20%;\nde rest niet.\n\n# geen kop", "Spreiden bij nieuwe \"toewijzingen\".")
        score("P6.02", "op orde")
        score("K.04", "ROOD", "", "- Vragenlijst maken\n- Uitkomsten bespreken")
        let planRow = table.firstIndex { $0.first == "Wat" }! + 1
        table[planRow] = ["Vragenlijst maken", "Kwaliteitsmedewerker", "najaar", "Weten wat deelnemers vinden", "K.04, P1.05"]
        let spreadsheet = project.root.appendingPathComponent("ingevuld.csv")
        try csv(table).write(to: spreadsheet)

        let (imported, problems) = Spreadsheets.importCSV(path: spreadsheet.path, options: project.options)
        #expect(problems.items.isEmpty, "\(problems.items)")
        try project.write(try #require(imported), to: "import.md")

        try project.write("""
        ---
        praktijk: Housing First Rekenland
        datum: 2025-05-20
        organisaties:
          - naam: Stichting Reken
            rol: zorgorganisatie
        gespreksleider: 'Bureau "Midden"; regio oost'
        code: rekenland2025
        ---
        ## P1.05

        **Kleurscore:** in ontwikkeling

        ### Reflectie

        Twee complexen zitten boven de 20%;
        de rest niet.

         # geen kop

        ### Acties

        Spreiden bij nieuwe "toewijzingen".

        ## P6.02

        **Kleurscore:** groen

        ## K.04

        **Kleurscore:** rood

        ### Acties

        - Vragenlijst maken
        - Uitkomsten bespreken

        ## Plan van aanpak

        ### Vragenlijst maken

        - **Wie:** Kwaliteitsmedewerker
        - **Wanneer:** najaar
        - **Doel:** Weten wat deelnemers vinden
        - **Indicatoren:** K.04, P1.05
        """, to: "handwerk.md")

        var pages: [String] = []
        for name in ["import", "handwerk"] {
            let output = project.root.appendingPathComponent("\(name).html").path
            let report = StandaloneAssessment.render(file: project.root.appendingPathComponent("\(name).md").path,
                                                     output: output, pdf: false, options: project.options)
            #expect(report.succeeded, "\(name): \(report.diagnostics.items)")
            pages.append(try String(contentsOfFile: output, encoding: .utf8))
        }
        #expect(pages[0] == pages[1])
        #expect(pages[0].contains("3 van 83 indicatoren ingevuld"))
        #expect(pages[0].contains("Bureau &quot;Midden&quot;; regio oost"))
    }

    @Test func badRowsAreReportedWithTheirRowNumbers() throws {
        let project = try shippedProject()
        defer { project.remove() }
        let table: [[String]] = [
            ["Kwaliteitskader Housing First", "versie 2025"],
            ["Praktijk", "Proef"],
            ["Datum (JJJJ-MM-DD)", "20-05-2025"],
            ["Organisatie", "Stichting Proef", "zorgorganisatei"],
            ["ID", "Onderdeel", "Korte titel", "Indicator", "Kleurscore", "Reflectie", "Acties"],
            ["P1.01", "", "", "", "groen", "", ""],
            ["P1.99", "", "", "", "groen", "", ""],
            ["P1.02", "", "", "", "oranj", "", ""],
            ["P1.01", "", "", "", "rood", "", ""],
            ["Plan van aanpak"],
            ["Wat", "Wie", "Wanneer", "Doel", "Indicatoren"],
            ["Iets", "", "", "", "P1.01, X.1"],
            ["", "iemand", "", "", ""],
        ]
        let path = project.root.appendingPathComponent("fout.csv")
        try csv(table).write(to: path)
        let (text, diagnostics) = Spreadsheets.importCSV(path: path.path, options: project.options)
        #expect(text == nil)
        let lines = diagnostics.sorted.map { $0.description.replacingOccurrences(of: project.root.path + "/", with: "") }
        #expect(lines == [
            "fout.csv:3: error: the date `20-05-2025` is not a date written as year-month-day, such as `2025-03-14`",
            "fout.csv:4: error: unknown role `zorgorganisatei` for organisation `Stichting Proef`; did you mean `zorgorganisatie`?",
            "fout.csv:7: error: unknown indicator ID `P1.99`; keep the ID column of the template as it is",
            "fout.csv:8: error: unknown status `oranj` for P1.02; did you mean `oranje`?",
            "fout.csv:9: error: indicator P1.01 appears twice; it is also on row 6",
            "fout.csv:12: error: the plan row `Iets` names `X.1`, which is not an indicator of kader 2025",
            "fout.csv:13: error: a plan row needs its action in the Wat column",
        ])
    }

    /// A minimal filled-in sheet (`;`) with `reflection` in the Reflectie cell of P1.01.
    private func sheet(reflection: String, rows extra: String = "") -> Data {
        Data(("\u{FEFF}Kwaliteitskader Housing First;versie 2025\r\nPraktijk;Proef\r\nGemeente of regio;\r\n"
              + "Datum (JJJJ-MM-DD);2025-05-20\r\nCode;abcdefghij12\r\n"
              + "ID;Onderdeel;Korte titel;Indicator;Kleurscore;Reflectie;Acties\r\n"
              + "P1.01;;;;groen;\(reflection);\r\n" + extra).utf8)
    }

    /// A cell that opens a quote and never closes it used to swallow the rest of the sheet, and
    /// the import still succeeded.
    @Test func anUnterminatedQuoteIsAnErrorAtItsRow() throws {
        let kader = try #require(formatKader)
        let (file, diagnostics) = SpreadsheetImport.read(sheet(reflection: "\"Begint met een quote", rows: "P1.02;;;;rood;;\r\n"),
                                                         path: "ronde.csv", kader: kader)
        #expect(file == nil)
        #expect(diagnostics.map(\.description) == [
            "ronde.csv:7:6: error: this cell opens a `\"` that is never closed, so the rest of the spreadsheet would be read as this one cell; close the quote (a quote inside a cell is written `\"\"`) or remove it",
        ])
        // Closed quotes, with doubled quotes, separators and line breaks inside, are fine.
        let (good, problems) = SpreadsheetImport.read(sheet(reflection: "\"Een \"\"citaat\"\"; en\r\nmeer\"", rows: "P1.02;;;;rood;;\r\n"),
                                                      path: "ronde.csv", kader: kader)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try #require(good).scores.map(\.status) == [.opOrde, .nietOpOrde])
    }

    /// Control characters pasted into a cell (a vertical tab from a word processor, an escape)
    /// passed into the assessment file, which the build then refused. They are invisible in the
    /// sheet, so the import names each one with its row and column rather than guess what it
    /// stood for (a line break, a space, nothing).
    @Test func controlCharactersAreErrorsAtTheirRowAndColumn() throws {
        let kader = try #require(formatKader)
        let (file, diagnostics) = SpreadsheetImport.read(sheet(reflection: "Eerste\u{0B}tweede\u{1B}", rows: "P1.02;;;;rood;;Bellen\u{7F}\r\n"),
                                                         path: "ronde.csv", kader: kader)
        #expect(file == nil)
        #expect(diagnostics.map(\.description).sorted() == [
            "ronde.csv:7:6: error: this cell holds the invisible control character U+000B, which an assessment file cannot hold; retype the cell's text or delete the character",
            "ronde.csv:7:6: error: this cell holds the invisible control character U+001B, which an assessment file cannot hold; retype the cell's text or delete the character",
            "ronde.csv:8:7: error: this cell holds the invisible control character U+007F, which an assessment file cannot hold; retype the cell's text or delete the character",
        ])
    }

    /// OWASP's advice against CSV injection: a kader text that starts with `=`, `+`, `-` or `@`
    /// is written with a `'` before it, so that Excel and LibreOffice show it as text instead of
    /// running it as a formula, and the import reads such a cell back as the text.
    @Test func formulaCellsAreWrittenAsTextAndReadBack() throws {
        let kader = try #require(formatKader)
        var parts = kader.parts
        parts[0].indicators[0].title = "=HYPERLINK(\"http://x\")"
        parts[0].indicators[1].title = "+1"
        parts[0].indicators[2].title = "@SUM(A1)"
        parts[0].indicators[3].title = "\t=1"
        parts[0].indicators[4].title = "'=al een quote"
        let hostile = Kader(version: kader.version, parts: parts)
        let table = try rows(try KaderSpreadsheet.template(hostile, separator: ";"))
        let titles = table.filter { $0.first?.hasPrefix("P1.0") == true }.prefix(6).map { $0[2] }
        #expect(titles == ["'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "'\t=1", "''=al een quote", parts[0].indicators[5].title])
        #expect(!table.joined().contains { $0.first.map { "=+-@".contains($0) } == true })
        #expect(titles.map(SpreadsheetFormat.text(ofCell:)) == parts[0].indicators.prefix(6).map(\.title))
        // A reflection typed as Excel asks for it, with a quote before a leading `-`, reads back as typed.
        let (file, problems) = SpreadsheetImport.read(sheet(reflection: "'- eerste punt"), path: "ronde.csv", kader: kader)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try #require(file).scores.first?.reflection == "- eerste punt")
    }
}
