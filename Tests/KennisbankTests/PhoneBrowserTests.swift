import Foundation
import Testing

/// The site on a phone and its 404 page at any depth, in a real browser (issue 18).
@Suite("Phones and the 404 page in a real browser")
struct PhoneBrowserTests {
    /// Tests/browser/phone.py opens every HTML page of the shipped site, the 404 page at a
    /// nested address and search results at 320 px (the narrowest phone in use) and at 360 px:
    /// none is wider than the screen, and a failure names the element that sticks out.
    @Test(arguments: [320, 360]) func noPageWiderThanAPhone(width: Int) async throws {
        let site = try await ShippedSite.awaited()
        let pages = site.pages.keys.filter { !$0.hasPrefix("pagefind/") }.count
        let result = try await runBrowserScript("phone.py", site.output.path, String(width))
        #expect(result.status == 0, "pages wider than \(width) px:\n\(result.output)")
        #expect(result.output.contains("checked \(pages + 2) pages at \(width) px: 0 too wide"), "\(result.output)")
    }

    /// Tests/browser/not_found.py: served by a plain web server that answers 404.html for
    /// every missing path, at the root and below /sub/, the 404 page at nested addresses
    /// (/kader/p1/bestaat-niet/, deeper, an old section's) has the site's style and every
    /// link, the stylesheet and the search form lead to files that exist; without script its
    /// text is there and its links work at the root's depth.
    @Test func notFoundPageWorksAtAnyDepthOnAPlainServer() async throws {
        let site = try await ShippedSite.awaited()
        let result = try await runBrowserScript("not_found.py", site.output.path)
        #expect(result.status == 0, "the 404 page failed:\n\(result.output)")
        for line in ["/sub/kader/p1/bestaat-niet/ has the site's style", "/kader/p1/bestaat-niet/: link[href=/assets/style.css] leads to a file that exists",
                     "/sub/oude-sectie/pagina/: form[action=/sub/zoeken/index.html] leads to a file that exists",
                     "without script every link of the 404 page at the root depth works"] {
            #expect(result.output.contains(line), "\(line)")
        }
    }
}

extension PhoneBrowserTests {
    /// Words longer than a phone's line in every place the general layout shows them: a
    /// section's name (main menu, breadcrumbs, sidebar), a page's title (heading, pager), a
    /// heading, a link's text, a bare address, inline code and a code block, a list, a quote,
    /// a table of Markdown content, and an image wider than the screen. phone.py finds no
    /// page of that site wider than 320 px.
    @Test func longWordsAndWideThingsFitAPhone() async throws {
        let long = "Woningcorporatiesamenwerkingsovereenkomstonderhandelingsresultaten"
        let page = """
        ---
        title: \(long)
        order: 1
        ---
        ## Ervaringsdeskundigheidsbevorderingsprogrammaontwikkeling

        Zie [\(long)](twee.md) en https://example.org/een/heel/lang/pad/zonder/spaties/\(long)/\(long).html of `\(long)()`.

        ```
        let \(long) = \(long).\(long)(\(long))
        ```

        - \(long)
        > \(long)

        | Kop | \(long) |
        | --- | --- |
        | \(long) \(long) | \(long) |

        ![Een brede tekening](breed.svg)
        """
        let project = try TestProject(files: [
            "_index.md": "---\ntitle: Start\n---\nWelkom.\n",
            "\(long.lowercased())/_index.md": "---\ntitle: \(long)\n---\nIntro.\n",
            "\(long.lowercased())/een.md": page,
            "\(long.lowercased())/twee.md": "---\ntitle: Twee \(long)\norder: 2\n---\nTekst.\n",
            "\(long.lowercased())/breed.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"100\"><rect width=\"2000\" height=\"100\" fill=\"#005257\"/></svg>\n",
        ], config: "title: Proef\ntrusted_active_files: true\n")
        defer { project.remove() }
        let report = try await onOwnThread { project.build() }
        #expect(report.succeeded, "\(project.lines(report))")
        let result = try await runBrowserScript("phone.py", project.root.appendingPathComponent("_site").path, "320")
        #expect(result.status == 0, "pages wider than 320 px:\n\(result.output)")
        #expect(result.output.contains(": 0 too wide"), "\(result.output)")
    }
}
