import Diagnostics
import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The structure of content written for other generators (MkDocs, Docusaurus, Hugo, GitHub):
/// folders without a landing page, `README.md` and `index.md` landings, pages without a title,
/// other generators' front matter keys, aliases, `extra:`, `.mdx` files, and every problem of
/// a run reported at once.
@Suite("Structure of other generators' content")
struct StructureTests {
    private let home = ["_index.md": "---\ntitle: Start\n---\nWelkom.\n"]

    private func project(_ files: [String: String], config: String? = nil) throws -> TestProject {
        try TestProject(files: home.merging(files) { _, new in new }, config: config)
    }

    @Test func aFolderWithoutLandingPageGetsOneMadeFromItsName() throws {
        let project = try project([
            "_index.md": "---\ntitle: Start\n---\nZie [werk](werk-en-inkomen/) en [de baan](werk-en-inkomen/baan.md).\n",
            "werk-en-inkomen/baan.md": "---\ntitle: Een baan vinden\ndescription: Over werk zoeken.\n---\n## Kop\n",
            "werk-en-inkomen/uitkering.md": "---\ntitle: Uitkering\n---\nZie [de baan](baan.md#kop).\n",
        ], config: "title: Proefbank\nbase_url: https://example.org/kb/\n")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(project.lines(report) == [
            "content/werk-en-inkomen: note: this folder has no landing page (`_index.md`, `index.md` or `README.md`), so one was made with the title \"Werk en inkomen\" that lists its pages; add one of those files to write its text yourself",
        ])
        let landing = try project.output("werk-en-inkomen/index.html")
        #expect(landing.contains("<h1>Werk en inkomen</h1>"))
        #expect(landing.contains("<a href=\"../werk-en-inkomen/baan/index.html\">Een baan vinden</a>"), "\(landing)")
        #expect(landing.contains("<p>Over werk zoeken.</p>"))
        #expect(landing.contains("data-pagefind-body"))
        // In the main menu, the sitemap and the book like any section.
        #expect(try project.output("index.html").contains("werk-en-inkomen/index.html"))
        let sitemap = try project.output("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/kb/werk-en-inkomen/index.html</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/kb/werk-en-inkomen/baan/index.html</loc>"))
        let book = try project.output("boek/index.html")
        #expect(book.contains("Werk en inkomen") && book.contains("Een baan vinden") && book.contains("Uitkering"))
    }

    @Test func readmeAndIndexAreLandingPagesAndTheFirstOfThemWins() throws {
        let project = try project([
            "docs/README.md": "# Handleiding\n\n## Begin\n",
            "docs/stap.md": "# Stap\n\nTerug naar [de handleiding](README.md#begin), [de map](../docs/) en [index](./README.md).\n",
            "beide/_index.md": "---\ntitle: Beide\n---\n",
            "beide/index.md": "---\ntitle: Index\n---\n",
            "beide/README.md": "# Lees mij\n",
            "beide/pagina.md": "# Pagina\n\n[Lees mij](README.md) en [index](index.md).\n",
        ])
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(project.lines(report) == [
            "content/beide/README.md:1:1: warning: this folder has `_index.md` too, which is its landing page (`_index.md` comes before `index.md`, which comes before `README.md`), so this file is left out of the site and links to it lead to `_index.md`; remove it, or rename it to make it a page of its own",
            "content/beide/index.md:1:1: warning: this folder has `_index.md` too, which is its landing page (`_index.md` comes before `index.md`, which comes before `README.md`), so this file is left out of the site and links to it lead to `_index.md`; remove it, or rename it to make it a page of its own",
        ])
        #expect(try project.output("docs/index.html").contains("<h1>Handleiding</h1>"))
        let step = try project.output("docs/stap/index.html")
        #expect(step.contains("<a href=\"../index.html#begin\">de handleiding</a>, <a href=\"../index.html\">de map</a> en <a href=\"../index.html\">index</a>"), "\(step)")
        #expect(try project.output("beide/index.html").contains("<h1>Beide</h1>"))
        #expect(try project.output("beide/pagina/index.html").contains("<a href=\"../index.html\">Lees mij</a> en <a href=\"../index.html\">index</a>"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/beide/readme").path))
    }

    @Test func readmeInTheAssessmentsFolderIsItsLandingPage() {
        let rules = LoadRules(kader: "kader", assessments: "zelfevaluaties")
        #expect(!rules.isAssessment("zelfevaluaties/README.md"))
        #expect(!rules.isAssessment("zelfevaluaties/index.md"))
        #expect(rules.isAssessment("zelfevaluaties/ronde.md"))
    }

    /// A kader folder without landing page gets one made, and its missing version is asked for
    /// in the `_index.md` to write there.
    @Test func aKaderFolderWithoutLandingPageAsksForItsVersionThere() throws {
        let project = try project(["kader/gebruik.md": "# Gebruik\n"])
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains("content/kader/_index.md:1:1: error: the kader has no version; add `version: \"2025\"` to the front matter of this page"), "\(lines)")
    }

    @Test func aPageWithoutTitleIsNamedAfterItsFile() throws {
        let project = try project(["sectie/_index.md": "# Sectie\n", "sectie/mijn-pagina.md": "Alleen tekst.\n"])
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded)
        #expect(project.lines(report) == [
            "content/sectie/mijn-pagina.md:1:1: warning: this page has no title, so it is called \"Mijn pagina\" after its file name; add `title: ...` to the front matter or start the text with a `# Title` heading",
        ])
        #expect(try project.output("sectie/mijn-pagina/index.html").contains("<h1>Mijn pagina</h1>"))
    }

    @Test func otherGeneratorsOrderKeysActAsOrder() throws {
        let project = try project([
            "sectie/_index.md": "# Sectie\n",
            "sectie/a.md": "---\ntitle: Alfa\nweight: 3\n---\n",
            "sectie/b.md": "---\ntitle: Bravo\nsidebar_position: 1\n---\n",
            "sectie/c.md": "---\ntitle: Charlie\nnav_order: 2\n---\n",
            "sectie/d.md": "---\ntitle: Delta\norder: 4\nweight: 0\nsidebar_position: 4\n---\n",
        ])
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded)
        #expect(project.lines(report) == [
            "content/sectie/d.md:4:1: warning: `weight: 0` disagrees with `order: 4`, which sets the page's place; keep one of them",
        ])
        let section = try project.output("sectie/index.html")
        let places = ["Bravo", "Charlie", "Alfa", "Delta"].map { section.range(of: ">\($0)</a>")?.lowerBound }
        #expect(places.allSatisfy { $0 != nil } && places == places.sorted { $0! < $1! }, "\(section)")
    }

    @Test func aliasesGetRedirectPages() async throws {
        let project = try project([
            "sectie/_index.md": "# Sectie\n",
            "sectie/nieuw.md": "---\ntitle: Nieuw adres\naliases:\n  - /oud/pad/\n  - oude-naam\n  - ../elders.html\n---\nTekst.\n",
            // A made landing page, for the HTML checker below.
            "los/pagina.md": "# Los\n",
        ], config: "title: Proefbank\nbase_url: https://example.org/kb/\n")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(project.lines(report).allSatisfy { $0.hasPrefix("content/los: note: this folder has no landing page") }, "\(project.lines(report))")
        let redirect = try project.output("oud/pad/index.html")
        #expect(redirect.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../sectie/nieuw/index.html\">"))
        #expect(redirect.contains("<a href=\"../../sectie/nieuw/index.html\">Nieuw adres</a>"))
        #expect(redirect.contains("<html lang=\"nl\">") && redirect.contains("Deze pagina is verhuisd"))
        #expect(try project.output("sectie/oude-naam/index.html").contains("url=../nieuw/index.html\""))
        #expect(try project.output("elders.html").contains("url=sectie/nieuw/index.html\""))
        // Not in the sitemap, the book or search.
        #expect(!(try project.output("sitemap.xml")).contains("oud"))
        #expect(!(try project.output("boek/index.html")).contains("oud/pad"))
        #expect(!redirect.contains("data-pagefind-body"))
        let result = try await runValidator(on: project.root.appendingPathComponent("_site"))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aliasesThatClashOrLeaveTheSiteAreErrors() throws {
        let project = try project([
            "sectie/_index.md": "# Sectie\n",
            "sectie/een.md": "---\ntitle: Een\n---\n",
            "sectie/twee.md": "---\ntitle: Twee\naliases: [/sectie/een/, /oud/, ../../buiten/]\n---\n",
            "sectie/drie.md": "---\ntitle: Drie\naliases: [/oud/, \"/" + String(repeating: "x", count: 300) + "/\"]\n---\n",
        ])
        defer { project.remove() }
        let report = project.build()
        #expect(!report.succeeded)
        #expect(project.lines(report) == [
            "content/sectie/drie.md:3:1: error: the alias `/oud/` would be written to `oud/index.html`, where the alias `/oud/` of `content/sectie/twee.md` is written too; remove this alias or write another address",
            "content/sectie/drie.md:3:18: error: the alias `/" + String(repeating: "x", count: 300) + "/` has a name of 300 bytes, more than the 255 a file name may have; shorten it",
            "content/sectie/twee.md:3:1: error: the alias `/oud/` would be written to `oud/index.html`, where the alias `/oud/` of `content/sectie/drie.md` is written too; remove this alias or write another address",
            "content/sectie/twee.md:3:1: error: the alias `/sectie/een/` would be written to `sectie/een/index.html`, where the page `content/sectie/een.md` is written too; remove this alias or write another address",
            "content/sectie/twee.md:3:32: error: the alias `../../buiten/` leads outside the site (above its root folder); write it from the site root, such as `/oud/adres/`",
        ])
        #expect(project.check().diagnostics.errors.count == 5)
    }

    @Test func unknownKeysAreToldOncePerKey() throws {
        var files: [String: String] = ["sectie/_index.md": "# Sectie\n"]
        for name in ["a", "b", "c"] {
            files["sectie/\(name).md"] = "---\ntitle: \(name)\nkleur: rood\nsidebar_label: \(name)\n---\n"
        }
        files["sectie/d.md"] = "---\ntitle: d\ndescripton: x\n---\n"
        let project = try project(files)
        defer { project.remove() }
        let report = project.check()
        #expect(report.succeeded)
        #expect(project.lines(report) == [
            "content/sectie/a.md:3:1: warning: unknown front matter key `kleur` is ignored (this page and 2 other pages use it); known keys are `title`, `description`, `order`, `draft`, `tags`, `slug`, `part`, `version`, `principle`, `updated`, `news`, `date`, `aliases`, `extra`, `weight`, `sidebar_position`, `nav_order`",
            "content/sectie/a.md:4:1: warning: Docusaurus' `sidebar_label` is not used: the menu shows the page's `title`; the key is ignored (this page and 2 other pages use it)",
            "content/sectie/d.md:3:1: warning: unknown front matter key `descripton` is ignored; did you mean `description`?",
        ])
    }

    @Test func extraIsPassedToTemplatesTypedAndEscaped() throws {
        let project = try project([
            "sectie/_index.md": "# Sectie\n",
            "sectie/een.md": "---\ntitle: Een\nextra:\n  regio: Utrecht\n  nieuw: true\n  oud: false\n  contact:\n    naam: \"<b>Jan</b>\"\n  links: [eerste, tweede]\n---\n",
        ])
        defer { project.remove() }
        let page = try String(contentsOf: project.root.appendingPathComponent("templates/page.mustache"), encoding: .utf8)
        try project.write(page.replacingOccurrences(of: "<div class=\"prose\">", with: """
            <p id="extra">{{page.extra.regio}}|{{#page.extra.nieuw}}nieuw{{/page.extra.nieuw}}|{{#page.extra.oud}}oud{{/page.extra.oud}}|{{page.extra.contact.naam}}|{{#page.extra.links}}[{{.}}]{{/page.extra.links}}|{{page.extra.ontbreekt}}</p>
            <div class="prose">
            """), to: "templates/page.mustache")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(try project.output("sectie/een/index.html").contains("<p id=\"extra\">Utrecht|nieuw||&lt;b&gt;Jan&lt;/b&gt;|[eerste][tweede]|</p>"))
        // A page without `extra` shows nothing there.
        try project.write("---\ntitle: Een\n---\n", to: "content/sectie/een.md")
        #expect(project.build().succeeded)
        #expect(try project.output("sectie/een/index.html").contains("<p id=\"extra\">|||||</p>"))
    }

    @Test func extraDeeperThanTemplatesCanUseIsAnError() throws {
        let nested = (0..<25).map { String(repeating: "  ", count: $0 + 1) + "a:\n" }.joined() + String(repeating: "  ", count: 26) + "b: 1\n"
        let project = try project(["sectie/_index.md": "# Sectie\n", "sectie/een.md": "---\ntitle: Een\nextra:\n" + nested + "---\n"])
        defer { project.remove() }
        let report = project.check()
        #expect(project.lines(report) == ["content/sectie/een.md:24:43: error: `extra` nests deeper than the 20 levels a template can use; flatten it"])
    }

    @Test func titlesFromNames() {
        #expect(ContentPath.title(fromName: "werk-en-inkomen") == "Werk en inkomen")
        #expect(ContentPath.title(fromName: "mijn_pagina.md") == "Mijn pagina")
        #expect(ContentPath.title(fromName: "één-vraag.md") == "Één vraag")
        #expect(ContentPath.title(fromName: "-.md") == "-")
    }

    @Test func mdxFilesAreSkippedWithAWarning() throws {
        let project = try project(["sectie/_index.md": "# Sectie\n", "sectie/demo.mdx": "import X from './x';\n\n# Demo\n"])
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded)
        #expect(project.lines(report) == [
            "content/sectie/demo.mdx: warning: MDX files are skipped: they hold JSX, which needs a JavaScript build; remove the JSX (`import` lines and `<Component>` tags) and rename the file to `.md`",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/sectie/demo.mdx").path))
    }

    /// A structural problem no longer hides the link and anchor problems of other pages: bad
    /// YAML in one page, a broken link in another, a missing anchor in a third, two pages on one
    /// address and a folder without landing page, all in one run, and `check` and `build` the same.
    @Test func everyProblemIsReportedInOneRun() throws {
        let project = try project([
            "sectie/_index.md": "# Sectie\n",
            "sectie/kapot.md": "---\ntitle: [open\n---\nTekst\n",
            "sectie/link.md": "---\ntitle: Link\n---\nZie [weg](weg.md).\n",
            "sectie/anker.md": "---\ntitle: Anker\n---\nZie [kop](link.md#geen-kop).\n",
            "sectie/dubbel.md": "---\ntitle: Dubbel\nslug: link\n---\n",
            "los/pagina.md": "---\ntitle: Los\n---\nZie [anker](../sectie/anker.md#niets).\n",
        ])
        defer { project.remove() }
        let expected = [
            "content/los: note: this folder has no landing page (`_index.md`, `index.md` or `README.md`), so one was made with the title \"Los\" that lists its pages; add one of those files to write its text yourself",
            "content/los/pagina.md:4:5: error: broken anchor: `sectie/anker.md` has no heading with the anchor `#niets` (in `../sectie/anker.md#niets`); that page has no headings",
            "content/sectie/anker.md:4:5: error: broken anchor: `sectie/link.md` has no heading with the anchor `#geen-kop` (in `link.md#geen-kop`); that page has no headings",
            "content/sectie/dubbel.md:1:1: error: this page and `sectie/link.md` would both be written to `sectie/link/index.html`; give one of them another file name or `slug`",
            "content/sectie/kapot.md:3:1: error: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence); check the indentation, the `key: value` form, and quote values that contain a colon",
            "content/sectie/link.md:1:1: error: this page and `sectie/dubbel.md` would both be written to `sectie/link/index.html`; give one of them another file name or `slug`",
            "content/sectie/link.md:4:5: error: broken link: `weg.md` does not exist (looked for `sectie/weg.md` in the content folder); did you mean `anker.md`?",
        ]
        let checked = project.check()
        #expect(project.lines(checked) == expected)
        #expect(checked.checkedSummary == "checked 8 pages: 6 errors, 0 warnings")
        let built = project.build()
        #expect(project.lines(built) == expected)
        #expect(built.checkedSummary == "checked 8 pages: 6 errors, 0 warnings")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site").path))
    }

    /// An output folder the build refuses no longer hides the content's problems.
    @Test func aRefusedOutputFolderStillReportsTheContentsProblems() throws {
        let project = try project(["sectie/_index.md": "# Sectie\n", "sectie/een.md": "# Een\n\n[x](weg.md)\n"])
        defer { project.remove() }
        try project.write("van mij\n", to: "_site/notitie.txt")
        let report = project.build()
        let lines = project.lines(report)
        #expect(lines.contains { $0.hasPrefix("_site: error: this folder holds files that the generator did not write") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/sectie/een.md:3:1: error: broken link: `weg.md` does not exist") }, "\(lines)")
        #expect(try project.output("notitie.txt") == "van mij\n")
    }

    @Test func checkSummaryCountsPagesErrorsAndWarnings() {
        var report = BuildReport()
        report.pages = 1
        report.diagnostics.append(.warning("w", file: "f"))
        #expect(report.checkedSummary == "checked 1 page: 0 errors, 1 warning")
        report.pages = 57
        report.diagnostics.append(.error("e", file: "f"))
        report.diagnostics.append(.error("e2", file: "f"))
        #expect(report.checkedSummary == "checked 57 pages: 2 errors, 1 warning")
    }
}
