import KennisbankMarkdown
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Markdown through cmark")
struct MarkdownTests {
    @Test func trimmingRemovesWhiteSpaceAtBothEndsOnly() {
        let cases: [(String, String)] = [
            ("", ""), ("a", "a"), ("Tekst", "Tekst"), ("  a b  ", "a b"), ("\ta\n", "a"), ("\u{00A0}Kop\u{2003}", "Kop"),
            ("é ", "é"), (" é", "é"), ("a\u{0301}", "a\u{0301}"), ("\u{3000}\u{2028}", ""), ("a  \n  b", "a  \n  b"),
        ]
        for (input, expected) in cases {
            #expect(input.trimmed() == expected, "\(input.debugDescription)")
            #expect(input[...].trimmed() == expected)
        }
    }

    @Test func slugsFoldDutchDiacritics() {
        #expect(Slug.make("één") == "een")
        #expect(Slug.make("Keuze en regie voor deelnemers") == "keuze-en-regie-voor-deelnemers")
        #expect(Slug.make("Financiële  zaken -- & café's!") == "financiele-zaken-cafes")
        #expect(Slug.make("  Ruim 80% stabiel  ") == "ruim-80-stabiel")
        // Plain ASCII takes a shorter path; it must give what the general path gives.
        #expect(Slug.make("Don't STOP -- P1.05_Wonen") == "dont-stop-p1-05-wonen")
        #expect(Slug.make("Don't STOP -- P1.05_Wonen é") == "dont-stop-p1-05-wonen-e")
        #expect(Slug.isValid("harm-reduction"))
        #expect(!Slug.isValid("../etc"))
    }

    @Test func headingsGetUniqueStableAnchors() {
        let document = MarkdownDocument("## Aanpak\n\ntekst\n\n## Aanpak\n\n### Één *stap*\n\n- ## In een lijst\n")
        let headings = document.assignHeadingAnchors(reserved: ["kb-toc"])
        #expect(headings.map(\.id) == ["aanpak", "aanpak-1", "één-stap", "in-een-lijst"])
        #expect(headings.map(\.line) == [1, 5, 7, 9])
        let html = document.renderHTML()
        #expect(html.contains("<h2 id=\"aanpak\">"))
        #expect(html.contains("<h2 id=\"aanpak-1\">"))
        #expect(html.contains("<h3 id=\"één-stap\">"))
        #expect(html.contains("<em>stap</em>"))
    }

    @Test func headingTextStaysEscaped() {
        let document = MarkdownDocument("## <b>\"Vet\"</b> & meer\n")
        let headings = document.assignHeadingAnchors()
        let html = document.renderHTML()
        #expect(headings[0].id == "vet--meer")
        #expect(!html.contains("<b>"))
        #expect(html.contains("&amp;"))
    }

    @Test func titleHeadingIsTakenFromTheBody() {
        let document = MarkdownDocument("# De titel\n\nTekst.\n")
        let title = document.takeTitleHeading()
        #expect(title?.text == "De titel")
        #expect(!document.renderHTML().contains("De titel"))
    }

    @Test func linksCarryTheirPositions() {
        let document = MarkdownDocument("Zie [a](a.md)\nen ![plaatje](b.png \"t\").\n")
        let links = document.links()
        #expect(links.map(\.destination) == ["a.md", "b.png"])
        #expect(links.map(\.kind) == [.link, .image])
        #expect(links[0].line == 1 && links[0].column == 5)
        #expect(links[1].line == 2)
        #expect(document.renderHTML(links: RenderLinks(destinations: [0: "a/index.html"])).contains("href=\"a/index.html\""))
    }

    @Test func eachRenderingWritesItsOwnLinksAndLeavesTheDocumentAsRead() {
        let document = MarkdownDocument("## Kop\n\nZie [a](a.md) en [b](b.md).\n")
        document.assignHeadingAnchors()
        let site = RenderLinks(destinations: [0: "a/index.html", 1: "b/index.html"])
        let book = RenderLinks(destinations: [0: "#a"], unwrapped: [1], headingIDPrefix: "p--", headingLevelShift: 1)
        let siteHTML = "<h2 id=\"kop\">\nKop\n</h2>\n<p>Zie <a href=\"a/index.html\">a</a> en <a href=\"b/index.html\">b</a>.</p>\n"
        let bookHTML = "<h3 id=\"p--kop\">\nKop\n</h3>\n<p>Zie <a href=\"#a\">a</a> en b.</p>\n"
        let asRead = "<h2 id=\"kop\">\nKop\n</h2>\n<p>Zie <a href=\"a.md\">a</a> en <a href=\"b.md\">b</a>.</p>\n"
        // In any order: no rendering depends on another having run before it.
        #expect(document.renderHTML(links: book) == bookHTML)
        #expect(document.renderHTML(links: site) == siteHTML)
        #expect(document.renderHTML() == asRead)
        #expect(document.renderHTML(links: site) == siteHTML)
        #expect(document.renderHTML(links: book) == bookHTML)
        #expect(document.renderSegments(links: book).afterHeading == ["<p>Zie <a href=\"#a\">a</a> en b.</p>\n"])
        #expect(document.renderHTML() == asRead)
        #expect(document.links().map(\.destination) == ["a.md", "b.md"])
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() {
        let text = "<script>alert(1)</script>\n\nTekst <b onclick=\"x()\">vet</b> [klik](javascript:alert(1))\n"
        let safe = MarkdownDocument(text).renderHTML()
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("onclick"))
        #expect(!safe.contains("javascript:"))
        let trusted = MarkdownDocument(text).renderHTML(allowRawHTML: true)
        #expect(trusted.contains("<script>"))
    }

    @Test func smartPunctuationIsOn() {
        let html = MarkdownDocument("\"Thuis\" -- eerst...\n").renderHTML()
        #expect(html.contains("“Thuis” – eerst…"))
    }
}
