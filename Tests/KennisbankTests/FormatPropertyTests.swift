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

// Property tests of the assessment file format (`AssessmentFormat`): random valid assessments
// written by `AssessmentFile.markdown` and read back by the loader, and filled into the
// spreadsheet template (`KaderSpreadsheet`) and imported (`SpreadsheetImport`), against the
// shipped kader. Counts are fixed so that the whole file runs in about two seconds.

/// The shipped kader, read as `assessment template` and `import` read it.
private let formatKader: Kader? = {
    let root = repositoryRoot.path
    let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                               config: "\(root)/kennisbank.yml", makePDFs: false)
    return KaderReader.read(options: options).0
}()

// MARK: - Generators

/// One of `values`; shrinks towards the first.
private func pick<Value: Sendable>(_ values: [Value]) -> Generator<Value, Shrink.Integer<Int>> {
    Gen.int(in: 0...(values.count - 1)).map { values[$0] }
}

/// Words of letters (some accented) and digits, for texts: whole words keep the generators cheap.
private let vocabulary = ["a", "B", "wonen", "Housing", "First", "huurder", "één", "café", "reïntegratie", "Zoë", "ÉÉN",
                          "2025", "20", "P1", "x9", "drie3", "begeleiding", "afspraak", "gemeente", "Woonstichting"]

/// Words of prose: the vocabulary plain, with sentence punctuation after it, an apostrophe
/// or hyphen in it, or quotes or brackets around it. Picking whole words (one random number a
/// word) keeps the generators fast.
private let proseWords: [String] = vocabulary.enumerated().flatMap { index, core in
    let other = vocabulary[(index + 7) % vocabulary.count]
    return [core, core, core, core, core, core, core + ".", core + ",", core + ";", core + ":", core + "!", core + "?",
            "(" + core + ")", core + "'s", "'" + core + "'", "\"" + core + "\"", core + "-" + other]
}
private let proseWord = pick(proseWords)

/// The words of a line, the first without a `.` after it when it is a number (`2025.` at the
/// start of a line is an ordered list item in Markdown, which prose does not start by accident).
private func notAList(_ words: [String]) -> [String] {
    guard let first = words.first, first.hasSuffix("."), first.dropLast().allSatisfy(\.isNumber) else { return words }
    return [String(first.dropLast())] + words.dropFirst()
}

/// A line of prose: up to three spaces of indentation, words separated by one or two spaces,
/// up to two trailing spaces (see `notAList`).
private let proseLine = zip(Gen.int(in: 0...3), proseWord.array(of: 1...7), Gen.int(in: 1...2), Gen.int(in: 0...2))
    .map { (indent: Int, words: [String], spacing: Int, trailing: Int) -> String in
        String(repeating: " ", count: indent) + notAList(words).joined(separator: String(repeating: " ", count: spacing))
            + String(repeating: " ", count: trailing)
    }

/// Line breaks as people type and paste them: LF, CRLF, blank lines (also with spaces on them).
private let proseBreaks = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n  \n", "\n\n\n"]

/// Lines joined by line breaks: empty (no text) or at least one word.
private func text(lines: Generator<String, some Sequence>, breaks: [String]) -> Generator<String, AnySequence<Any>> {
    zip(lines.array(of: 0...4), pick(breaks).array(of: 4))
        .map { (lines: [String], breaks: [String]) -> String in
            var text = ""
            for (index, line) in lines.enumerated() {
                if index > 0 { text += breaks[index - 1] }
                text += line
            }
            return text
        }
        .eraseToAny()
}

/// Reflection and actions text of the first property: prose of letters, digits, spaces,
/// sentence punctuation and line breaks.
private let proseText = text(lines: proseLine, breaks: proseBreaks)

/// Pieces of text that mean something in Markdown or in the assessment format, mixed with prose
/// words. Each piece is written inside a line, or on a line of its own.
private let markdownPieces = [
    "#", "##", "### Acties", "### Reflectie", "#hashtag", "*", "**", "***", "_", "__", "`", "``", "|", "| a | b |",
    "|---|---|", "\"", "'", "\"citaat\"", ";", ",", "***", "- - -", "===", "&amp;", "&", "\\", "\\#", "[x](y)", "[x]: /y",
    "...", "<div>", "<b>vet</b>", "<h2>x</h2>", "-->", "\t", "> ", "> ## P1.02 Kop", "## Plan van aanpak",
    "## P1.02 Kop", "**Wie:** iemand", "**Kleurscore:**",
]

/// Pieces that break today's writer (each found by this property; see
/// `markdownInTextsLeavesStatusesAndPlanAlone`).
private let breakingPieces = [
    // A line of only `-` or `=` under a line of text: a setext heading, read as a new section.
    "\n---", "\n-", "\n--", "\n- ", "\n===",
    // A label paragraph or list item: it sets the status of the section it stands in.
    "\n\n**Kleurscore:** groen\n\n", "\n\n- **Kleurscore:** rood\n\n",
    // A heading inside a block quote or list item: read as a section of its own.
    "\n> ## P1.02 Kop\n", "\n- ## P1.02 Kop\n", "\n1. ## Plan van aanpak\n",
    // Unclosed fenced code and HTML blocks of kinds 1-5: they swallow the rest of the file.
    "\n```\n", "\n~~~\n", "\n<!--\n", "\n<pre>\n", "\n<?\n", "\n<![CDATA[\n", "\n<!X\n",
    // A lone CR (old Mac line end): the writer does not see it as a line break.
    "\r## P1.02 Kop", "\r---",
    // Four spaces before a `#` at the start of the text: the writer trims them after deciding
    // not to escape the `#`.
    "    ## P1.02 Kop",
]

/// Pieces that break today's writer at the start of a line (a label paragraph, a list item or
/// block quote that holds a heading or label, a tab trimmed from the start of the text).
private let breakingAtLineStart: Set<String> = ["**Kleurscore:**", "**Wie:** iemand", "\t", "> ", "> ## P1.02 Kop", "*", "- - -"]

/// A line of Markdown-significant text: prose words and `pieces` in any order. Unless
/// `anyStart`, a line does not start with one of `breakingAtLineStart` or a list number.
private func markdownLine(_ pieces: [String], anyStart: Bool) -> Generator<String, AnySequence<Any>> {
    // About two words to one piece.
    let mix = proseWords + Array(repeating: pieces, count: max(1, proseWords.count / 2 / pieces.count)).flatMap { $0 }
    return zip(Gen.int(in: 0...3), pick(mix).array(of: 1...6), proseWord)
        .map { (indent: Int, items: [String], word: String) -> String in
            var line = items
            if !anyStart {
                if let first = line.first, breakingAtLineStart.contains(first) { line.insert(word, at: 0) }
                line = notAList(line)
            }
            return String(repeating: " ", count: indent) + line.joined(separator: " ")
        }
        .eraseToAny()
}

/// Line breaks of Markdown-significant text: LF, CRLF, blank lines, and lines that are only a
/// piece of Markdown (`---`, `**Kleurscore:** groen`, ...).
private let markdownBreaks = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n---\n", "\n\n---\n\n", "\n***\n", "\n\n**Kleurscore:** groen\n\n"]

/// Text that holds Markdown and the format's own words, but none of `breakingPieces`.
private let markdownText = text(lines: markdownLine(markdownPieces, anyStart: false), breaks: ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n***\n\n"])
/// Text that also holds the pieces that break today's writer.
private let breakingText = text(lines: markdownLine(markdownPieces + breakingPieces + breakingPieces, anyStart: true), breaks: markdownBreaks)

/// A one-line value of the plan (what, who, when, goal): words of letters and digits with
/// sentence punctuation (`. , ; : ! ? ( )`), separated by one or two spaces.
private let planValue = pick(vocabulary.flatMap { core in
    let words = [core, core, core, core, core + ".", core + ",", core + ";", core + ":", core + "!", "(" + core + ")", core + "?"]
    return words + words.prefix(5).map { $0 + " " }
}).array(of: 1...6).map { $0.joined(separator: " ").trimmingCharacters(in: .whitespaces) }

/// A one-line plan value with Markdown in it: emphasis, code, a closing `#`, dashes, quotes,
/// escapes, entities, links, HTML.
private let markdownPlanValue = pick(vocabulary + ["*Jan*", "**", "_x_", "`x`", "a #", "#", "---", "--", "...", "\"", "'s",
                                                    "\\*", "&amp;", "<b>", "[x](y)", "|", ";"])
    .array(of: 1...5).map { $0.joined(separator: " ") }.eraseToAny()

/// A one-line value of the front matter (practice, region, facilitator, organisation): any
/// printable characters, including those YAML gives a meaning (`: # " ' \ - & * ! % @ [ ] { } , | > ?`).
private let frontMatterValue = pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëü0123456789:#\"'\\-&*!%@[]{},|>?`~"))
    .string(of: 1...8).array(of: 1...3).map { $0.joined(separator: " ") }

/// A real calendar date, written `YYYY-MM-DD` (leap days included).
private let sessionDate = zip(Gen.int(in: 1900...2100), Gen.int(in: 1...12), Gen.int(in: 1...31)).map {
    (year: Int, month: Int, day: Int) -> String in
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(1 + (day - 1) % length))"
}

/// A valid `code:`: 10 to 16 lower-case letters and digits.
private let validCode = pick(Array("abcdefghijklmnopqrstuvwxyz0123456789")).string(of: 10...16)

/// A random valid assessment.
private struct Sample: Sendable, CustomTestStringConvertible {
    var file: AssessmentFile
    /// Chooses how a person types values into the spreadsheet (other words, other case).
    var spelling: UInt64

    /// The file as written, so that a failure shows the input as a user would see it.
    var testDescription: String { file.markdown }
}

/// Random valid assessments of `kader`: practice, region, a real date, facilitator,
/// visibility, a valid code, organisations with valid roles, a random subset of the kader's
/// indicators each with a status or open and reflection and actions from `texts`, and plan rows
/// (what, who, when, goal from `planValues`, and indicator IDs).
private func samples(_ kader: Kader, texts: Generator<String, AnySequence<Any>>,
                     planValues: Generator<String, AnySequence<Any>> = planValue.eraseToAny()) -> Generator<Sample, AnySequence<Any>> {
    let indicators = kader.indicators
    let scores = zip(Gen.int(in: 0...(indicators.count - 1)), Gen.int(in: 0...Status.allCases.count), texts, texts)
        .array(of: 0...12)
        .map { (choices: [(Int, Int, String, String)]) -> [AssessmentFile.Score] in
            var chosen: [Int: AssessmentFile.Score] = [:]
            for (index, statusIndex, reflection, actions) in choices where chosen[index] == nil {
                let status = statusIndex < Status.allCases.count ? Status.allCases[statusIndex] : nil
                chosen[index] = AssessmentFile.Score(id: indicators[index].id, title: indicators[index].title, status: status,
                                                     reflection: reflection, actions: actions)
            }
            return chosen.keys.sorted().map { chosen[$0]! }
        }
    let plan = zip(planValues, planValues.optional(), planValues.optional(), planValues.optional(),
                   pick(indicators.map(\.id)).array(of: 0...3))
        .map { (what: String, who: String?, when: String?, goal: String?, ids: [IndicatorID]) in
            PlanEntry(what: what, who: who, when: when, goal: goal, indicators: ids)
        }
        .array(of: 0...4)
    let organisations = zip(frontMatterValue, pick(Role.allCases)).array(of: 0...4)
    let header = zip(frontMatterValue, frontMatterValue.optional(), sessionDate, frontMatterValue.optional(),
                     pick(Visibility.allCases), validCode)
    return zip(header, organisations, scores, plan, Gen.uint64(in: 0...UInt64.max))
        .map { (header: (String, String?, String, String?, Visibility, String), organisations: [(String, Role)],
                scores: [AssessmentFile.Score], plan: [PlanEntry], spelling: UInt64) -> Sample in
            var file = AssessmentFile()
            file.practice = header.0
            file.region = header.1 ?? ""
            file.date = header.2
            file.kaderVersion = kader.version
            file.facilitator = header.3 ?? ""
            file.visibility = header.4.rawValue
            file.code = header.5
            file.organisations = organisations.map { ($0.0, $0.1.rawValue) }
            file.scores = scores
            file.plan = plan
            return Sample(file: file, spelling: spelling)
        }
        .eraseToAny()
}

// MARK: - Reading back

/// What the loader reads from an assessment file: the assessment, its diagnostics, and the
/// plain text of each indicator's `### Reflectie` and `### Acties` section.
private struct ReadBack {
    var assessment: Assessment?
    var diagnostics: [Diagnostic]
    var reflections: [IndicatorID: String] = [:]
    var actions: [IndicatorID: String] = [:]

    init(_ markdown: String, kader: Kader) {
        let data = Data(markdown.utf8)
        (assessment, diagnostics) = SourceReaders.assessment(data, kader: kader)
        let (source, _) = SourceLoader.parse(data: data, path: "zelfevaluaties/ronde.md", displayPath: "content/zelfevaluaties/ronde.md",
                                             folders: LoadRules(onlyAssessments: true))
        guard let source else { return }
        for (index, role) in source.assessmentRoles.enumerated() {
            switch role {
            case .reflection(let id): IndicatorID(id).map { reflections[$0] = source.document.plainText(afterHeading: index) }
            case .actions(let id): IndicatorID(id).map { actions[$0] = source.document.plainText(afterHeading: index) }
            default: break
            }
        }
    }
}

/// The whitespace normalisation of the format's texts, which are Markdown: a line break inside
/// a paragraph and a run of spaces are one space, a blank line (or several) separates
/// paragraphs, spaces at the start and end of a line do not count, and so do line ends (LF,
/// CRLF or CR). Paragraphs are joined by one blank line.
private func normalised(_ text: String) -> String {
    var paragraphs: [[Substring]] = [[]]
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.isEmpty {
            if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
        } else {
            paragraphs[paragraphs.count - 1] += words
        }
    }
    return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
}

/// The reader's text with the typographic quotes of smart punctuation back as typed.
private func straightQuotes(_ text: String) -> String {
    String(text.map { character -> Character in
        switch character {
        case "\u{2018}", "\u{2019}": "'"
        case "\u{201C}", "\u{201D}": "\""
        default: character
        }
    })
}

/// An assessment's contents as its reader sees them, to compare what was written with what
/// was read in one comparison (a failure shows both).
private struct Contents: Equatable {
    /// What is read of one indicator section besides its status.
    struct Texts: Equatable {
        var hasReflection: Bool
        var hasActions: Bool
        /// The text, normalised (`normalised`, `straightQuotes`).
        var reflection: String
        var actions: String
    }

    var practice: String
    var region: String?
    var date: String
    var kaderVersion: String
    var facilitator: String?
    var visibility: String
    var code: String?
    var preparation: Bool
    /// `name (role)` of each organisation, in order.
    var organisations: [String]
    /// The indicators with a status; every other indicator is open.
    var statuses: [IndicatorID: Status]
    /// The indicators that have a section (a status, or only text).
    var sections: [IndicatorID: Texts]
    var plan: [PlanEntry]

    /// What `file` says.
    init(written file: AssessmentFile) {
        practice = file.practice
        region = file.region.isEmpty ? nil : file.region
        date = file.date
        kaderVersion = file.kaderVersion
        facilitator = file.facilitator.isEmpty ? nil : file.facilitator
        visibility = file.visibility
        code = file.code.isEmpty ? nil : file.code
        preparation = false
        organisations = file.organisations.map { "\($0.name) (\($0.role))" }
        statuses = Dictionary(file.scores.compactMap { score in score.status.map { (score.id, $0) } }, uniquingKeysWith: { a, _ in a })
        sections = Dictionary(file.scores.filter { $0.status != nil || !$0.reflection.isEmpty || !$0.actions.isEmpty }.map {
            ($0.id, Texts(hasReflection: !$0.reflection.isEmpty, hasActions: !$0.actions.isEmpty,
                          reflection: normalised($0.reflection), actions: normalised($0.actions)))
        }, uniquingKeysWith: { a, _ in a })
        plan = file.plan
    }

    /// What the reader read.
    init(read: ReadBack, _ assessment: Assessment) {
        practice = assessment.practice
        region = assessment.region
        date = assessment.date.description
        kaderVersion = assessment.kaderVersion
        facilitator = assessment.facilitator
        visibility = assessment.visibility.rawValue
        code = assessment.code
        preparation = assessment.preparation != nil
        organisations = assessment.organisations.map { "\($0.name) (\($0.role.rawValue))" }
        statuses = assessment.scores.compactMapValues(\.status)
        sections = Dictionary(uniqueKeysWithValues: assessment.scores.map { id, score in
            (id, Texts(hasReflection: score.hasReflection, hasActions: score.hasActions,
                       reflection: normalised(straightQuotes(read.reflections[id] ?? "")),
                       actions: normalised(straightQuotes(read.actions[id] ?? ""))))
        })
        plan = assessment.plan
    }
}

// MARK: - Spreadsheet

/// A small deterministic random source for the spelling choices of one sample.
private struct SplitMix: RandomNumberGenerator {
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
private func anyCase(_ word: String, _ random: inout SplitMix) -> String {
    switch Int.random(in: 0...2, using: &random) {
    case 0: word
    case 1: word.prefix(1).uppercased() + word.dropFirst()
    default: word.uppercased()
    }
}

private func csvRows(_ data: Data, separator: UnicodeScalar) throws -> [[String]] {
    let reader = try CSVReader(string: String(decoding: data.dropFirst(3), as: UTF8.self), delimiter: separator)
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    return rows
}

/// Rows as a spreadsheet program saves them: UTF-8 with a byte-order mark, CRLF line ends, and
/// a cell in double quotes (a quote in it doubled) when it holds the separator, a quote or a
/// line break.
private func csvData(_ rows: [[String]], separator: UnicodeScalar) -> Data {
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
private func filledIn(_ sample: Sample, template: [[String]]) throws -> [[String]] {
    var random = SplitMix(state: sample.spelling)
    let file = sample.file
    var table = template
    // Rows by their first cell (labels and indicator IDs); rows are inserted only at the end.
    let rows = Dictionary(table.indices.map { (table[$0].first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    func row(_ label: String) throws -> Int {
        guard let index = rows[label] else { throw TemplateChanged(row: label) }
        return index
    }
    table[try row(SpreadsheetFormat.fieldLabels.practice)][1] = file.practice
    table[try row(SpreadsheetFormat.fieldLabels.region)][1] = file.region
    table[try row(SpreadsheetFormat.fieldLabels.date)][1] = file.date
    table[try row(SpreadsheetFormat.fieldLabels.facilitator)][1] = file.facilitator
    table[try row(SpreadsheetFormat.fieldLabels.visibility)][1] = anyCase(file.visibility, &random)
    table[try row(SpreadsheetFormat.fieldLabels.code)][1] = file.code
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
        table[index][5] = score.reflection
        table[index][6] = score.actions
    }
    guard var planRow = table.firstIndex(of: SpreadsheetFormat.planHeader) else { throw TemplateChanged(row: "plan") }
    for entry in file.plan {
        planRow += 1
        let cells = [entry.what, entry.who ?? "", entry.when ?? "", entry.goal ?? "",
                     entry.indicators.map(\.description).joined(separator: ", ")]
        if planRow < table.count, table[planRow].allSatisfy(\.isEmpty) {
            table[planRow] = cells
        } else {
            table.insert(cells, at: planRow)
        }
    }
    let organisationRows = table.indices.filter { table[$0].first == SpreadsheetFormat.fieldLabels.organisation }
    guard var last = organisationRows.last else { throw TemplateChanged(row: SpreadsheetFormat.fieldLabels.organisation) }
    for (index, organisation) in file.organisations.enumerated() {
        let cells = [SpreadsheetFormat.fieldLabels.organisation, organisation.name, anyCase(organisation.role, &random)]
        if index < organisationRows.count {
            table[organisationRows[index]] = cells
        } else {
            last += 1
            table.insert(cells, at: last)
        }
    }
    return table
}

/// The template has no row this test fills in.
private struct TemplateChanged: Error {
    var row: String
}

/// Every word of each status, for typing it in a spreadsheet.
private let statusWords = Dictionary(grouping: Status.words.keys.sorted(), by: { Status.words[$0]! })

/// Prose and Markdown text for the spreadsheet: each line starts with a word, so a cell does not
/// start with spaces (the import trims a cell, as a spreadsheet user expects).
private let cellText = text(lines: zip(proseWord, Gen.bool(0.5), markdownLine(markdownPieces, anyStart: false)).map {
    (word: String, markdown: Bool, line: String) in markdown ? word + " " + line : word
}, breaks: ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n---\n\n", "\n\n**Kleurscore:** groen\n\n", "; ", ", "])

// MARK: - Properties

@Suite("Assessment format properties")
struct FormatPropertyTests {
    /// A facilitator relies on a saved assessment reading back exactly as it was written:
    /// the front matter, every indicator's status (open and left out both read as open), which
    /// indicators have a reflection or actions, and every plan row, field by field.
    ///
    /// The reflection and actions texts are Markdown; what is exact about them: their words
    /// and punctuation, in order, and their paragraphs. Not exact, by the format's definition:
    /// whitespace (a line break inside a paragraph and a run of spaces read as one space,
    /// several blank lines as one, spaces at the start and end of a line and the kind of line
    /// end do not count; see `normalised`) and quotes, which smart punctuation turns into
    /// typographic ones (`'` into ‘ or ’, `"` into “ or ”). The texts here are prose: letters,
    /// digits, spaces, sentence punctuation (`. , ; : ! ? ( ) ' " -`) and line breaks (LF,
    /// CRLF, blank lines).
    @Test func writtenAssessmentsReadBackEqual() async throws {
        let kader = try #require(formatKader)
        await propertyCheck(count: 100, input: samples(kader, texts: proseText)) { sample in
            let read = ReadBack(sample.file.markdown, kader: kader)
            #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
            guard let assessment = read.assessment else {
                Issue.record("the written file does not read back")
                return
            }
            #expect(Contents(read: read, assessment) == Contents(written: sample.file))
        }
    }

    /// A facilitator relies on what people type in a reflection or actions field never changing
    /// a status or the plan, whatever the text: headings (also the format's own), emphasis,
    /// code, rules, tables, quotes, entities, links, raw HTML, `**Kleurscore:**` inside a line,
    /// CRLF. The accepted file may warn (`===` under a line is a `#` heading), never err.
    /// The pieces that change them today are left out here (see `breakingPieces` and
    /// `breakingAtLineStart`) and tried in the next test.
    @Test func markdownInTextsOutsideTheKnownClassesLeavesStatusesAndPlanAlone() async throws {
        let kader = try #require(formatKader)
        await propertyCheck(count: 100, input: samples(kader, texts: markdownText)) { sample in
            Self.statusesAndPlanSurvive(sample, kader: kader)
        }
    }

    /// The same promise for every text, including the pieces that break today's writer,
    /// `AssessmentFile.block` (which only escapes a `#` at the start of a line). Known failing
    /// input classes, each with a minimal reflection of a scored indicator:
    /// - a setext underline: `a\n---` (also `a\n-`, `a\n--`, `a\n- `, `#\n---`) makes the
    ///   line above a `##` heading: the file is rejected ("`a` is not an indicator ID");
    /// - a label paragraph or top-level list item: `**Kleurscore:** rood` (or
    ///   `- **Kleurscore:** rood`) silently sets the indicator to rood;
    /// - a heading in a block quote or list item: `> ## P1.02 x` is read as a section
    ///   ("indicator P1.02 is scored twice");
    /// - an unclosed fence or HTML block of kinds 1-5: `` ``` ``, `~~~`, `<!--`, `<pre>`, `<?`,
    ///   `<![CDATA[`, `<!X` swallows the sections and plan after it;
    /// - a lone CR as line break: `x\r## P1.02 x` is a heading and `x\r---` an underline (the
    ///   writer splits on LF only);
    /// - leading whitespace: `    ## P1.02 x` (or a tab before the `#`) is trimmed after the
    ///   escape was skipped, and the text starts with a heading.
    /// The lead fixes the writer in a later issue; then remove `withKnownIssue`.
    @Test(.shrinking(false)) func markdownInTextsLeavesStatusesAndPlanAlone() async throws {
        let kader = try #require(formatKader)
        await withKnownIssue("AssessmentFile.block does not neutralise setext underlines, label paragraphs, nested headings, unclosed fences and HTML blocks, lone CRs and leading indentation") {
            await propertyCheck(count: 30, input: samples(kader, texts: breakingText)) { sample in
                Self.statusesAndPlanSurvive(sample, kader: kader)
            }
        }
    }

    /// A facilitator relies on a plan row reading back as typed, also when a value holds
    /// characters that Markdown gives a meaning. Known failing input class: plan values are
    /// written as Markdown and read as its plain text, so `*Jan*` reads back as `Jan`, `a #`
    /// as `a`, `` `x` `` as `x`, `---` as `—`, `'s` as `’s` and `\*` as `*` (minimal input: a
    /// plan row with `Wie: *Jan*`). The lead fixes the writer in a later issue; then remove
    /// `withKnownIssue`.
    @Test(.shrinking(false)) func markdownInPlanValuesReadsBackAsTyped() async throws {
        let kader = try #require(formatKader)
        await withKnownIssue("AssessmentFile writes plan values as Markdown without escaping") {
            await propertyCheck(count: 30, input: samples(kader, texts: proseText, planValues: markdownPlanValue)) { sample in
                Self.statusesAndPlanSurvive(sample, kader: kader)
            }
        }
    }

    /// A practice that fills in the spreadsheet instead of the Markdown file relies on the import
    /// giving the same assessment file as writing it directly (the same Markdown): every session
    /// row, organisation, status (typed in any of its words and in any case, or left open),
    /// reflection and actions text (with `;`, `,`, quotes and line breaks in the cell) and plan
    /// row. Both separators, `;` (Dutch Excel) and `,`.
    @Test(arguments: [";", ","] as [UnicodeScalar])
    func filledInSpreadsheetsImportEqual(separator: UnicodeScalar) async throws {
        let kader = try #require(formatKader)
        let template = try csvRows(try KaderSpreadsheet.template(kader, separator: separator), separator: separator)
        await propertyCheck(count: 40, input: samples(kader, texts: cellText)) { sample in
            let data = csvData(try filledIn(sample, template: template), separator: separator)
            let (imported, diagnostics) = SpreadsheetImport.read(data, path: "ronde.csv", kader: kader)
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
            let file = try #require(imported)
            #expect(file.markdown == sample.file.markdown)
            // The same, value by value, so that a failure names the value.
            let written = { (score: AssessmentFile.Score) in score.status != nil || !score.reflection.isEmpty || !score.actions.isEmpty }
            let expected = sample.file.scores.filter(written).map {
                AssessmentFile.Score(id: $0.id, title: $0.title, status: $0.status,
                                     reflection: $0.reflection.trimmingCharacters(in: .whitespacesAndNewlines),
                                     actions: $0.actions.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            #expect(file.scores.filter(written) == expected)
            #expect(file.plan == sample.file.plan)
        }
    }

    /// Reads the written file and checks that it is accepted and that every status and plan row
    /// is as written.
    private static func statusesAndPlanSurvive(_ sample: Sample, kader: Kader) {
        let read = ReadBack(sample.file.markdown, kader: kader)
        #expect(!read.diagnostics.contains { $0.severity == .error }, "\(read.diagnostics.map(\.message))")
        guard let assessment = read.assessment else {
            Issue.record("the written file does not read back")
            return
        }
        let written = Contents(written: sample.file)
        #expect(assessment.scores.compactMapValues(\.status) == written.statuses)
        #expect(assessment.plan == sample.file.plan)
    }
}

