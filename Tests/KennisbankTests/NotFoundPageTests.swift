import Foundation
import Kennisbank
import KennisbankServe
import Testing
import KennisbankModel
import KennisbankRender
import Basics

/// The 404 page at any depth (issue 18): served by `serve`, with `base_url`, and with its
/// fallback script for a plain web server.
@Suite("The 404 page at any depth")
struct NotFoundPageTests {
    /// Every `href`, `src` and `action` of an HTML text, in order.
    private func addresses(_ html: String) -> [String] {
        var found: [String] = []
        for attribute in [" href=\"", " src=\"", " action=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                found.append(String(rest.prefix { $0 != "\"" }))
            }
        }
        return found
    }

    /// `serve` answers a missing nested address with the 404 page whose stylesheet, icon, links
    /// and search form all lead to files of the site, resolved from the address asked for (as
    /// a browser does); the skip link stays on the page.
    @Test func serveAnswersTheNotFoundPageWithWorkingAddressesAtAnyDepth() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let site = project.root.appendingPathComponent("_site")
        let responder = SiteFileResponder(root: site)
        for path in ["/sectie/een/bestaat-niet/", "/sectie/een/bestaat/niet/diep.html", "/bestaat-niet.html", "/a/b/c/d/e/"] {
            let answer = responder.answer(path: path)
            #expect(answer.status == 404)
            let html = String(decoding: answer.body, as: UTF8.self)
            #expect(html.contains("Pagina niet gevonden"))
            let asked = try #require(URL(string: "http://127.0.0.1:8000\(path)"))
            let found = addresses(html)
            #expect(found.contains("/assets/style.css"), "\(found)")
            for address in found {
                if address.hasPrefix("#") { continue }
                let resolved = try #require(URL(string: address, relativeTo: asked)?.absoluteURL, "\(address)")
                #expect(resolved.host == "127.0.0.1", "\(path): \(address) leaves the site")
                let target = responder.answer(path: resolved.path)
                #expect(target.status == 200, "\(path): \(address) leads to \(resolved.path), which answers \(target.status)")
            }
        }
    }

    /// The rewrite for a depth puts the root before relative addresses only: not before an
    /// absolute one, a scheme, an anchor, or an `href` that is text of the page.
    @Test func rootedChangesRelativeAddressesOnly() {
        let html = """
        <link rel="stylesheet" href="assets/style.css"><a href="">start</a> <a href="#kb-inhoud">x</a>
        <a href="/al/absoluut/">y</a> <a href="https://example.org/x">z</a> <a href="mailto:a@b.nl">m</a>
        <img src="sectie/foto.png" alt=""><form action="zoeken/index.html"></form>
        <p>Schrijf href=&quot;x&quot; of 1:2 <a href="p1:2/">pagina</a></p>
        """
        #expect(NotFoundPage.rooted(html, root: "/") == """
        <link rel="stylesheet" href="/assets/style.css"><a href="/">start</a> <a href="#kb-inhoud">x</a>
        <a href="/al/absoluut/">y</a> <a href="https://example.org/x">z</a> <a href="mailto:a@b.nl">m</a>
        <img src="/sectie/foto.png" alt=""><form action="/zoeken/index.html"></form>
        <p>Schrijf href=&quot;x&quot; of 1:2 <a href="p1:2/">pagina</a></p>
        """)
    }

    /// With `base_url` every address of the 404 page is absolute from it and it has no script;
    /// without, it carries the script with the site's top-level names and the names below them.
    @Test func absoluteWithBaseURLAndAScriptWithout() throws {
        let with = try TestProject(files: minimalSite, config: "title: Proef\nbase_url: https://example.org/kb/\n")
        defer { with.remove() }
        #expect(with.build().succeeded)
        let absolute = try with.output("404.html")
        #expect(!absolute.contains("<script"))
        let found = addresses(absolute)
        #expect(found.contains("https://example.org/kb/assets/style.css"))
        #expect(found.allSatisfy { $0.hasPrefix("https://example.org/kb/") || $0.hasPrefix("#") }, "\(found)")

        let without = try TestProject(files: minimalSite.merging(["sectie/een/foto.png": "png"]) { $1 })
        defer { without.remove() }
        #expect(without.build().succeeded)
        let relative = try without.output("404.html")
        #expect(relative.contains("var names = {\"404.html\":[],\"assets\":[],"))
        #expect(relative.contains("\"sectie\":[\"een\",\"index.html\",\"twee\"]"))
        #expect(addresses(relative).contains("assets/style.css"))
    }

    /// The names the 404 page knows are those anyone may know: the public result page of the
    /// shipped site is among them, no address of an unlisted result page, preparation or
    /// preparation overview (whose code keeps it from being guessed) is.
    @Test func unlistedAddressesStayOutOfTheNotFoundPage() async throws {
        let site = try await ShippedSite.awaited()
        let html = try #require(site.pages["404.html"])
        #expect(html.contains("\"zelfevaluaties\":[\"housing-first-duinmeer-2025-03-11\",\"index.html\"]"))
        #expect(!html.contains("q8v3m1x7k2d9"))
        #expect(!html.contains("voorbereiding-"))
    }

    /// A file name of the content cannot end or upset the inline script: `<` is written as
    /// `\u003c` in its data, so the page has exactly one script, and the name is still found.
    @Test func fileNamesCannotBreakOutOfTheScript() throws {
        let project = try TestProject(files: minimalSite.merging(["<!--<script>'\"\\.png": "png"]) { $1 })
        defer { project.remove() }
        #expect(project.build().succeeded)
        let html = try project.output("404.html")
        #expect(html.components(separatedBy: "<script").count == 2 && html.components(separatedBy: "</script>").count == 2)
        #expect(html.contains("\"\\u003c!--\\u003cscript>'\\\"\\\\.png\":[]"))
    }
}
