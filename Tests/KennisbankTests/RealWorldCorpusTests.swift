import Foundation
import Kennisbank
import Testing

/// The corpus in `Tests/corpora/real-world`: documentation written the way MkDocs and Docusaurus
/// users write it, put into `content/` as it was.
private let corpus = repositoryRoot.appendingPathComponent("Tests/corpora/real-world")

/// The corpus's content files by path below `content/`, and its site config.
private func corpusFiles() throws -> (files: [String: String], config: String) {
    let content = corpus.appendingPathComponent("content")
    var files: [String: String] = [:]
    for (path, data) in filesBelow(content) { files[path] = String(decoding: data, as: UTF8.self) }
    let config = try String(contentsOf: corpus.appendingPathComponent("kennisbank.yml"), encoding: .utf8)
    return (files, config)
}

@Suite("A corpus of other generators' Markdown")
struct RealWorldCorpusTests {
    /// Every warning the corpus gives, and nothing else but notes: no error, nothing lost in silence.
    static let expectedWarnings = [
        "content/README.md:1:1: warning: this folder has `index.md` too, which is its landing page (`_index.md` comes before `index.md`, which comes before `README.md`), so this file is left out of the site and links to it lead to `index.md`; remove it, or rename it to make it a page of its own",
        "content/aan-de-slag/README.md:2:1: warning: Docusaurus' `sidebar_label` is not used: the menu shows the page's `title`; the key is ignored (this page and 1 other page use it)",
        "content/aan-de-slag/systemen.md:14:1: warning: raw HTML is left out of the page, because the site config does not allow it (`raw_html` is off); write this in Markdown instead, or set `raw_html: true` in the site config if everyone who writes the content is trusted",
        "content/aan-de-slag/systemen.md:18:1: warning: `!!! note` is an MkDocs admonition, which this site shows as plain text; write a callout instead: `> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`)",
        "content/beleid/toegankelijkheid.md:1:1: warning: this page has no title, so it is called \"Toegankelijkheid\" after its file name; add `title: ...` to the front matter or start the text with a `# Title` heading",
        "content/beleid/toegankelijkheid.md:3:1: warning: `:::tip` is a Docusaurus admonition, which this site shows as plain text; write a callout instead: `> [!TIP]` on the first line of a quote and its text on the next lines (`> ...`), without the closing `:::`",
        "content/beleid/toegankelijkheid.md:7:48: warning: link `/beleid/privacy.md` is a root-absolute path, which breaks when the site is opened from a folder or a subpath; it was read from the content folder as `privacy.md`: write that instead",
        "content/beleid/toegankelijkheid.md:8:26: warning: the anchor `#een-bezoek-voorbereiden` (in `../handleidingen/huisbezoek.md#een-bezoek-voorbereiden`) is the ASCII-folded form other generators write; GitHub and this site write `#eén-bezoek-voorbereiden`, so write `../handleidingen/huisbezoek.md#eén-bezoek-voorbereiden`",
        "content/handleidingen/verwijzen.mdx: warning: MDX files are skipped: they hold JSX, which needs a JavaScript build; remove the JSX (`import` lines and `<Component>` tags) and rename the file to `.md`",
        "content/index.md:4:1: warning: MkDocs' `hide` is not used: every page shows its navigation and table of contents; the key is ignored",
    ]

    @Test func buildsWithExactlyTheExpectedWarnings() throws {
        let (files, config) = try corpusFiles()
        let project = try TestProject(files: files, config: config)
        defer { project.remove() }
        let report = project.build()
        let lines = project.lines(report)
        #expect(report.succeeded, "\(lines)")
        #expect(report.diagnostics.errors.isEmpty)
        #expect(lines.filter { $0.contains(": warning: ") } == Self.expectedWarnings)
        #expect(lines.filter { $0.contains(": note: ") } == [
            "content/beleid: note: this folder has no landing page (`_index.md`, `index.md` or `README.md`), so one was made with the title \"Beleid\" that lists its pages; add one of those files to write its text yourself",
        ])
        // Nine pages: the three landing files that win, a made landing page, and five pages.
        #expect(report.pages == 9)
    }

    @Test func keepsEveryPageAndShowsWhatItsAuthorsWrote() throws {
        let (files, config) = try corpusFiles()
        let project = try TestProject(files: files, config: config)
        defer { project.remove() }
        #expect(project.build().succeeded)

        // Landing pages: MkDocs' index.md at the root, GitHub's README.md, and one made for `beleid/`.
        let home = try project.output("index.html")
        #expect(home.contains("Welkom bij de documentatie van het wijkteam"))
        #expect(!home.contains("Deze map bevat de bronbestanden"), "the README.md beside index.md is left out")
        let start = try project.output("aan-de-slag/index.html")
        #expect(start.contains("Nieuw in het wijkteam?"))
        let policies = try project.output("beleid/index.html")
        #expect(policies.contains("<h1>Beleid</h1>") || policies.contains(">Beleid</h1>"))
        #expect(policies.contains("privacy/index.html") && policies.contains("toegankelijkheid/index.html"))

        // `sidebar_position: 1` comes before `weight: 2` in the section menu.
        let week = try #require(start.range(of: "eerste-week/index.html\""))
        let systems = try #require(start.range(of: "systemen/index.html\""))
        #expect(week.lowerBound < systems.lowerBound)

        // Tables, callouts, task lists, strikethrough and bare URLs.
        let visit = try project.output("handleidingen/huisbezoek/index.html")
        #expect(visit.contains("<table>") && visit.contains("<th scope=\"col\">Stap</th>"))
        #expect(visit.contains("Vraag wat de cliënt zelf wil | en wat nodig is."), "an escaped pipe stays in its cell")
        #expect(visit.contains("class=\"callout callout-tip\""))
        #expect(visit.contains("id=\"eén-bezoek-voorbereiden\""))
        let firstWeek = try project.output("aan-de-slag/eerste-week/index.html")
        #expect(firstWeek.contains("type=\"checkbox\"") && firstWeek.contains("checked"))
        #expect(firstWeek.contains("<del>Elke maandag teamoverleg om 9 uur.</del>"))
        #expect(firstWeek.contains("href=\"https://intranet.voorbeeld.example/wijkteam\""))
        #expect(firstWeek.contains("href=\"mailto:wijkteam@voorbeeld.example\""))
        // Non-ASCII anchors are written percent-encoded, as a browser sends them.
        #expect(firstWeek.contains("href=\"../../handleidingen/huisbezoek/index.html#e%C3%A9n-bezoek-voorbereiden\""))
        let privacy = try project.output("beleid/privacy/index.html")
        #expect(privacy.contains("class=\"align-right\"") && privacy.contains("class=\"callout callout-warning\""))

        // The root-absolute link and the MkDocs anchor are written so that they work from a folder.
        let access = try project.output("beleid/toegankelijkheid/index.html")
        #expect(access.contains("href=\"../privacy/index.html\""))
        #expect(access.contains("href=\"../../handleidingen/huisbezoek/index.html#e%C3%A9n-bezoek-voorbereiden\""))

        // The old address of a moved page leads to it.
        let redirect = try project.output("werkinstructies/huisbezoek/index.html")
        #expect(redirect.contains("noindex") && redirect.contains("http-equiv=\"refresh\""))
        #expect(redirect.contains("../../handleidingen/huisbezoek/index.html"))

        // The MDX file is neither a page nor copied as a file.
        let written = filesBelow(project.root.appendingPathComponent("_site")).keys
        #expect(!written.contains { $0.contains("verwijzen") })
    }
}
