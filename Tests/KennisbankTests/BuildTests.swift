import Diagnostics
import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Building a site")
struct BuildTests {
    @Test func buildsPagesAssetsAndNotFoundPage() throws {
        var files = minimalSite
        files["sectie/een.md"]! += "\n![Foto](foto.png)\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        try project.write("PNG", to: "content/sectie/foto.png")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(report.pages == 4 && report.assets == 1)
        let written = filesBelow(project.root.appendingPathComponent("_site")).keys.sorted()
        #expect(written == [".kennisbank-output", "404.html", "assets/book.css", "assets/favicon.svg", "assets/form.css", "assets/invullen.css", "assets/invullen.js",
                            "assets/kb-assessment-file.js", "assets/kb-bundle.js", "assets/kb-dom.js", "assets/kb-field-checks.js", "assets/kb-fill-data.js", "assets/kb-format-lines.js",
                            "assets/kb-invitation.js", "assets/kb-result-page.js", "assets/kb-result-summary.js", "assets/kb-result-view.js",
                            "assets/kb-session-start.js", "assets/kb-suggestion-controls.js", "assets/kb-suggestions.js", "assets/style.css", "assets/zoeken.js", "boek/index.html", "index.html", "robots.txt", "sectie/een/index.html", "sectie/foto.png",
                            "sectie/index.html", "sectie/twee/index.html"])
        let een = try project.output("sectie/een/index.html")
        #expect(een.contains("<img src=\"../foto.png\" alt=\"Foto\" />"))
        let twee = try project.output("sectie/twee/index.html")
        #expect(twee.contains("href=\"../een/index.html#kop-twee\""))
    }

    @Test func oneCharacterNamesBuildAndCheckReportsWhatBuildReports() throws {
        // `("a" as NSString).deletingLastPathComponent` crashes on this platform; a page named
        // `a.md`, a folder `q` and `slug: x` once made the build crash while `check` passed.
        let project = try TestProject(files: [
            "_index.md": "---\ntitle: Start\n---\n[A](a.md) [Q](q/_index.md) [X](q/b.md) [Kapot](q/c.md)\n",
            "a.md": "# A\n",
            "q/_index.md": "# Q\n",
            "q/b.md": "---\ntitle: B\nslug: x\n---\nTekst.\n",
        ])
        defer { project.remove() }
        let checked = project.check()
        let built = project.build()
        #expect(project.lines(built) == project.lines(checked))
        #expect(project.lines(built) == [
            "content/_index.md:4:40: error: broken link: `q/c.md` does not exist (looked for `q/c.md` in the content folder); did you mean `q/b.md`?",
        ])
        try project.write("# Start\n\n[A](a.md) [X](q/b.md)\n", to: "content/_index.md")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(try project.output("a/index.html").contains("<h1>A</h1>"))
        #expect(try project.output("q/x/index.html").contains("<h1>B</h1>"))
        #expect(try project.output("index.html").contains("href=\"q/x/index.html\""))
    }

    @Test func headingsNeverTakeAnIdTheTemplatesUse() throws {
        var files = minimalSite
        files["sectie/een.md"] = "---\ntitle: Een\n---\n## KB zoekveld\n\n## Nieuw\n\n## KB inhoud\n\n## Kop twee\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        // An id added to an edited template is reserved as well: the ids come from the templates.
        let page = try String(contentsOf: project.root.appendingPathComponent("templates/page.mustache"), encoding: .utf8)
        try project.write(page.replacingOccurrences(of: "{{{body}}}", with: "<div id=\"nieuw\">{{{body}}}</div>"),
                          to: "templates/page.mustache")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let html = try project.output("sectie/een/index.html")
        // No heading's id starts with the generator's `kb-` (issue 17).
        for id in ["kop-kb-zoekveld", "nieuw-1", "kop-kb-inhoud"] { #expect(html.contains("<h2 id=\"\(id)\">"), "\(id)") }
        #expect(attributeValues("id", in: html).count == Set(attributeValues("id", in: html)).count)
    }

    @Test func titlesAndDescriptionsAreEscaped() throws {
        var files = minimalSite
        files["sectie/een.md"] = "---\ntitle: \"<script>alert(1)</script> & \\\"quote\\\"\"\ndescription: \"\\\" onmouseover=\\\"x\"\n---\n## Kop twee\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let een = try project.output("sectie/een/index.html")
        #expect(!een.contains("<script>"))
        #expect(een.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quote&quot;</h1>"))
        #expect(een.contains("<meta name=\"description\" content=\"&quot; onmouseover=&quot;x\">"))
        // Sidebar, breadcrumbs and pager of the other pages escape the title too.
        let twee = try project.output("sectie/twee/index.html")
        #expect(!twee.contains("<script>"))
    }

    @Test func rawHTMLNeedsTheConfigSwitch() throws {
        var files = minimalSite
        files["sectie/een.md"]! += "\n<div class=\"kader\">vertrouwd</div>\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        #expect(!(try project.output("sectie/een/index.html")).contains("<div class=\"kader\">"))
        try project.write("raw_html: true\n", to: "kennisbank.yml")
        #expect(project.build().succeeded)
        #expect(try project.output("sectie/een/index.html").contains("<div class=\"kader\">vertrouwd</div>"))
    }

    @Test func badInputIsReportedAllAtOnce() throws {
        var files = minimalSite
        files["sectie/geen-titel.md"] = "Tekst zonder kop.\n"
        files["sectie/kapotte-yaml.md"] = "---\ntitle: [open\n---\n"
        files["sectie/links.md"] = "---\ntitle: Links\n---\nEen [kapotte link](bestaat-niet.md).\n\nEen [kapot anker](een.md#bestaat-niet).\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        // A link to a file that cannot be read (a dangling symbolic link).
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("content/sectie/weg.md").path,
                                                   withDestinationPath: project.root.appendingPathComponent("content/sectie/verdwenen.md").path)
        let report = project.build()
        #expect(!report.succeeded)
        let lines = project.lines(report)
        #expect(lines.contains("content/sectie/geen-titel.md:1:1: warning: this page has no title, so it is called \"Geen titel\" after its file name; add `title: ...` to the front matter or start the text with a `# Title` heading"))
        #expect(lines.contains { $0.hasPrefix("content/sectie/kapotte-yaml.md:3:1: error: malformed YAML") })
        #expect(lines.contains("content/sectie/links.md:4:5: error: broken link: `bestaat-niet.md` does not exist (looked for `sectie/bestaat-niet.md` in the content folder); link to the `.md` file of a page, relative to this file"))
        #expect(lines.contains("content/sectie/links.md:6:5: error: broken anchor: `sectie/een.md` has no heading with the anchor `#bestaat-niet` (in `een.md#bestaat-niet`); its anchors are `#kop-een`, `#kop-twee`"))
        #expect(lines.contains("content/sectie/weg.md: error: this symbolic link leads to `content/sectie/verdwenen.md`, which does not exist; correct the link or remove it"))
        #expect(report.diagnostics.errors.count == 4)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site").path))
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let site = project.root.appendingPathComponent("_site")
        let before = filesBelow(site)
        try project.write("---\ntitle: Twee\n---\n[weg](nergens.md)\n", to: "content/sectie/twee.md")
        try project.write("---\ntitle: Nieuw\n---\nNieuw\n", to: "content/sectie/nieuw.md")
        let report = project.build()
        #expect(!report.succeeded)
        #expect(!report.wroteOutput)
        #expect(filesBelow(site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix("._site") }
        #expect(leftovers.isEmpty)
    }

    @Test func checkWritesNothing() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let report = project.check()
        #expect(report.succeeded)
        #expect(report.pages == 4)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site").path))
    }

    @Test func refusesAnOutputFolderThatHoldsTheSources() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        var options = project.options
        options.output = project.root.path
        let report = SiteBuilder.build(options)
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.first?.message.contains("contains the project's own files") == true)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/_index.md").path))
    }

    @Test func buildsAreDeterministic() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let first = filesBelow(project.root.appendingPathComponent("_site"))
        #expect(project.build().succeeded)
        #expect(filesBelow(project.root.appendingPathComponent("_site")) == first)
    }

    /// A rebuild writes only what changed: an unchanged output keeps its file (same inode,
    /// same modification time), a changed one is new. Deploy tools that compare times rely on it.
    @Test func rebuildsKeepUnchangedOutputFiles() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: project.root.appendingPathComponent("_site/\(path)").path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let before = try (inode("sectie/een/index.html"), inode("sectie/twee/index.html"), inode("assets/style.css"))
        try project.write(minimalSite["sectie/twee.md"]! + "\nNieuwe alinea.\n", to: "content/sectie/twee.md")
        #expect(project.build().succeeded)
        #expect(try inode("sectie/een/index.html") == before.0)
        #expect(try inode("assets/style.css") == before.2)
        #expect(try inode("sectie/twee/index.html") != before.1)
        #expect(try project.output("sectie/twee/index.html").contains("Nieuwe alinea."))
        // The book changed with it; unchanged or not, it is whole.
        #expect(try project.output(Book.url).contains("Nieuwe alinea."))
        // A page taken out of the content is gone from the output, the output a build replaced
        // is kept beside it for the next build to reuse, and no staging folder is left.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/sectie/een.md"))
        try project.write("---\ntitle: Twee\norder: 2\n---\nTekst.\n", to: "content/sectie/twee.md")
        #expect(project.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/sectie/een").path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
        #expect(beside.sorted() == ["._site.previous", "_site", "content", "templates"])
        // The next build reuses that folder: what it does not write (the page taken out two
        // builds ago) is removed, a file where a folder is needed and the other way round are
        // replaced, and the live output's files, hard-linked into it, are never written through.
        let previous = project.root.appendingPathComponent("._site.previous")
        #expect(FileManager.default.fileExists(atPath: previous.appendingPathComponent("sectie/een/index.html").path))
        try FileManager.default.removeItem(at: previous.appendingPathComponent("sectie/twee"))
        try "oud".write(to: previous.appendingPathComponent("sectie/twee"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: previous.appendingPathComponent("404.html"))
        try FileManager.default.createDirectory(at: previous.appendingPathComponent("404.html/map"), withIntermediateDirectories: true)
        try "oud".write(to: previous.appendingPathComponent("bestanden"), atomically: false, encoding: .utf8)
        try project.write("lijst", to: "content/bestanden/lijst.txt")
        let live = try project.output("sectie/twee/index.html")
        try project.write("---\ntitle: Twee\norder: 2\n---\nAnders.\n", to: "content/sectie/twee.md")
        #expect(project.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/sectie/een").path))
        #expect(try project.output("sectie/twee/index.html").contains("Anders."))
        #expect(try project.output("404.html").contains("<html"))
        #expect(try String(contentsOf: previous.appendingPathComponent("sectie/twee/index.html"), encoding: .utf8) == live)
        let site = filesBelow(project.root.appendingPathComponent("_site"))
        #expect(try project.output("bestanden/lijst.txt") == "lijst")
        let fresh = try TestProject(files: minimalSite.merging(["sectie/twee.md": "---\ntitle: Twee\norder: 2\n---\nAnders.\n",
                                                               "bestanden/lijst.txt": "lijst"]) { $1 })
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.root.appendingPathComponent("content/sectie/een.md"))
        #expect(fresh.build().succeeded)
        #expect(site == filesBelow(fresh.root.appendingPathComponent("_site")), "a build into a reused folder differs from a fresh one")
    }

    /// A section of more than 100 pages shows 100 of them around the page itself and a link to
    /// the whole list, so a page does not grow with its section.
    @Test func longSectionsShowAWindowInTheSidebar() throws {
        var files = minimalSite
        for number in 1...130 {
            files[String(format: "lang/pagina-%03d.md", number)] = "---\ntitle: Pagina \(number)\norder: \(number)\n---\nTekst.\n"
        }
        files["lang/_index.md"] = "# Lang\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        func sidebar(_ path: String) throws -> String {
            let html = try project.output(path)
            let start = try #require(html.range(of: "<nav class=\"sidebar\""))
            let end = try #require(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
            return String(html[start.lowerBound..<end.upperBound])
        }
        let middle = try sidebar("lang/pagina-070/index.html")
        #expect(middle.components(separatedBy: "<li>").count - 1 == 101)
        #expect(middle.contains("<a href=\"../../lang/pagina-070/index.html\" aria-current=\"page\">Pagina 70</a>"))
        #expect(middle.contains(">Pagina 20<") && middle.contains(">Pagina 119<"))
        #expect(!middle.contains(">Pagina 19<") && !middle.contains(">Pagina 120<"))
        #expect(middle.contains("<a href=\"../../lang/index.html\">Alle 130 pagina&#39;s van Lang</a>"))
        let last = try sidebar("lang/pagina-130/index.html")
        #expect(last.contains(">Pagina 31<") && last.contains("aria-current=\"page\">Pagina 130</a>"))
        let short = try sidebar("sectie/een/index.html")
        #expect(!short.contains("Alle "))
    }
}
