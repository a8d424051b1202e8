import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Search, sitemap and the finishing touches", .serialized)
struct SearchAndSiteFilesTests {
    private let site = ShippedSite.shared

    @Test func searchIndexCoversOnlyListedKnowledgePages() throws {
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pagefind/pagefind-entry.json").path))
        #expect(site.pages["zoeken/index.html"] != nil)
        for (path, html) in site.pages {
            let indexed = html.contains("data-pagefind-body")
            let unlisted = html.contains("<meta name=\"robots\" content=\"noindex\">")
            // The book repeats every page; search leads to the pages themselves.
            if path.hasPrefix("kader/formulieren/") || path == "404.html" || path == "zoeken/index.html" || path == Book.url || unlisted {
                #expect(!indexed, "\(path) must not be indexed")
            } else {
                #expect(indexed, "\(path) should be indexed")
            }
        }
        let principle = try #require(site.pages["kernprincipes/harm-reduction/index.html"])
        #expect(principle.contains("<form class=\"site-search\" role=\"search\" action=\"../../zoeken/index.html\" method=\"get\">"))
        #expect(principle.contains("<span data-pagefind-meta=\"section\" hidden>Kernprincipes</span>"))
    }

    @Test func searchWorksInARealBrowser() async throws {
        let result = try await runBrowserScript("search.py", site.output.path)
        #expect(result.status == 0, "search browser test failed (run scripts/setup.sh --test):\n\(result.output)")
        #expect(result.output.contains("ok: 'harm reduction' finds the Harm reduction principle page"))
    }

    @Test func withoutPagefindTheSearchFieldIsHidden() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        var options = project.options
        options.makeSearch = true
        options.programSearchPath = project.root.appendingPathComponent("nothing-here").path
        let report = SiteBuilder.build(options)
        #expect(report.succeeded)
        #expect(report.diagnostics.warnings.map(\.message).filter { $0.hasPrefix("Pagefind is not installed") }.count == 1)
        #expect(!(try project.output("index.html")).contains("site-search"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/zoeken/index.html").path))
    }

    @Test func baseURLGivesSitemapCanonicalAndFeed() throws {
        var files = minimalSite
        files["sectie/een.md"] = "---\ntitle: Een\norder: 1\nupdated: 2025-10-01\n---\n## Kop een\n\n## Kop twee\n"
        files["sectie/nieuws.md"] = "---\ntitle: Nieuw kader verschenen\ndescription: Het kader is er.\nnews: true\ndate: 2025-09-15\n---\nTekst.\n"
        files["sectie/geheim.md"] = "---\ntitle: Concept\ndraft: true\n---\nNiet publiceren.\n"
        let project = try TestProject(files: files, config: "title: Proefbank\nbase_url: https://example.org/kennis\n")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let sitemap = try project.output("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://example.org/kennis/index.html</loc></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/kennis/sectie/een/index.html</loc><lastmod>2025-10-01</lastmod></url>"))
        #expect(!sitemap.contains("geheim") && !sitemap.contains("404"))
        #expect(try project.output("robots.txt").contains("Sitemap: https://example.org/kennis/sitemap.xml"))
        let een = try project.output("sectie/een/index.html")
        #expect(een.contains("<link rel=\"canonical\" href=\"https://example.org/kennis/sectie/een/index.html\">"))
        #expect(een.contains("<meta property=\"og:title\" content=\"Een\">"))
        #expect(een.contains("Laatst bijgewerkt: <time datetime=\"2025-10-01\">1 oktober 2025</time>"))
        let feed = try project.output("nieuws.xml")
        #expect(feed.contains("<title>Nieuw kader verschenen</title>"))
        #expect(feed.contains("<link href=\"https://example.org/kennis/sectie/nieuws/index.html\"/>"))
        #expect(feed.contains("<updated>2025-09-15T00:00:00Z</updated>"))
    }

    @Test func withoutBaseURLNoAbsoluteURLs() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/sitemap.xml").path))
        #expect(try project.output("robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(!(try project.output("index.html")).contains("canonical"))
    }

    @Test func malformedDatesAreReported() throws {
        var files = minimalSite
        files["sectie/een.md"] = "---\ntitle: Een\nupdated: 1 oktober\nnews: true\n---\nTekst\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains("content/sectie/een.md:3:1: error: `updated` must be a date written as year-month-day, such as `2025-10-01`; found `1 oktober`"))
        #expect(lines.contains("content/sectie/een.md:4:1: error: a news page (`news: true`) needs `date: 2025-10-01`, the day it was published"))
    }
}
