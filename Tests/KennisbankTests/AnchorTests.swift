import Foundation
import Testing
import Diagnostics
import Kennisbank
import KennisbankLoad
import KennisbankMarkdown
import KennisbankModel
import KennisbankRender
import SiteFormats
import Basics

/// The anchors of `text`'s headings as the site writes them.
private func anchors(_ text: String) -> [Heading] {
    let document = MarkdownDocument(text)
    _ = document.takeExplicitHeadingIDs()
    return document.assignHeadingAnchors()
}

/// Heading anchors as GitHub makes them (issue 17), `{#id}`, the anchors of other generators,
/// and links written from the content folder's root.
@Suite("Heading anchors and links")
struct AnchorTests {
    // MARK: GitHub's anchors

    /// Each expected value is written out from GitHub's rule (github-slugger): lower case, every
    /// character that is not a letter, mark, decimal or letter number, `_`, `-` or space removed,
    /// each space a hyphen, no collapsing or trimming; repeats get `-1`, `-2` ...
    @Test(arguments: [
        ("Één vraag: wat?", "één-vraag-wat"),
        ("Crème brûlée", "crème-brûlée"),
        ("a_b.c", "a_bc"),
        ("Versie 2.0 (2025)", "versie-20-2025"),
        ("Stap 1 & 2", "stap-1--2"),
        ("Wonen: regie & keuze", "wonen-regie--keuze"),
        ("Wonen -- en zorg", "wonen----en-zorg"),
        ("Wat \"werkt\" niet -- en waarom...", "wat-werkt-niet----en-waarom"),
        ("De thema's", "de-themas"),
        ("😄 Emoji vooraan", "-emoji-vooraan"),
        ("Samen 👩‍💻 werken", "samen--werken"),
        ("Ⓐ en ½", "ⓐ-en-"),
        ("Één_twee", "één_twee"),
        ("De `code` in een kop", "de-code-in-een-kop"),
        ("Een [link](x.md) en *nadruk*", "een-link-en-nadruk"),
        ("Logo ![een beeld](logo.png)", "logo-"),
        ("   Ruimte rondom   ", "ruimte-rondom"),
        ("&#x20;Spatie vooraan", "-spatie-vooraan"),
        ("Euro € 12,50 – € 20", "euro--1250---20"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
        ("Niet\u{00A0}breekbaar", "nietbreekbaar"),
        ("P1.05 Verspreid wonen, hoogstens 20% per gebouw", "p105-verspreid-wonen-hoogstens-20-per-gebouw"),
    ])
    func headingAnchorsAreGitHubs(heading: String, expected: String) {
        let found = anchors("## \(heading)\n")
        #expect(found.map(\.id) == [expected], "\(heading)")
        #expect(found.map(\.githubID) == [expected], "\(heading)")
    }

    @Test func repeatsAreNumberedAsGitHubDoes() {
        let text = ["Kop", "Kop", "Kop 1", "Kop-1", "Kop", "?!", "...", "Echo"].map { "## \($0)\n\n" }.joined()
        // A heading of signs alone has no anchor on GitHub (``); the site writes `kop` for it,
        // as an id may not be empty, and counts on.
        #expect(anchors(text).map(\.id) == ["kop", "kop-1", "kop-1-1", "kop-1-2", "kop-2", "kop-3", "kop-4", "echo"])
        #expect(anchors(text).map(\.githubID) == ["kop", "kop-1", "kop-1-1", "kop-1-2", "kop-2", "", "-1", "echo"])
        // The title heading, taken out of the body, counts too (GitHub shows it).
        let document = MarkdownDocument("# Aanpak\n\n## Aanpak\n")
        _ = document.takeTitleHeading()
        #expect(document.assignHeadingAnchors().map(\.id) == ["aanpak-1"])
    }

    @Test func headingsNeverTakeTheGeneratorsPrefix() {
        let found = anchors("## kb-inhoud\n\n## KB toc\n")
        // `KB toc` gives `kb-toc` as well (lower case first), so it gets `kop-` too.
        #expect(found.map(\.id) == ["kop-kb-inhoud", "kop-kb-toc"])
        #expect(found.map(\.githubID) == ["kb-inhoud", "kb-toc"])
    }

    @Test func idsAreEscapedInTheHeadingTags() {
        let document = MarkdownDocument("## Één vraag\n\n## Ander\n")
        // A quote followed by a combining mark is one Character, and must still be escaped.
        let hostile = "a\"\u{301} onfocus=x '<b>&"
        let escaped = "<h2 id=\"a&quot;\u{301} onfocus=x &#39;&lt;b&gt;&amp;\">"
        let raw = "\"\u{301} onfocus"
        document.assignHeadingAnchors { _, text in text == "Ander" ? hostile : nil }
        let html = document.renderHTML()
        #expect(html.contains("<h2 id=\"één-vraag\">"))
        #expect(html.contains(escaped))
        #expect(!html.contains(raw))
    }

    // MARK: {#id}

    @Test func explicitIDsSetTheAnchorAndAreNotShown() {
        let text = """
            ## Titel {#eigen-id}

            ## Met -- streep {#a--b} ##

            Onderstreept {#onder.streept}
            -----------------------------

            ## Ontsnapt \\{#niet}

            ## Code `{#ook-niet}`

            ## *Nadruk* {#nadruk}

            ## *Nadruk* en tekst {#en-tekst}

            ## Titel

            """
        let document = MarkdownDocument(text)
        #expect(document.takeExplicitHeadingIDs().isEmpty)
        let headings = document.assignHeadingAnchors()
        #expect(headings.map(\.id) == ["eigen-id", "a--b", "onder.streept", "ontsnapt-niet", "code-ook-niet", "nadruk", "en-tekst", "titel"])
        #expect(headings.map(\.text) == ["Titel", "Met – streep", "Onderstreept", "Ontsnapt {#niet}", "Code {#ook-niet}", "Nadruk", "Nadruk en tekst", "Titel"])
        // On GitHub, `{#id}` is text: its anchor is still found.
        #expect(headings.map(\.githubID) == ["titel-eigen-id", "met----streep-a--b", "onderstreept-onderstreept", "ontsnapt-niet",
                                             "code-ook-niet", "nadruk-nadruk", "nadruk-en-tekst-en-tekst", "titel"])
        let html = document.renderHTML()
        #expect(html.contains("<h2 id=\"eigen-id\">\nTitel\n</h2>"))
        #expect(html.contains("<h2 id=\"nadruk\">\n<em>Nadruk</em>\n</h2>"))
        #expect(html.contains("<h2 id=\"en-tekst\">\n<em>Nadruk</em> en tekst\n</h2>"))
        #expect(!html.contains("{#eigen-id}") && html.contains("{#niet}"))
    }

    @Test func invalidAndRepeatedExplicitIDsAreErrors() throws {
        let project = try TestProject(files: minimalSite.merging([
            "sectie/drie.md": "---\ntitle: Drie\n---\n## A {#kb-eigen}\n\n## B {#met spatie}\n\n## C {#a\"b}\n\n## D {#dubbel}\n\n## E {#dubbel}\n\n## F {#}\n",
        ]) { $1 })
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.filter { $0.contains("heading id") } == [
            "content/sectie/drie.md:4:6: error: the heading id `{#kb-eigen}` starts with `kb-`, which is kept for the ids the generator writes itself; choose another id",
            "content/sectie/drie.md:6:6: error: the heading id `{#met spatie}` is not valid: an id may hold only letters, digits, `-`, `_` and `.` (no spaces, quotes or other signs); write it such as `{#eigen-id}`",
            "content/sectie/drie.md:8:6: error: the heading id `{#a\"b}` is not valid: an id may hold only letters, digits, `-`, `_` and `.` (no spaces, quotes or other signs); write it such as `{#eigen-id}`",
            "content/sectie/drie.md:12:6: error: the heading id `{#dubbel}` is given twice in this file (first at line 10); give each heading its own id",
            "content/sectie/drie.md:14:6: error: the heading id `{#}` is empty; write the id after the `#`, such as `{#eigen-id}`",
        ])
    }

    // MARK: Links with anchors

    @Test func linksWithGitHubsAndOtherGeneratorsAnchors() throws {
        let project = try TestProject(files: minimalSite.merging([
            "sectie/een.md": "---\ntitle: Een\norder: 1\n---\n## Één vraag: wat?\n\n## Kop\n\n## Kop\n\n## Titel {#eigen}\n",
            "sectie/twee.md": """
                ---
                title: Twee
                order: 2
                ---
                [a](een.md#één-vraag-wat) [b](een.md#%C3%A9%C3%A9n-vraag-wat) [c](een.md#kop-1) [d](een.md#eigen)
                [e](een.md#titel-eigen)
                [f](een.md#een-vraag-wat)
                [g](een.md#kop-2)
                [h](een.md#kop_1)
                [i](een.md#één-vraag-watt)

                """,
        ]) { $1 })
        defer { project.remove() }
        let lines = project.lines(project.build())
        #expect(lines == [
            "content/sectie/twee.md:7:1: warning: the anchor `#een-vraag-wat` (in `een.md#een-vraag-wat`) is the ASCII-folded form other generators write; GitHub and this site write `#één-vraag-wat`, so write `een.md#één-vraag-wat`",
            "content/sectie/twee.md:8:1: warning: the anchor `#kop-2` (in `een.md#kop-2`) is the ASCII-folded form other generators write; GitHub and this site write `#kop-1`, so write `een.md#kop-1`",
            "content/sectie/twee.md:9:1: warning: the anchor `#kop_1` (in `een.md#kop_1`) is the ASCII-folded form other generators write; GitHub and this site write `#kop-1`, so write `een.md#kop-1`",
            "content/sectie/twee.md:10:1: error: broken anchor: `sectie/een.md` has no heading with the anchor `#één-vraag-watt` (in `een.md#één-vraag-watt`); did you mean `#één-vraag-wat`?",
        ])
        // Without the broken link, the page is written with every link to the heading's id.
        try project.write(String(try String(contentsOf: project.root.appendingPathComponent("content/sectie/twee.md"), encoding: .utf8)
            .replacingOccurrences(of: "[i](een.md#één-vraag-watt)", with: "")), to: "content/sectie/twee.md")
        #expect(project.build().succeeded)
        let twee = try project.output("sectie/twee/index.html")
        let href = "../een/index.html#%C3%A9%C3%A9n-vraag-wat"
        #expect(attributeValues("href", in: twee).filter { $0.hasPrefix("../een/index.html#") } == [
            href, href, "../een/index.html#kop-1", "../een/index.html#eigen", "../een/index.html#eigen", href,
            "../een/index.html#kop-1", "../een/index.html#kop-1",
        ])
        let een = try project.output("sectie/een/index.html")
        #expect(een.contains("<h2 id=\"één-vraag-wat\">") && een.contains("<h2 id=\"kop-1\">") && een.contains("<h2 id=\"eigen\">\nTitel\n</h2>"))
        // The table of contents links to the same ids, and the book prefixes them.
        #expect(een.contains("href=\"#één-vraag-wat\""))
        let book = try project.output("boek/index.html")
        #expect(book.contains("id=\"sectie-een--één-vraag-wat\"") && book.contains("href=\"#sectie-een--kop-1\""))
    }

    /// The kader's indicator anchors stay (`#p1-05`); GitHub's anchor of the same heading leads
    /// there too, and suggestions are anchors that also work on GitHub.
    @Test func indicatorAnchorsAndGitHubsFormOfThem() throws {
        let rules = LoadRules(kader: "kader")
        let part = "---\ntitle: Wonen\npart: P1\norder: 1\n---\n## Groep\n\n### P1.05 Verspreid wonen, hoogstens 20% per gebouw\n\nTekst.\n"
        let (source, _) = SourceLoader.parse(part, path: "kader/p1.md", displayPath: "content/kader/p1.md", folders: rules)
        let headings = try #require(source?.headings)
        #expect(headings.map(\.id) == ["groep", "p1-05"])
        #expect(headings.map(\.githubID) == ["groep", "p105-verspreid-wonen-hoogstens-20-per-gebouw"])
        // MkDocs gives it GitHub's anchor here; older Kennisbank versions gave it `p1-05` too.
        #expect(headings.map(\.foldedIDs) == [[], []])

        var diagnostics = DiagnosticList()
        func entry(_ path: String) -> SiteTree.Entry {
            var matter = FrontMatter()
            matter.title = path
            return SiteTree.Entry(source: path, displayPath: "content/" + path, frontMatter: matter, bodyTitle: nil)
        }
        let tree = SiteTree.build(entries: [entry("_index.md"), entry("kader/_index.md"), entry("kader/p1.md")],
                                  config: SiteConfig(), configPath: "k.yml", displayRoot: "content", diagnostics: &diagnostics)
        let anchors = PageAnchors(ids: headings.map(\.id), github: headings.map(\.githubID))
        let locator = LinkLocator(tree: tree, anchors: ["kader/p1.md": anchors, "_index.md": PageAnchors(ids: []),
                                                        "kader/_index.md": PageAnchors(ids: [])],
                                  assets: [], reservedIDs: [])
        let home = try #require(tree.pageBySource["_index.md"])
        #expect(locator.resolve("kader/p1.md#p1-05", from: home) == .rewrite("kader/p1/index.html#p1-05"))
        #expect(locator.resolve("kader/p1.md#p105-verspreid-wonen-hoogstens-20-per-gebouw", from: home) == .rewrite("kader/p1/index.html#p1-05"))
        #expect(locator.resolve("kader/p1.md#p105-verspreid-wonen-hoogstens-20-per-gebouww", from: home) == .failure(
            "broken anchor: `kader/p1.md` has no heading with the anchor `#p105-verspreid-wonen-hoogstens-20-per-gebouww` (in `kader/p1.md#p105-verspreid-wonen-hoogstens-20-per-gebouww`); did you mean `#p105-verspreid-wonen-hoogstens-20-per-gebouw`?"))
        #expect(locator.resolve("kader/p1.md#nergens", from: home) == .failure(
            "broken anchor: `kader/p1.md` has no heading with the anchor `#nergens` (in `kader/p1.md#nergens`); its anchors are `#groep`, `#p105-verspreid-wonen-hoogstens-20-per-gebouw`"))
    }

    // MARK: Root-absolute links

    @Test func rootAbsoluteLinksAreReadFromTheContentFolder() throws {
        let project = try TestProject(files: minimalSite.merging([
            "sectie/drie.md": """
                ---
                title: Drie
                ---
                [a](/sectie/een.md#kop-twee)
                [b](/sectie/een/)
                [c](/sectie)
                [d](/sectie/eenn.md)
                [e](/nergens/te/vinden.md)
                [f](/)

                """,
        ]) { $1 })
        defer { project.remove() }
        #expect(project.lines(project.check()) == [
            "content/sectie/drie.md:4:1: warning: link `/sectie/een.md#kop-twee` is a root-absolute path, which breaks when the site is opened from a folder or a subpath; it was read from the content folder as `een.md#kop-twee`: write that instead",
            "content/sectie/drie.md:5:1: warning: link `/sectie/een/` is a root-absolute path, which breaks when the site is opened from a folder or a subpath; it was read from the content folder as `een.md`: write that instead",
            "content/sectie/drie.md:6:1: warning: link `/sectie` is a root-absolute path, which breaks when the site is opened from a folder or a subpath; it was read from the content folder as `../sectie`: write that instead",
            "content/sectie/drie.md:7:1: error: broken link: `/sectie/eenn.md` is a root-absolute path, and nothing is at `sectie/eenn.md` in the content folder; did you mean `een.md`? Write links relative to this file",
            "content/sectie/drie.md:8:1: error: broken link: `/nergens/te/vinden.md` is a root-absolute path, and nothing is at `nergens/te/vinden.md` in the content folder; link to the `.md` file of a page, relative to this file",
            "content/sectie/drie.md:9:1: warning: link `/` is a root-absolute path, which breaks when the site is opened from a folder or a subpath; it was read from the content folder as `../_index.md`: write that instead",
        ])
        try project.write("---\ntitle: Drie\n---\n[a](/sectie/een.md#kop-twee) [b](/sectie/een/) [c](/sectie) [f](/)\n", to: "content/sectie/drie.md")
        #expect(project.build().succeeded)
        #expect(try project.output("sectie/drie/index.html").contains(
            "<p><a href=\"../een/index.html#kop-twee\">a</a> <a href=\"../een/index.html\">b</a> <a href=\"../index.html\">c</a> <a href=\"../../index.html\">f</a></p>"))
    }

    // MARK: Ids of the generator

    @Test func bookIDsOfAFolderNamedKbStayClearOfTheGeneratorsIDs() throws {
        let project = try TestProject(files: minimalSite.merging([
            "kb/_index.md": "# KB\n\n## kb-x\n", "kb/boek-inhoud.md": "# Boek\n\n## Inhoud\n",
        ]) { $1 })
        defer { project.remove() }
        #expect(project.build().succeeded)
        let book = try project.output("boek/index.html")
        #expect(book.contains("id=\"kb--kop-kb-x\"") && book.contains("id=\"pagina-kb-boek-inhoud\"")
                && book.contains("id=\"pagina-kb-boek-inhoud--inhoud\"") && book.contains("id=\"kb-boek-inhoud\""))
        let ids = attributeValues("id", in: book)
        #expect(Set(ids).count == ids.count, "ids in the book are unique")
    }

    /// An editor links to the kader's forms, which the build writes itself, as to any file beside
    /// the page (`formulieren/voorbereiding.html` from the kader folder); a misspelled one is an
    /// error with the form it probably means.
    @Test func aPageLinksToTheKadersForms() throws {
        var files = minimalKaderSite
        files["kader/_index.md"] = "---\ntitle: Kader\nversion: \"2025\"\n---\nZie [de stappen](stappen.md).\n"
        files["kader/stappen.md"] = """
            # Stappen

            Vul [de voorbereiding](formulieren/voorbereiding.html) in, en daarna [het plan](formulieren/plan-van-aanpak.html).

            [Verkeerd](formulieren/voorbereding.html)

            """
        files["_index.md"] = "---\ntitle: Start\n---\n[Het kader](kader/formulieren/kwaliteitskader.html)\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        #expect(project.lines(project.build()) == [
            "content/kader/stappen.md:5:1: error: broken link: `formulieren/voorbereding.html` does not exist (looked for `kader/formulieren/voorbereding.html` in the content folder); did you mean `formulieren/voorbereiding.html`?",
        ])
        // The session's pages beside the forms, which the build writes too, are linked the same way.
        files["kader/stappen.md"] = "# Stappen\n\nVul [de voorbereiding](formulieren/voorbereiding.html) in. [Start](formulieren/sessie-starten.html).\n"
        let fixed = try TestProject(files: files)
        defer { fixed.remove() }
        #expect(fixed.build().succeeded)
        #expect(try fixed.output("kader/stappen/index.html").contains("<a href=\"../formulieren/voorbereiding.html\">de voorbereiding</a>"))
        #expect(try fixed.output("kader/stappen/index.html").contains("<a href=\"../formulieren/sessie-starten.html\">Start</a>"))
        #expect(try fixed.output("index.html").contains("<a href=\"kader/formulieren/kwaliteitskader.html\">Het kader</a>"))
    }

    // MARK: Bounds

    /// 10,000 equal headings are numbered by every counter (the site's, GitHub's, the folded
    /// ones) in linear time: each base remembers where it got to.
    @Test func equalHeadingsAreNumberedInLinearTimeByEveryCounter() {
        var github = UniqueIDs.github()
        var mkdocs = UniqueIDs(firstNumber: 1, separator: "_")
        let githubIDs = (0..<10_000).map { _ in github.claim("kop") }
        let mkdocsIDs = (0..<10_000).map { _ in mkdocs.claimAsMkDocs("kop") }
        let numbered = (0..<10_000).map { _ in mkdocs.claimAsMkDocs("kop_1") }
        #expect(githubIDs.prefix(3) == ["kop", "kop-1", "kop-2"] && githubIDs.last == "kop-9999")
        #expect(mkdocsIDs.prefix(3) == ["kop", "kop_1", "kop_2"] && mkdocsIDs.last == "kop_9999")
        #expect(numbered.first == "kop_10000" && numbered.last == "kop_19999")
        #expect(github.collisions <= 2 * 10_000 && mkdocs.collisions <= 4 * 10_000, "\(github.collisions), \(mkdocs.collisions)")
        let headings = anchors(String(repeating: "## Kop -- x\n", count: 10_000))
        #expect(headings.count == 10_000 && headings.last?.id == "kop----x-9999" && headings.last?.foldedIDs == ["kop-x-10000", "kop-x_9999"])
    }
}
