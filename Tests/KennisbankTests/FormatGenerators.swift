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

// Generators of the assessment format's property tests (FormatPropertyTests).

/// The shipped kader, read as `assessment template` and `import` read it.
let formatKader: Kader? = {
    let root = repositoryRoot.path
    let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                               config: "\(root)/kennisbank.yml", makePDFs: false)
    return KaderReader.read(options: options).0
}()

// MARK: - Generators

/// One of `values`; shrinks towards the first.
func pick<Value: Sendable>(_ values: [Value]) -> Generator<Value, Shrink.Integer<Int>> {
    Gen.int(in: 0...(values.count - 1)).map { values[$0] }
}

/// Words of letters (some accented) and digits, for texts: whole words keep the generators cheap.
let vocabulary = ["a", "B", "wonen", "Housing", "First", "huurder", "één", "café", "reïntegratie", "Zoë", "ÉÉN",
                          "2025", "20", "P1", "x9", "drie3", "begeleiding", "afspraak", "gemeente", "Woonstichting"]

/// Words of prose: the vocabulary plain, with sentence punctuation after it, an apostrophe
/// or hyphen in it, or quotes or brackets around it. Picking whole words (one random number a
/// word) keeps the generators fast.
let proseWords: [String] = vocabulary.enumerated().flatMap { index, core in
    let other = vocabulary[(index + 7) % vocabulary.count]
    return [core, core, core, core, core, core, core + ".", core + ",", core + ";", core + ":", core + "!", core + "?",
            "(" + core + ")", core + "'s", "'" + core + "'", "\"" + core + "\"", core + "-" + other]
}
let proseWord = pick(proseWords)

/// The words of a line, the first without a `.` after it when it is a number (`2025.` at the
/// start of a line is an ordered list item in Markdown, which prose does not start by accident).
func notAList(_ words: [String]) -> [String] {
    guard let first = words.first, first.hasSuffix("."), first.dropLast().allSatisfy(\.isNumber) else { return words }
    return [String(first.dropLast())] + words.dropFirst()
}

/// A line of prose: up to three spaces of indentation, words separated by one or two spaces,
/// up to two trailing spaces (see `notAList`).
let proseLine = zip(Gen.int(in: 0...3), proseWord.array(of: 1...7), Gen.int(in: 1...2), Gen.int(in: 0...2))
    .map { (indent: Int, words: [String], spacing: Int, trailing: Int) -> String in
        String(repeating: " ", count: indent) + notAList(words).joined(separator: String(repeating: " ", count: spacing))
            + String(repeating: " ", count: trailing)
    }

/// Line breaks as people type and paste them: LF, CRLF, blank lines (also with spaces on them).
let proseBreaks = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n  \n", "\n\n\n"]

/// Lines joined by line breaks: empty (no text) or at least one word.
func text(lines: Generator<String, some Sequence>, breaks: [String]) -> Generator<String, AnySequence<Any>> {
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
let proseText = text(lines: proseLine, breaks: proseBreaks)

/// Pieces of text that mean something in Markdown or in the assessment format, mixed with prose
/// words. Each piece is written inside a line, or on a line of its own.
let markdownPieces = [
    "#", "##", "### Acties", "### Reflectie", "#hashtag", "*", "**", "***", "_", "__", "`", "``", "|", "| a | b |",
    "|---|---|", "\"", "'", "\"citaat\"", ";", ",", "***", "- - -", "===", "&amp;", "&", "\\", "\\#", "[x](y)", "[x]: /y",
    "...", "<div>", "<b>vet</b>", "<h2>x</h2>", "-->", "\t", "> ", "> ## P1.02 Kop", "## Plan van aanpak",
    "## P1.02 Kop", "**Wie:** iemand", "**Kleurscore:**",
]

/// Pieces that broke the old writer (each found by the property
/// `markdownInTextsLeavesStatusesAndPlanAlone`), which `AssessmentFile.block` now writes as text.
let breakingPieces = [
    // A line of only `-` or `=` under a line of text: a setext heading.
    "\n---", "\n-", "\n--", "\n- ", "\n===", "\nP1.02\n---\n", "\n## Plan van aanpak\n",
    // A label paragraph or list item, alone or at the start of a text.
    "\n\n**Kleurscore:** groen\n\n", "\n\n- **Kleurscore:** rood\n\n", "\n**Kleurscore:** oranje\n", "\n\n1. **Wie:** Jan\n",
    // A heading inside a block quote or list item, or indented.
    "\n> ## P1.02 Kop\n", "\n- ## P1.02 Kop\n", "\n1. ## Plan van aanpak\n", "\n ## P1.03 Kop\n", "\n   ### Acties\n",
    // Unclosed fenced code and HTML blocks of kinds 1-6: alone they run to the end of the text.
    "\n```\n", "\n~~~\n", "\n````js\n", "\n<!--\n", "\n<pre>\n", "\n<?\n", "\n<![CDATA[\n", "\n<!X\n", "\n<div>\n",
    // A lone CR (old Mac line end) as a line break.
    "\r## P1.02 Kop", "\r---", "\r**Kleurscore:** rood\r",
    // Four spaces or a tab before a `#` at the start of the text (indented code).
    "    ## P1.02 Kop", "\t## P1.02 Kop",
]

/// Pieces that broke the old writer at the start of a line (a label paragraph, a list item or
/// block quote that holds a heading or label, a tab trimmed from the start of the text).
let breakingAtLineStart: Set<String> = ["**Kleurscore:**", "**Wie:** iemand", "\t", "> ", "> ## P1.02 Kop", "*", "- - -"]

/// A line of Markdown-significant text: prose words and `pieces` in any order. Unless
/// `anyStart`, a line does not start with one of `breakingAtLineStart` or a list number.
func markdownLine(_ pieces: [String], anyStart: Bool) -> Generator<String, AnySequence<Any>> {
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
let markdownBreaks = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n---\n", "\n\n---\n\n", "\n***\n", "\n\n**Kleurscore:** groen\n\n"]

/// Text that holds Markdown and the format's own words, but none of `breakingPieces`.
let markdownText = text(lines: markdownLine(markdownPieces, anyStart: false), breaks: ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n***\n\n"])
/// Text that also holds the pieces that broke the old writer, with every line break there is
/// (LF, CRLF, a lone CR).
let breakingText = text(lines: markdownLine(markdownPieces + breakingPieces + breakingPieces, anyStart: true),
                        breaks: markdownBreaks + ["\r", "\r\r"])
/// `breakingText` without link reference definitions (`[x]: /y`), which Markdown makes
/// document-wide (see `textsRenderAsTheyWouldAlone`).
let renderableText = text(lines: markdownLine((markdownPieces + breakingPieces + breakingPieces).filter { $0 != "[x]: /y" }, anyStart: true),
                          breaks: markdownBreaks + ["\r", "\r\r"])

/// A one-line value of the plan (what, who, when, goal): words of letters and digits with
/// sentence punctuation (`. , ; : ! ? ( )`), separated by one or two spaces.
let planValue = pick(vocabulary.flatMap { core in
    let words = [core, core, core, core, core + ".", core + ",", core + ";", core + ":", core + "!", "(" + core + ")", core + "?"]
    return words + words.prefix(5).map { $0 + " " }
}).array(of: 1...6).map { $0.joined(separator: " ").trimmingCharacters(in: .whitespaces) }

/// A one-line plan value with Markdown in it: emphasis, code, a closing `#`, dashes, quotes,
/// escapes, entities, links, HTML.
let markdownPlanValue = pick(vocabulary + ["*Jan*", "**", "_x_", "`x`", "a #", "#", "---", "--", "...", "\"", "'s",
                                                    "\\*", "&amp;", "<b>", "[x](y)", "|", ";"])
    .array(of: 1...5).map { $0.joined(separator: " ") }.eraseToAny()

/// A one-line value of the front matter (practice, region, facilitator, organisation): any
/// printable characters, including those YAML gives a meaning (`: # " ' \ - & * ! % @ [ ] { } , | > ?`).
let frontMatterValue = pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëü0123456789:#\"'\\-&*!%@[]{},|>?`~"))
    .string(of: 1...8).array(of: 1...3).map { $0.joined(separator: " ") }

/// A real calendar date, written `YYYY-MM-DD` (leap days included).
let sessionDate = zip(Gen.int(in: 1900...2100), Gen.int(in: 1...12), Gen.int(in: 1...31)).map {
    (year: Int, month: Int, day: Int) -> String in
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(1 + (day - 1) % length))"
}

/// A valid `code:`: 10 to 16 lower-case letters and digits.
let validCode = pick(Array("abcdefghijklmnopqrstuvwxyz0123456789")).string(of: 10...16)

/// A random valid assessment.
struct Sample: Sendable, CustomTestStringConvertible {
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
func samples(_ kader: Kader, texts: Generator<String, AnySequence<Any>>,
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
            file.personalDataChecked = header.4 == .public
            file.code = header.5
            file.organisations = organisations.map { ($0.0, $0.1.rawValue) }
            file.scores = scores
            file.plan = plan
            return Sample(file: file, spelling: spelling)
        }
        .eraseToAny()
}

/// Random valid preparations of `kader`: `samples` with a party (any role), a session and,
/// mostly, a participant (`deelnemer:`) of any printable characters; unlisted, as every
/// preparation is.
func preparationSamples(_ kader: Kader) -> Generator<Sample, AnySequence<Any>> {
    zip(samples(kader, texts: proseText), pick(AssessmentFormat.preparationParties), frontMatterValue, frontMatterValue.optional())
        .map { (sample: Sample, party: Role, session: String, participant: String?) -> Sample in
            var sample = sample
            sample.file.visibility = Visibility.unlisted.rawValue
            sample.file.preparation = Preparation(party: party, session: session, participant: participant)
            return sample
        }
        .eraseToAny()
}
