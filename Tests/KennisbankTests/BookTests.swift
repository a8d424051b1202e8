import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Titles of the book's chapters and pages, in the order the book has them.
private func bookTitles(_ html: String) -> [String] {
    let pattern = try! Regex("<h([12]) id=\"kb-titel-([a-z0-9-]+)\">([^<]*)</h[12]>")
    return html.matches(of: pattern).map { String($0.output[3].substring!) }
}

/// The text of the first element opened by `start`, up to `end`.
private func slice(_ html: String, from start: String, to end: String) -> String? {
    guard let open = html.range(of: start), let close = html.range(of: end, range: open.upperBound..<html.endIndex) else { return nil }
    return String(html[open.lowerBound..<close.upperBound])
}

/// Titles of the links in a piece of HTML, in order.
private func linkTitles(_ html: String) -> [String] {
    let pattern = try! Regex("<a href=\"[^\"]*\"(?: aria-current=\"[a-z]+\")?>([^<]*)</a>")
    return html.matches(of: pattern).map { String($0.output[1].substring!) }
}

@Suite("The knowledge bank as a book", .serialized)
struct BookTests {
    private let site = ShippedSite.shared
    private var book: String { site.pages[Book.url] ?? "" }

    /// The order a reader sees on the site: the main menu, and below each of its sections the
    /// section's own menu (the sidebar of its first page).
    private func siteReadingOrder() throws -> [String] {
        let home = try #require(site.pages["index.html"])
        let menu = try #require(slice(home, from: "<nav class=\"main-nav\"", to: "</nav>"))
        var titles: [String] = []
        for href in attributeValues("href", in: menu) {
            let path = String(href.drop { $0 == "." || $0 == "/" })
            let page = try #require(site.pages[path], "\(path)")
            let sidebar = slice(page, from: "<nav class=\"sidebar\"", to: "</nav>") ?? ""
            let own = try #require(slice(page, from: "<h1", to: "</h1>"))
            titles.append(String(own.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }))
            titles += linkTitles(sidebar).dropFirst()
        }
        return titles
    }

    @Test func holdsEveryPublicPageOnceInReadingOrder() throws {
        // The assessments have pages and PDFs of their own and stay out of the book.
        let expected = try siteReadingOrder().filter { !$0.hasPrefix("Zelfevaluatie") }
        #expect(expected.count > 40)
        #expect(bookTitles(book) == expected)
    }

    @Test func idsAreUniqueAndEveryLinkInTheBookLeadsSomewhere() throws {
        let ids = attributeValues("id", in: book)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate ids: \(duplicates)")
        let known = Set(ids)
        let hrefs = attributeValues("href", in: book)
        let inBook = hrefs.filter { $0.hasPrefix("#") }
        #expect(inBook.count > 150)
        // As a browser reads them: anchors with accents are percent-encoded in links.
        for href in inBook { #expect(known.contains(String(href.dropFirst()).removingPercentEncoding ?? ""), "\(href) leads nowhere in the book") }
        // The shipped pages link to each other's headings; in the book those links stay inside.
        #expect(inBook.contains { $0.contains("--") })
        #expect(!hrefs.contains { $0.hasSuffix(".md") || ($0.contains("index.html#") && !$0.hasPrefix("http")) })
        for href in hrefs where !href.hasPrefix("#") && !href.contains(":") {
            let path = URL(fileURLWithPath: "/boek/" + href).standardized.path.dropFirst()
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(String(path)).path), "\(href)")
        }
    }

    @Test func neverHoldsUnlistedPagesFormsOrPreparations() {
        // The example practice's rounds (one of them unlisted), its preparations and the forms.
        // (A preparation's page is "Voorbereiding <Party>, ..."; the kader's steps may name the
        // page that bundles them, "Voorbereidingen bundelen".)
        for unlisted in ["q8v3m1x7k2d9", "Duinmeer", "Voorbereiding Gemeente", "Voorbereiding Zorgorganisatie", "Voorbereiding Woningcorporatie",
                         "Leeg formulier", "Formulier voor de gezamenlijke bijeenkomst"] {
            #expect(!book.contains(unlisted), "\(unlisted)")
        }
        // A page may link to the public overview of the self-evaluations, never into one.
        #expect(!attributeValues("href", in: book).contains { $0.contains("zelfevaluaties/") && !$0.hasSuffix("zelfevaluaties/index.html") })
    }

    @Test func isLinkedFromEveryPage() {
        let withFooter = site.pages.filter { $0.value.contains("<footer class=\"site-footer\">") }
        #expect(withFooter.count > 50)
        for (path, html) in withFooter {
            let root = RelativeURL.root(for: path)
            #expect(html.contains("<a href=\"\(root)\(Book.pdf)\">Download als boek (PDF)</a>"), "\(path)")
        }
        #expect(site.pages["index.html"]?.contains("<h2 id=\"kb-boek\">De kennisbank als boek</h2>") == true)
    }

    @Test func pdfHasAnOutlineEntryPerChapterAndEveryIndicator() throws {
        let pdf = site.output.appendingPathComponent(Book.pdf).path
        #expect(FileManager.default.fileExists(atPath: pdf))
        let chapters = book.matches(of: try Regex("<h1 id=\"kb-titel-([a-z0-9-]+)\">([^<]*)</h1>")).map { String($0.output[2].substring!) }
        #expect(chapters.count == 7)
        let outline = try runTool("python3", "-c", """
            import sys, pypdf
            reader = pypdf.PdfReader(sys.argv[1])
            print("\\n".join(item.title for item in reader.outline if not isinstance(item, list)))
            """, pdf)
        let expected = chapters + ["Register van indicatoren"]
        #expect(outline.split(separator: "\n").map(String.init) == expected.map { $0.replacingOccurrences(of: "&#39;", with: "'") })
        let text = try runTool("pdftotext", "-layout", pdf, "-")
        let kader = try #require(site.report.kader)
        let missing = kader.indicators.map(\.id.description).filter { !text.contains($0) }
        #expect(missing.isEmpty, "indicators missing from the book's PDF: \(missing)")
        #expect(text.contains("Register van indicatoren") && text.contains("pagina 3 van"))
    }
}

@Suite("Book links and ids")
struct BookLinkTests {
    @Test func linksBetweenPagesStayInsideTheBook() throws {
        var files = minimalSite
        files["sectie/een.md"]! += "\nZie [twee](twee.md) en [buiten](https://example.org/a).\n\n## Kop twee\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let book = try project.output(Book.url)
        // twee.md links to een.md#kop-twee; both pages have a heading "Kop twee" of their own.
        #expect(book.contains("<a href=\"#sectie-een--kop-twee\">een</a>"))
        #expect(book.contains("<h3 id=\"sectie-een--kop-twee\">\nKop twee\n</h3>"))
        #expect(book.contains("<h3 id=\"sectie-een--kop-twee-1\">\nKop twee\n</h3>"))
        #expect(book.contains("<a href=\"#sectie-twee\">twee</a>"))
        #expect(book.contains("<a href=\"https://example.org/a\">buiten</a>"))
        let site = try project.output("sectie/een/index.html")
        #expect(site.contains("<h2 id=\"kop-twee\">\nKop twee\n</h2>") && site.contains("<a href=\"../twee/index.html\">twee</a>"))
    }

    @Test func pageBodiesAreShownTheWayTheBookTemplateSays() throws {
        // The book is written from a slotted skeleton; an edited theme that escapes the bodies,
        // or a title that looks like a slot, must still get exactly what the template says.
        var files = minimalSite
        files["sectie/twee.md"] = "---\ntitle: \"Twee \\uFFFF'0\\uFFFF\"\norder: 2\n---\nTekst van *twee*.\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        var book = try project.output(Book.url)
        #expect(book.contains("<p>Tekst van <em>twee</em>.</p>"))
        #expect(book.contains("Twee \u{FFFF}&#39;0\u{FFFF}</a>"))
        #expect(book.contains("<p>Tekst.</p>") && book.contains("<h3 id=\"sectie-een--kop-een\">"))

        let partial = project.root.appendingPathComponent("templates/partials/book-body.mustache")
        let escaping = try String(contentsOf: partial, encoding: .utf8).replacingOccurrences(of: "{{{.}}}", with: "{{.}}")
        try escaping.write(to: partial, atomically: true, encoding: .utf8)
        #expect(project.build().succeeded)
        book = try project.output(Book.url)
        #expect(book.contains("&lt;p&gt;Tekst van &lt;em&gt;twee&lt;/em&gt;.&lt;/p&gt;"))
        #expect(!book.contains("<p>Tekst van <em>twee</em>.</p>"))
    }
}
