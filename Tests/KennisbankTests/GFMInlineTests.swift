import Foundation
import KennisbankMarkdown
import Testing

/// One example of the GFM fixture: Markdown and the HTML cmark-gfm gives for it.
struct GFMExample: CustomTestStringConvertible {
    var tags: String
    var line: Int
    var markdown: String
    var html: String

    var testDescription: String { "\(tags) at line \(line) of gfm-inline.txt" }

    /// The examples of `Fixtures/gfm-inline.txt` (in the spec's own format).
    static let all: [GFMExample] = {
        let fence = String(repeating: "`", count: 32)
        let url = repositoryRoot.appendingPathComponent("Tests/KennisbankTests/Fixtures/gfm-inline.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [GFMExample] = []
        var current: (tags: String, line: Int, lines: [String])?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix(fence + " example ") {
                current = (String(line.dropFirst(fence.count + 9)), number + 1, [])
            } else if line == fence, let open = current {
                let split = open.lines.firstIndex(of: ".") ?? open.lines.count
                examples.append(GFMExample(tags: open.tags, line: open.line,
                                           markdown: open.lines[..<split].map { $0 + "\n" }.joined(),
                                           html: open.lines[min(split + 1, open.lines.count)...].map { $0 + "\n" }.joined()))
                current = nil
            } else {
                current?.lines.append(line)
            }
        }
        return examples
    }()
}

/// HTML compared as a reader sees it: attributes in one order (without the ones the site adds
/// for its styles and screen readers, `class` and `aria-label`), `<x />` as `<x>`, and runs of
/// whitespace, and whitespace between tags, made one.
func normalisedHTML(_ html: String) -> String {
    var output = ""
    var index = html.startIndex
    while index < html.endIndex {
        let character = html[index]
        if character == "<", let close = html[index...].firstIndex(of: ">") {
            output += normalisedTag(String(html[html.index(after: index)..<close]))
            index = html.index(after: close)
        } else if character.isWhitespace {
            var end = index
            while end < html.endIndex, html[end].isWhitespace { end = html.index(after: end) }
            output += " "
            index = end
        } else {
            output.append(character)
            index = html.index(after: index)
        }
    }
    // A bare URL's link sits in a `<span class="autolink">` of the site's own (its class is gone already).
    // So does a list of task items, in a `<div class="task-list">`.
    return output.replacingOccurrences(of: "> <", with: "><").replacingOccurrences(of: "<span>", with: "")
        .replacingOccurrences(of: "</a></span>", with: "</a>").replacingOccurrences(of: "<div>", with: "")
        .replacingOccurrences(of: "</div>", with: "").trimmingCharacters(in: .whitespaces)
}

private func normalisedTag(_ inside: String) -> String {
    var text = inside.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasSuffix("/") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
    guard !text.hasPrefix("/"), !text.hasPrefix("!"), let space = text.firstIndex(where: \.isWhitespace) else { return "<\(text)>" }
    let name = String(text[..<space])
    var attributes: [String] = []
    var rest = text[space...].drop(while: \.isWhitespace)
    while !rest.isEmpty {
        let nameEnd = rest.firstIndex(where: { $0 == "=" || $0.isWhitespace }) ?? rest.endIndex
        let attribute = String(rest[..<nameEnd])
        rest = rest[nameEnd...]
        var value = ""
        if rest.first == "=" {
            rest = rest.dropFirst()
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: quote) ?? body.endIndex
                value = String(body[..<end])
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            } else {
                let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...]
            }
        }
        rest = rest.drop(while: \.isWhitespace)
        if attribute != "class" && attribute != "aria-label" { attributes.append("\(attribute)=\"\(value)\"") }
    }
    return "<" + ([name] + attributes.sorted()).joined(separator: " ") + ">"
}

/// Markdown through the extensions and cmark's HTML renderer, as the spec's examples are (no
/// smart punctuation, raw HTML kept).
func gfmHTML(_ markdown: String, smart: Bool = false) -> String {
    let document = MarkdownDocument(markdown, smartPunctuation: smart)
    _ = document.applyExtensions()
    return document.renderHTML(allowRawHTML: true)
}

@Suite("GFM strikethrough, autolinks, task lists and callouts")
struct GFMInlineTests {
    @Test func theFixtureHoldsEveryExample() {
        let tags = GFMExample.all.map(\.tags)
        #expect(tags.filter { $0.hasPrefix("spec strikethrough") }.count == 2)
        #expect(tags.filter { $0.hasPrefix("spec autolink") }.count == 11)
        #expect(tags.filter { $0.hasPrefix("extensions") }.count == 9)
    }

    @Test(arguments: GFMExample.all)
    func specExample(_ example: GFMExample) {
        let html = gfmHTML(example.markdown)
        guard example.html != "<IGNORE>\n" else { return }
        #expect(normalisedHTML(html) == normalisedHTML(example.html), "\(example.markdown)")
    }
}


/// The site's Dutch words, as `templates/strings/nl.yml` has them.
let dutchLabels = MarkdownLabels(
    callouts: [.note: "Opmerking", .tip: "Tip", .important: "Belangrijk", .warning: "Waarschuwing", .caution: "Let op"],
    taskDone: "Gedaan", taskOpen: "Nog te doen")

/// Markdown as a knowledge page has it (smart punctuation, raw HTML dropped), with its problems.
func pageHTML(_ markdown: String, labels: MarkdownLabels = dutchLabels) -> (html: String, problems: [MarkdownProblem]) {
    let document = MarkdownDocument(markdown)
    let problems = document.applyExtensions() + document.droppedRawHTML()
    document.setLabels(labels)
    return (document.renderHTML(), problems)
}

@Suite("GFM extensions read from the source as typed")
struct GFMSourceTests {
    @Test func escapedTildesAndCodeSpansAreNoStrikethrough() {
        #expect(pageHTML("a \\~~b~~ `~~c~~` ~~d~~ &#126;&#126;e&#126;&#126;").html
            == "<p>a ~~b~~ <code>~~c~~</code> <del>d</del> ~~e~~</p>\n")
        #expect(pageHTML("\\~b\\~ ~~f~~").html == "<p>~b~ <del>f</del></p>\n")
        // Nested and inside other inlines.
        #expect(pageHTML("~~a ~b~ **c ~~d~~**~~").html == "<p><del>a <del>b</del> <strong>c <del>d</del></strong></del></p>\n")
        #expect(pageHTML("[~~oud~~ nieuw](https://example.org)").html == "<p><a href=\"https://example.org\"><del>oud</del> nieuw</a></p>\n")
        // Flanking: a tilde between spaces neither opens nor closes.
        #expect(pageHTML("5 ~ 6 en ~7~").html == "<p>5 ~ 6 en <del>7</del></p>\n")
    }

    @Test func urlsKeepWhatSmartPunctuationWouldChange() {
        let html = pageHTML("Zie https://example.org/a--b---c en (www.example.org/it's) -- ook; \"www.example.org\" niet.").html
        #expect(html == "<p>Zie <span class=\"autolink\"><a href=\"https://example.org/a--b---c\">https://example.org/a--b---c</a></span> en (<span class=\"autolink\"><a href=\"http://www.example.org/it&#x27;s\">www.example.org/it's</a></span>) – ook; “www.example.org” niet.</p>\n")
    }

    @Test func noAutolinkInsideLinksCodeOrUnsafeSchemes() {
        #expect(pageHTML("[https://example.org](https://example.org/echt) `www.example.org` <https://example.org/x>").html
            == "<p><a href=\"https://example.org/echt\">https://example.org</a> <code>www.example.org</code> <a href=\"https://example.org/x\">https://example.org/x</a></p>\n")
        #expect(pageHTML("javascript://example.org/%0aalert(1) data://example.org file://example.org/etc").html
            == "<p>javascript://example.org/%0aalert(1) data://example.org file://example.org/etc</p>\n")
        #expect(pageHTML("xhttps://example.org en wwwx.example.org en a.www.example.org").html
            == "<p>xhttps://example.org en wwwx.example.org en a.www.example.org</p>\n")
        #expect(pageHTML("[mail](mailto:a@example.org) en `b@example.org`").html
            == "<p><a href=\"mailto:a@example.org\">mail</a> en <code>b@example.org</code></p>\n")
    }

    @Test func autolinksAreLinksOfTheDocument() {
        let document = MarkdownDocument("Zie www.example.org en https://example.org/b, of mail info@example.org.\n")
        _ = document.applyExtensions()
        #expect(document.links().map(\.destination) == ["http://www.example.org", "https://example.org/b", "mailto:info@example.org"])
        #expect(document.links().map(\.column) == [5, 24, 55])
    }

    @Test func taskItemsAreNamedCheckboxesInTheSitesLanguage() {
        let html = pageHTML("- [x] Woning gevonden\n- [ ] Huisbezoek\n- [X] Sleutel\n- \\[x] geen taak\n- [x]geen taak\n").html
        #expect(html == """
            <ul>
            <li><input type="checkbox" class="task" disabled="" checked="" aria-label="Gedaan" /> Woning gevonden</li>
            <li><input type="checkbox" class="task" disabled="" aria-label="Nog te doen" /> Huisbezoek</li>
            <li><input type="checkbox" class="task" disabled="" checked="" aria-label="Gedaan" /> Sleutel</li>
            <li>[x] geen taak</li>
            <li>[x]geen taak</li>
            </ul>

            """)
        // A list of task items only loses its bullets (through its wrapper's style).
        #expect(pageHTML("- [x] een\n- [ ] twee\n").html.hasPrefix("<div class=\"task-list\">\n<ul>\n<li><input"))
        // A loose list keeps the box inside the item's first paragraph.
        #expect(pageHTML("- [ ] een\n\n- [x] twee\n").html.contains("<li>\n<p><input type=\"checkbox\" class=\"task\" disabled=\"\" aria-label=\"Nog te doen\" /> een</p>"))
    }

    @Test func calloutsOfAllFiveKindsCarryTheirTitles() {
        for (marker, kind, title) in [("[!NOTE]", "note", "Opmerking"), ("[!TIP]", "tip", "Tip"), ("[!IMPORTANT]", "important", "Belangrijk"),
                                      ("[!WARNING]", "warning", "Waarschuwing"), ("[!caution]", "caution", "Let op"), ("[!Note]", "note", "Opmerking")] {
            let (html, problems) = pageHTML("> \(marker)\n> Eerste alinea met *nadruk*.\n>\n> Tweede alinea.\n>\n> - een lijst\n")
            #expect(problems.isEmpty)
            #expect(html.hasPrefix("<div class=\"callout callout-\(kind)\">\n<p class=\"callout-title\"><svg class=\"callout-icon\" aria-hidden=\"true\""))
            #expect(html.contains("</svg>\(title)</p>\n<p>Eerste alinea met <em>nadruk</em>.</p>\n<p>Tweede alinea.</p>\n<ul>\n<li>een lijst</li>\n</ul>\n</div>"), "\(html)")
            #expect(!html.contains("blockquote") && !html.contains(marker))
        }
        // The words come from the labels given; they are escaped.
        let english = MarkdownLabels(callouts: [.note: "Note <&>"], taskDone: "Done", taskOpen: "To do")
        #expect(pageHTML("> [!NOTE]\n> x\n", labels: english).html.contains("</svg>Note &lt;&amp;&gt;</p>"))
    }

    @Test func calloutsInListsAndQuotes() {
        let html = pageHTML("1. Stap een:\n\n   > [!WARNING]\n   > In een lijst.\n\n> > [!TIP]\n> > In een citaat.\n").html
        #expect(html.contains("<li>\n<p>Stap een:</p>\n<div class=\"callout callout-warning\">"))
        #expect(html.contains("Waarschuwing</p>\n<p>In een lijst.</p>\n</div>\n</li>"))
        #expect(html.contains("<blockquote>\n<div class=\"callout callout-tip\">"))
    }

    @Test func quotesThatAreNoCalloutSayWhy() {
        let (html, problems) = pageHTML("> [!FOO]\n> tekst\n\n> [!NOTE] op dezelfde regel\n\n> [!TIP]\n\n> \\[!NOTE]\n> gewoon citaat\n")
        #expect(html.contains("<blockquote>\n<p>[!FOO]\ntekst</p>\n</blockquote>"))
        #expect(html.contains("<blockquote>\n<p>[!NOTE] op dezelfde regel</p>"))
        #expect(!html.contains("callout"))
        #expect(problems == [
            MarkdownProblem(.warning, "`[!FOO]` is not a kind of callout, so this stays a quote; write one of `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]` on the quote's first line", line: 1, column: 3),
            MarkdownProblem(.warning, "the text after `[!NOTE]` on its line makes this a quote, not a callout; write `[!NOTE]` alone on the quote's first line and the text on the next lines (`> ...`)", line: 4, column: 3),
            MarkdownProblem(.warning, "this `[!TIP]` callout has no text; write it on the quote's next lines (`> ...`)", line: 6, column: 3),
        ])
    }

    @Test func otherGeneratorsSyntaxIsReportedWithTheCalloutToWrite() {
        let markdown = """
            import Tabs from '@theme/Tabs';
            export const meta = {};

            !!! warning "Let op"
                Tekst van MkDocs.

            ??? tip
                Inklapbaar.

            :::danger Gevaar
            Tekst van Docusaurus.
            :::

            Een figuur {{< figure src="a.png" >}} en {{% notice info %}}tekst{{% /notice %}} en {{<youtube id>}}.

            <div class="x">HTML</div>

            Tekst met <span>inline</span> en <b>meer</b> HTML. <!-- een opmerking -->

            <!-- alleen een opmerking -->

            export van woningen is geen MDX.
            """
        let problems = pageHTML(markdown).problems.map { "\($0.line):\($0.column): \($0.message)" }
        #expect(problems == [
            "1:1: this `import` line is MDX, which this site shows as plain text; remove it, as pages here are Markdown without MDX components (for a note or warning, write a callout: `> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`))",
            "4:1: `!!! warning` is an MkDocs admonition, which this site shows as plain text; write a callout instead: `> [!WARNING]` on the first line of a quote and its text on the next lines (`> ...`)",
            "7:1: `??? tip` is a collapsible MkDocs admonition, which this site shows as plain text; write a callout instead: `> [!TIP]` on the first line of a quote and its text on the next lines (`> ...`)",
            "10:1: `:::danger` is a Docusaurus admonition, which this site shows as plain text; write a callout instead: `> [!CAUTION]` on the first line of a quote and its text on the next lines (`> ...`), without the closing `:::`",
            "14:12: `{{< figure >}}` is a Hugo shortcode, which this site shows as plain text; write its content in Markdown instead (for a note or warning, a callout: `> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`))",
            "14:42: `{{% notice %}}` is a Hugo shortcode, which this site shows as plain text; write its content in Markdown instead (for a note or warning, a callout: `> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`))",
            "14:85: `{{< youtube >}}` is a Hugo shortcode, which this site shows as plain text; write its content in Markdown instead (for a note or warning, a callout: `> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`))",
            "16:1: raw HTML is left out of the page, because the site config does not allow it (`raw_html` is off); write this in Markdown instead, or set `raw_html: true` in the site config if everyone who writes the content is trusted",
            "18:11: raw HTML is left out of the page, because the site config does not allow it (`raw_html` is off); write this in Markdown instead, or set `raw_html: true` in the site config if everyone who writes the content is trusted",
        ])
    }
}

@Suite("GFM extensions through the whole build")
struct GFMBuildTests {
    static let page = """
        ---
        title: Opmaak
        ---
        ~~Eerst een Huis~~ Eerst een Thuis, zie www.example.org of https://example.org/a--b.

        > [!TIP]
        > Een tip.
        >
        > Nog een alinea.

        - [x] Woning gevonden
        - [ ] Huisbezoek

        > [!FOO]
        > Onbekend.

        :::note
        Docusaurus.
        :::

        Tekst met <b>HTML</b>.

        """

    @Test func aPageWithAllOfItBuildsWithItsWarnings() throws {
        let project = try TestProject(files: minimalSite.merging(["sectie/opmaak.md": Self.page]) { $1 })
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let expected = [
            "content/sectie/opmaak.md:14:3: warning: `[!FOO]` is not a kind of callout, so this stays a quote; write one of `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]` on the quote's first line",
            "content/sectie/opmaak.md:17:1: warning: `:::note` is a Docusaurus admonition, which this site shows as plain text; write a callout instead: `> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`), without the closing `:::`",
            "content/sectie/opmaak.md:21:11: warning: raw HTML is left out of the page, because the site config does not allow it (`raw_html` is off); write this in Markdown instead, or set `raw_html: true` in the site config if everyone who writes the content is trusted",
        ]
        #expect(project.lines(report).filter { $0.contains("opmaak.md") } == expected)
        #expect(project.lines(project.check()).filter { $0.contains("opmaak.md") } == expected)
        let html = try project.output("sectie/opmaak/index.html")
        #expect(html.contains("<p><del>Eerst een Huis</del> Eerst een Thuis, zie <span class=\"autolink\"><a href=\"http://www.example.org\">www.example.org</a></span> of <span class=\"autolink\"><a href=\"https://example.org/a--b\">https://example.org/a--b</a></span>.</p>"))
        #expect(html.contains("<div class=\"callout callout-tip\">\n<p class=\"callout-title\"><svg"))
        #expect(html.contains("</svg>Tip</p>\n<p>Een tip.</p>\n<p>Nog een alinea.</p>\n</div>"))
        #expect(html.contains("<li><input type=\"checkbox\" class=\"task\" disabled=\"\" checked=\"\" aria-label=\"Gedaan\" /> Woning gevonden</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" class=\"task\" disabled=\"\" aria-label=\"Nog te doen\" /> Huisbezoek</li>"))
        #expect(html.contains("<p>Tekst met <!-- raw HTML omitted -->HTML<!-- raw HTML omitted -->.</p>"))
        // The book shows the same, with the site's words.
        let book = try project.output("boek/index.html")
        #expect(book.contains("</svg>Tip</p>") && book.contains("aria-label=\"Gedaan\"") && book.contains("<del>Eerst een Huis</del>"))
    }

    @Test func rawHTMLThatTheConfigAllowsGivesNoWarning() throws {
        let project = try TestProject(files: minimalSite.merging(["sectie/opmaak.md": Self.page]) { $1 }, config: "raw_html: true\n")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded)
        #expect(!project.lines(report).contains { $0.contains("raw HTML") })
        #expect(try project.output("sectie/opmaak/index.html").contains("<p>Tekst met <b>HTML</b>.</p>"))
    }

    @Test func aStringsFileWithoutTheCalloutWordsIsAnError() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let strings = project.root.appendingPathComponent("templates/strings/nl.yml")
        let text = try String(contentsOf: strings, encoding: .utf8)
        try project.write(text.replacingOccurrences(of: "    caution: Let op\n", with: ""), to: "templates/strings/nl.yml")
        let lines = project.lines(project.build())
        #expect(lines.contains { $0.hasPrefix("templates/strings/nl.yml:1:1: error: the strings file has no `markdown.callout.caution`, which the generator needs") }, "\(lines)")
    }
}
