import Foundation
import Kennisbank
import KennisbankMarkdown
import Testing

/// One example of the GFM spec: its Markdown and the HTML cmark-gfm gives for it.
struct SpecExample: Sendable, CustomStringConvertible {
    let source: String
    let number: Int
    let markdown: String
    let html: String
    var description: String { "\(source) example \(number)" }

    /// The examples of a text in the spec's format: between a fence of 32 backticks with the
    /// word `example` and a closing fence, the Markdown, a line `.`, the HTML; `→` is a tab.
    static func all(in text: String, source: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var lines: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(fence + " example") {
                lines = []
            } else if line == fence, let body = lines {
                let split = body.firstIndex(of: ".") ?? body.endIndex
                let markdown = body[..<split].map { $0 + "\n" }.joined()
                let html = body[split...].dropFirst().map { $0 + "\n" }.joined()
                examples.append(SpecExample(source: source, number: examples.count + 1,
                                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                            html: html.replacingOccurrences(of: "→", with: "\t")))
                lines = nil
            } else {
                lines?.append(line)
            }
        }
        return examples
    }
}

let gfmTableExamples = SpecExample.all(in: gfmTableSpecText, source: "spec.txt")
    + SpecExample.all(in: gfmTableExtensionsText, source: "extensions.txt")

/// The HTML of a table as the spec writes it: the scrolling region around it left out, the
/// alignment classes as `align` attributes, no `scope`, and no white space between tags.
func specHTML(_ html: String) -> String {
    var text = html
    while let open = text.range(of: "<div class=\"table-scroll\""), let end = text.range(of: ">", range: open.upperBound..<text.endIndex) {
        text.removeSubrange(open.lowerBound..<end.upperBound)
        if let close = text.range(of: "</table></div>") { text.replaceSubrange(close, with: "</table>") }
    }
    text = text.replacingOccurrences(of: " scope=\"col\"", with: "")
    // A bare URL's link sits in a `<span class="autolink">` of the site's own.
    text = text.replacingOccurrences(of: "<span class=\"autolink\">", with: "").replacingOccurrences(of: "</a></span>", with: "</a>")
    for side in ["left", "center", "right"] {
        text = text.replacingOccurrences(of: " class=\"align-\(side)\"", with: " align=\"\(side)\"")
    }
    return text.replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression)
        .trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A document as a knowledge page has it: parsed, with the extensions applied.
func extended(_ markdown: String, smart: Bool = true) -> (MarkdownDocument, [MarkdownProblem]) {
    let document = MarkdownDocument(markdown, smartPunctuation: smart)
    let problems = document.applyExtensions()
    return (document, problems)
}

@Suite("GFM tables")
struct GFMTableTests {
    @Test func theFixtureHoldsEveryTableExample() {
        // spec.txt has 9 examples tagged `table`, extensions.txt 16 in its section "Tables" and
        // "Autolink and tables" in its section "Interop".
        #expect(gfmTableExamples.filter { $0.source == "spec.txt" }.count == 9)
        #expect(gfmTableExamples.filter { $0.source == "extensions.txt" }.count == 17)
    }

    /// Rendered as cmark-gfm's spec tests do: raw HTML kept, no smart punctuation.
    @Test(arguments: gfmTableExamples)
    func specExample(_ example: SpecExample) {
        let (document, problems) = extended(example.markdown, smart: false)
        #expect(problems.isEmpty)
        #expect(specHTML(document.renderHTML(allowRawHTML: true)) == specHTML(example.html), "\(example)\n\(example.markdown)")
    }

    @Test func theRegionIsNamedInTheSitesWordsAndAlignsByClass() {
        let (document, _) = extended("| Wie | Wat |\n|:---|---:|\n| a | b |\n\n| Wie | Wat |\n|---|:-:|\n")
        let html = document.renderHTML(links: RenderLinks(tableLabel: "Tabel"))
        #expect(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel: Wie\"><table>"))
        #expect(html.contains("aria-label=\"Tabel: Wie (2)\""))
        #expect(html.contains("<th scope=\"col\" class=\"align-left\">Wie</th>"))
        #expect(html.contains("<td class=\"align-right\">b</td>"))
        #expect(html.contains("<th scope=\"col\" class=\"align-center\">Wat</th>"))
        #expect(!html.contains("style="))
        // The second table has no body rows: no tbody.
        #expect(html.components(separatedBy: "<tbody>").count == 2)
        #expect(document.renderHTML(links: RenderLinks(tableLabel: "Table")).contains("aria-label=\"Table: Wie\""))
    }

    @Test func theRegionNameIsEscaped() {
        let (document, _) = extended("| a \"b\" <c> & 'd' |\n|---|\n", smart: false)
        let html = document.renderHTML(links: RenderLinks(tableLabel: "Tabel"))
        #expect(html.contains("aria-label=\"Tabel: a &quot;b&quot;  &amp; &#39;d&#39;\""), "\(html)")
    }

    @Test func aTableInAListItemAndInAQuote() {
        let (list, _) = extended("- Punt:\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n- Verder\n")
        #expect(specHTML(list.renderHTML()) == "<ul><li><p>Punt:</p><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></li><li><p>Verder</p></li></ul>")
        let (tight, _) = extended("1. | a |\n   | - |\n   | *1* |\n")
        #expect(specHTML(tight.renderHTML()) == "<ol><li><table><thead><tr><th>a</th></tr></thead><tbody><tr><td><em>1</em></td></tr></tbody></table></li></ol>")
        let (quote, _) = extended("> Zo:\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
        #expect(specHTML(quote.renderHTML()) == "<blockquote><p>Zo:</p><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></blockquote>")
        let (nested, _) = extended("> - | a |\n>   | - |\n>   | 1 |\n")
        #expect(specHTML(nested.renderHTML()) == "<blockquote><ul><li><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></li></ul></blockquote>")
    }

    /// A line without the quote's `>` (a lazy continuation line) ends the table, as in cmark-gfm.
    @Test func aLazyLineEndsTheTable() {
        let (quote, _) = extended("> | a |\n> | - |\n> | 1 |\nweer tekst\n")
        #expect(specHTML(quote.renderHTML()) == "<blockquote><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><p>weer tekst</p></blockquote>")
    }

    @Test func aTableWithADashLineBelowIsFollowedByARule() {
        let (document, _) = extended("| a |\n| - |\n| 1 |\n---\n")
        #expect(specHTML(document.renderHTML()) == "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><hr />")
    }

    @Test func linksInCellsHaveTheirPlaceInThePage() {
        let text = "Tekst\n\n| Wie | Waar |\n| --- | --- |\n| een \\| [twee](t.md) | [de gids](../gids.md) en ![](x.png) |\n|  [ref][r] |\n\n[r]: verder.md\n"
        let (document, _) = extended(text)
        let links = document.links()
        #expect(links.map(\.destination) == ["t.md", "../gids.md", "x.png", "verder.md"])
        #expect(links.map(\.line) == [5, 5, 5, 6])
        // Columns count bytes, as cmark's do; the `\|` before the first link counts two.
        #expect(links.map(\.column) == [10, 25, 50, 4])
    }

    /// A definition on the lines before the header row stays a definition, not text before the table.
    @Test func aReferenceDefinitionRightAboveTheHeader() {
        let (document, _) = extended("[a]: https://example.org\n| x | y |\n| - | - |\n| [l][a] | 2 |\n")
        #expect(specHTML(document.renderHTML()) == "<table><thead><tr><th>x</th><th>y</th></tr></thead><tbody><tr><td><a href=\"https://example.org\">l</a></td><td>2</td></tr></tbody></table>")
    }

    @Test func cellsAreNotRunTogetherInPlainText() {
        let (document, _) = extended("## Kop\n\n| Wie | Wat |\n| --- | --- |\n| gemeente | woningen |\n")
        document.assignHeadingAnchors()
        #expect(document.plainText(afterHeading: 0) == "Wie Wat gemeente woningen")
    }

    @Test func pagesWithoutTablesAreLeftAsTheyWere() {
        let text = "Een | twee\ndrie: vier\n\n- punt: met dubbele punt\n- a | b\n  -- c\n\nTekst -- met streepjes\n"
        let (document, problems) = extended(text)
        #expect(problems.isEmpty)
        #expect(document.renderHTML() == MarkdownDocument(text).renderHTML())
    }

    /// A line above a delimiter row of one cell without pipes is a table of one column, as in cmark-gfm.
    @Test func aDelimiterRowWithoutPipes() {
        let (document, _) = extended("Tekst -- met streepjes\n:---\n")
        #expect(specHTML(document.renderHTML()) == "<table><thead><tr><th align=\"left\">Tekst – met streepjes</th></tr></thead></table>")
    }

    /// A row of 100,000 nested brackets in a cell: cmark's own bracket handling, nothing more.
    @Test func aCellOfNestedBrackets() {
        let cell = String(repeating: "[", count: 100_000) + "x" + String(repeating: "]", count: 100_000)
        let (document, problems) = extended("| a |\n| - |\n| \(cell) |\n")
        #expect(problems.isEmpty)
        #expect(document.renderHTML().contains("[[[x]]]"))
    }

    /// 100,000 rows of one column: allowed, and built in one pass.
    @Test func aLongTableOfOneColumn() {
        let (document, problems) = extended("| n |\n| - |\n" + String(repeating: "| 1 |\n", count: 100_000))
        #expect(problems.isEmpty)
        #expect(document.renderHTML().components(separatedBy: "<td>1</td>").count == 100_001)
    }
}

@Suite("GFM tables in a build")
struct GFMTableBuildTests {
    private static let page = """
        ---
        title: Woonladder
        ---
        Een vergelijking:

        | Aanpak | Wonen | Zie |
        | :--- | :---: | ---: |
        | Woonladder | eerst *verdienen* | [een](een.md#kop-twee) |
        | Housing First | meteen | [Twee][twee] |

        [twee]: twee.md

        """

    @Test func aPageWithATableIsBuiltAndValid() async throws {
        var files = minimalSite
        files["sectie/tabel.md"] = Self.page
        let project = try TestProject(files: files)
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let html = try project.output("sectie/tabel/index.html")
        #expect(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel: Aanpak\"><table>"))
        #expect(html.contains("<th scope=\"col\" class=\"align-center\">Wonen</th>"))
        #expect(html.contains("<td class=\"align-left\">Woonladder</td>"))
        // Links in cells are rewritten like every other link, the reference one too.
        #expect(html.contains("<a href=\"../een/index.html#kop-twee\">een</a>"))
        #expect(html.contains("<a href=\"../twee/index.html\">Twee</a>"))
        // The book has the table too, with the same name.
        #expect(try project.output("boek/index.html").contains("aria-label=\"Tabel: Aanpak\""))
        let validation = try await runValidator(on: project.root.appendingPathComponent("_site"))
        #expect(validation.status == 0, "\(validation.output)")
    }

    @Test func aBrokenLinkInACellIsReportedAtItsPlace() throws {
        var files = minimalSite
        files["sectie/tabel.md"] = Self.page.replacingOccurrences(of: "[een](een.md#kop-twee)", with: "[een](eeen.md)")
            .replacingOccurrences(of: "twee.md", with: "tweee.md")
        let project = try TestProject(files: files)
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("content/sectie/tabel.md:8:36: error: broken link: `eeen.md` does not exist") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/sectie/tabel.md:9:28: error: broken link: `tweee.md` does not exist") }, "\(lines)")
    }

    @Test func tooLargeTablesAreErrors() {
        let wide = "Tekst\n" + String(repeating: "|a", count: 100_000) + "|\n" + String(repeating: "|-", count: 100_000) + "|\n"
        #expect(extended(wide).1 == [MarkdownProblem(.error, "this table has 100000 columns, more than the 1000 a table may have; split it into narrower tables", line: 3, column: 1)])
        let long = "Tekst\n\n| a | b | c |\n|---|---|---|\n" + String(repeating: "| 1 |\n", count: 100_000)
        #expect(extended(long).1 == [MarkdownProblem(.error, "the tables of this page have more than 200000 cells from here on (rows times columns); split the table or the page", line: 3, column: 1)])
        // Short rows count as full ones: a wide header cannot make millions of cells from a few lines.
        let padded = "| a |\n| - |\n\n" + String(repeating: "|x", count: 1_000) + "|\n" + String(repeating: "|-", count: 1_000) + "|\n" + String(repeating: "x\n", count: 200)
        #expect(extended(padded).1.map(\.line) == [4])
    }
}
