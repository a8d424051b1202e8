import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics
#if canImport(Glibc)
import Glibc
#endif

/// One bad input: files written over a site that built, and the diagnostic it must give.
private struct HostileCase: Sendable, CustomStringConvertible {
    let name: String
    /// Files to write, by path below the project folder (a list: two paths may differ only in
    /// their Unicode spelling, which a dictionary would take for one key).
    let files: [(path: String, data: Data)]
    /// What to make besides files (links, named pipes), in the project folder.
    let prepare: @Sendable (URL) throws -> Void
    /// The exact beginning of one expected diagnostic line (paths relative to the project).
    let expected: String
    /// Whether the build fails (and leaves the previous site alone); false for input that is
    /// taken with a warning.
    var fails = true

    var description: String { name }

    init(_ name: String, _ files: [String: String], expect expected: String, fails: Bool = true) {
        self.init(name, bytes: files.mapValues { Data($0.utf8) }, expect: expected)
        self.fails = fails
    }

    init(_ name: String, bytes files: [String: Data], expect expected: String) {
        self.init(name, list: files.map { ($0.key, $0.value) }, expect: expected)
    }

    init(_ name: String, list files: [(String, Data)], prepare: @escaping @Sendable (URL) throws -> Void = { _ in },
         expect expected: String) {
        self.name = name
        self.files = files.map { (path: $0.0, data: $0.1) }
        self.prepare = prepare
        self.expected = expected
    }
}

/// `count` headings `## Kop` after a front matter of three lines: the first one too many is on
/// line `3 + SourceLoader.maximumHeadings + 1`.
private func manyHeadings(_ count: Int, front: String = "---\ntitle: Een\n---\n", heading: String = "## Kop\n") -> String {
    front + String(repeating: heading, count: count)
}

private let deepFolder = Array(repeating: "a", count: ContentInventory.maximumDepth + 1).joined(separator: "/")

/// The minimal site's kader and assessments folder with one preparation file `x.md` whose
/// `deelnemer:` line is `participant` (issue 19: several participants per party).
private func hostileParticipant(_ participant: String) -> [String: String] {
    var files = Dictionary(uniqueKeysWithValues: minimalKaderSite.filter { $0.key.hasPrefix("kader/") }.map { ("content/" + $0.key, $0.value) })
    files["content/zelfevaluaties/_index.md"] = "---\ntitle: Z\n---\n"
    files["content/zelfevaluaties/x.md"] = "---\npraktijk: P\ndatum: 2025-03-11\ncode: abcdefghij12\nvoorbereiding: true\nnamens: gemeente\nsessie: s\ndeelnemer: \(participant)\n---\n## P1.01\n\n**Kleurscore:** groen\n"
    return files
}

private let hostileCases: [HostileCase] = [
    HostileCase("truncated YAML", ["content/sectie/een.md": "---\ntitle: \"Een\n---\nTekst\n"],
                expect: "content/sectie/een.md:2:12: error: malformed YAML: found unexpected end of stream"),
    HostileCase("front matter without closing line", ["content/sectie/een.md": "---\ntitle: Een\n"],
                expect: "content/sectie/een.md:1:1: error: the front matter that starts here has no closing `---` line"),
    HostileCase("deeply nested YAML", ["content/sectie/een.md": "---\ntitle: Een\ntags: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n---\n"],
                expect: "content/sectie/een.md:3:"),
    HostileCase("invalid UTF-8", bytes: ["content/sectie/een.md": Data("---\ntitle: Een\n---\ncaf".utf8) + Data([0xE9, 0x0A])],
                expect: "content/sectie/een.md:4:4: error: this file is not valid UTF-8 text"),
    HostileCase("empty file", ["content/sectie/leeg.md": ""],
                expect: "content/sectie/leeg.md:1:1: warning: this page has no title, so it is called \"Leeg\" after its file name", fails: false),
    HostileCase("slug with a path", ["content/sectie/een.md": "---\ntitle: Een\nslug: ../../buiten\n---\n"],
                expect: "content/sectie/een.md:3:1: error: `slug` may hold only lower-case letters, digits and hyphens"),
    HostileCase("slug over 255 bytes", ["content/sectie/een.md": "---\ntitle: Een\nslug: " + String(repeating: "a", count: 300) + "\n---\n"],
                expect: "content/sectie/een.md:3:1: error: the address of this page would have a folder name of 300 bytes, more than the 255 a file name may have; shorten `slug`"),
    HostileCase("link out of the content folder", ["content/sectie/een.md": "---\ntitle: Een\n---\n[x](../../../../etc/passwd)\n"],
                expect: "content/sectie/een.md:4:1: error: link `../../../../etc/passwd` leads outside the content folder"),
    HostileCase("absolute link", ["content/sectie/een.md": "---\ntitle: Een\n---\n[x](/etc/passwd)\n"],
                expect: "content/sectie/een.md:4:1: error: broken link: `/etc/passwd` is a root-absolute path, and nothing is at `etc/passwd` in the content folder"),
    HostileCase("two files for one address", ["content/sectie/drie.md": "---\ntitle: Drie\nslug: een\n---\n"],
                expect: "content/sectie/drie.md:1:1: error: this page and `sectie/een.md` would both be written to `sectie/een/index.html`"),
    HostileCase("trusted_active_files that is not true or false", ["kennisbank.yml": "trusted_active_files: ja\n"],
                expect: "kennisbank.yml:1:1: error: `trusted_active_files` must be `true` or `false`"),
    HostileCase("a page at the search page's address", ["content/zoeken.md": "---\ntitle: Zoeken\n---\n"],
                expect: "content/zoeken.md:1:1: error: this page would be written to `zoeken/index.html`, where the generator's search page is written too"),
    HostileCase("a file over robots.txt", ["content/robots.txt": "User-agent: *\nDisallow: /\n"],
                expect: "content/robots.txt:1:1: error: this file would be copied to `robots.txt`, where the generator's `robots.txt` is written too"),
    HostileCase("a file where a page needs its folder", ["content/sectie/een": "x"],
                expect: "content/sectie/een:1:1: error: this file would be copied to `sectie/een`, where the page `content/sectie/een.md` needs a folder of that name"),
    HostileCase("unknown template pragma", ["templates/partials/footer.mustache": "{{% CONTENT_TYPE: TEXT}}\n"],
                expect: "templates/partials/footer.mustache:1:1: error: templates may not change the content type"),
    HostileCase("content type pragma behind a comment naming SAFEHTML",
                ["templates/partials/footer.mustache": "<footer>\n{{% CONTENT_TYPE: TEXT}}{{! SAFEHTML }}\n</footer>\n"],
                expect: "templates/partials/footer.mustache:2:1: error: templates may not change the content type"),
    HostileCase("partial that includes itself", ["templates/partials/footer.mustache": "<footer>\n  {{> partials/footer}}\n</footer>\n"],
                expect: "templates/partials/footer.mustache:2:3: error: this template includes itself (partials/footer → partials/footer), which would never end; remove this inclusion"),
    HostileCase("partials that include each other",
                ["templates/partials/footer.mustache": "<footer>{{#site}}{{> partials/colofon}}{{/site}}</footer>\n",
                 "templates/partials/colofon.mustache": "<p>{{site.title}}</p>\n{{> partials/footer}}\n"],
                expect: "templates/partials/footer.mustache:1:18: error: this template includes itself (partials/footer → partials/colofon → partials/footer), which would never end; remove this inclusion"),
    HostileCase("changed tag delimiters", ["templates/partials/footer.mustache": "{{=<% %>=}}\n<%> partials/footer%>\n"],
                expect: "templates/partials/footer.mustache:1:1: error: templates may not change the tag delimiters"),
    HostileCase("assessment in a site without kader", ["content/zelfevaluaties/_index.md": "---\ntitle: Z\n---\n",
                                                          "content/zelfevaluaties/x.md": "---\npraktijk: P\ndatum: gisteren\ncode: abcdefghij12\n---\n## P1.01\n\n**Kleurscore:** paars\n"],
                expect: "content/zelfevaluaties/x.md:1:1: error: assessments need the kader"),
    HostileCase("folders nested too deep", ["content/\(deepFolder)/x.md": "# X\n"],
                expect: "content/\(deepFolder): error: this folder is nested 21 folders deep, more than the 20 a content folder may have; move its files into a folder higher up"),
    HostileCase("too many headings", ["content/sectie/een.md": manyHeadings(SourceLoader.maximumHeadings + 1)],
                expect: "content/sectie/een.md:5004:1: error: this file has 5001 headings, more than the 5000 a page may have; split it into several pages"),
    HostileCase("an assessment with too many sections", ["content/zelfevaluaties/_index.md": "---\ntitle: Z\n---\n",
                                                         "content/zelfevaluaties/x.md": manyHeadings(30_000, front: "---\npraktijk: P\ndatum: 2025-03-11\ncode: abcdefghij12\n---\n", heading: "## P1.05\n")],
                expect: "content/zelfevaluaties/x.md:5006:1: error: this file has 30000 headings, more than the 5000 a page may have; split it into several pages"),
    HostileCase("a site config over the size limit", ["kennisbank.yml": "title: x\n# " + String(repeating: "x", count: SourceText.maximumBytes)],
                expect: "kennisbank.yml:1:1: error: cannot read the site config: it is 20 MB, more than the 20 MB a file may be"),
    HostileCase("one name in two Unicode spellings", list: [("content/sectie/\u{E9}\u{E9}n.md", Data("# Een\n".utf8)),
                                                            ("content/sectie/e\u{301}e\u{301}n.md", Data("# Een\n".utf8))],
                expect: "content/sectie/\u{E9}\u{E9}n.md: error: this name, in composed (NFC) Unicode, and `e\u{301}e\u{301}n.md` beside it, in decomposed (NFD) Unicode, are one name spelt in two ways, and the site can hold only one of them; rename or remove one"),
    HostileCase("a dangling symbolic link", list: [], prepare: { root in
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/sectie/weg.md").path, withDestinationPath: "bestaat-niet.md")
    }, expect: "content/sectie/weg.md: error: this symbolic link leads to `bestaat-niet.md`, which does not exist; correct the link or remove it"),
    HostileCase("a named pipe", list: [], prepare: { root in
        #expect(mkfifo(root.appendingPathComponent("content/sectie/pijp.md").path, 0o644) == 0)
    }, expect: "content/sectie/pijp.md: error: this is a named pipe (FIFO), not a file or folder, and cannot be read as content; remove it from the content folder"),
    // Heading ids written as `{#id}` (issue 17): huge, full of signs, and one id on many headings.
    HostileCase("a huge {#id}", ["content/sectie/een.md": "---\ntitle: Een\n---\n## Kop {#" + String(repeating: "a", count: 1_000_000) + "}\n"],
                expect: "content/sectie/een.md:4:8: error: the heading id `{#" + String(repeating: "a", count: 40) + "…}` is longer than 100 characters"),
    HostileCase("an {#id} of quotes, tags and combining marks", ["content/sectie/een.md": "---\ntitle: Een\n---\n## Kop {#a\"\u{301}<b'\u{301}&x}\n"],
                expect: "content/sectie/een.md:4:8: error: the heading id `{#a\"\u{301}<b'\u{301}&x}` is not valid"),
    HostileCase("one {#id} on 5,000 headings", ["content/sectie/een.md": manyHeadings(SourceLoader.maximumHeadings, heading: "## Kop {#dubbel}\n")],
                expect: "content/sectie/een.md:5:8: error: the heading id `{#dubbel}` is given twice in this file (first at line 4)"),
    HostileCase("a symbolic link to a named pipe", list: [], prepare: { root in
        #expect(mkfifo(root.appendingPathComponent("content/sectie/pijp").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/sectie/naar-pijp.md").path, withDestinationPath: "pijp")
    }, expect: "content/sectie/naar-pijp.md: error: this symbolic link leads to a named pipe (FIFO), not a file or folder, and cannot be read as content; remove it from the content folder"),
    // Structure: aliases and `extra`.
    HostileCase("an alias list of 100,000 entries",
                ["content/sectie/een.md": "---\ntitle: Een\naliases: [" + (0..<100_000).map { "/oud/\($0)/" }.joined(separator: ", ") + "]\n---\n"],
                expect: "content/sectie/een.md:3:1: error: `aliases` lists 100000 addresses, more than the 1000 a page may have (each becomes a page of its own); keep the ones that are still linked to"),
    HostileCase("an alias that climbs out of the site", ["content/sectie/een.md": "---\ntitle: Een\naliases: [../../../etc/passwd]\n---\n"],
                expect: "content/sectie/een.md:3:11: error: the alias `../../../etc/passwd` leads outside the site (above its root folder)"),
    HostileCase("an alias over 255 bytes", ["content/sectie/een.md": "---\ntitle: Een\naliases: [/" + String(repeating: "é", count: 200) + "/]\n---\n"],
                expect: "content/sectie/een.md:3:11: error: the alias `/" + String(repeating: "é", count: 200) + "/` has a name of 400 bytes, more than the 255 a file name may have; shorten it"),
    HostileCase("an alias over the search page", ["content/sectie/een.md": "---\ntitle: Een\naliases: [/zoeken/]\n---\n"],
                expect: "content/sectie/een.md:3:1: error: the alias `/zoeken/` would be written to `zoeken/index.html`, where the generator's search page is written too; remove this alias or write another address"),
    HostileCase("extra nested 1000 deep",
                ["content/sectie/een.md": "---\ntitle: Een\nextra: " + String(repeating: "{a: ", count: 1000) + "1" + String(repeating: "}", count: 1000) + "\n---\n"],
                expect: "content/sectie/een.md:3:"),
    // The site's language: it names the strings file and goes into every page's `lang`.
    HostileCase("a language that leaves the strings folder", ["kennisbank.yml": "language: ../../../etc/passwd\n"],
                expect: "kennisbank.yml:1:1: error: `language` must be a language code such as `nl` or `en`"),
    HostileCase("a language that would end the lang attribute", ["kennisbank.yml": "language: 'nl\" onmouseover=\"alert(1)'\n"],
                expect: "kennisbank.yml:1:1: error: `language` must be a language code such as `nl` or `en`"),
    HostileCase("a strings file without a word the browser form shows",
                ["templates/strings/nl.yml": "fill:\n  saveFile: Opslaan\n"],
                expect: "templates/static/invullen.js:"),
    // GFM tables (issue 17): bounds on columns and on cells (rows times columns).
    HostileCase("a table delimiter row with 100,000 columns",
                ["content/sectie/een.md": "---\ntitle: Een\n---\n" + String(repeating: "| a ", count: 100_000) + "|\n" + String(repeating: "|---", count: 100_000) + "|\n"],
                expect: "content/sectie/een.md:5:1: error: this table has 100000 columns, more than the 1000 a table may have; split it into narrower tables"),
    HostileCase("a table of 100,000 rows of three columns",
                ["content/sectie/een.md": "---\ntitle: Een\n---\n| a | b | c |\n|---|---|---|\n" + String(repeating: "| 1 | 2 | 3 |\n", count: 100_000)],
                expect: "content/sectie/een.md:4:1: error: the tables of this page have more than 200000 cells from here on (rows times columns); split the table or the page"),
    // A participant's name or role in a preparation (`deelnemer:`, issue 19).
    HostileCase("a deelnemer of 10 MB", hostileParticipant(String(repeating: "a", count: 10_000_000)),
                expect: "content/zelfevaluaties/x.md:8:1: error: `deelnemer` holds 10000000 characters, more than the 100 a name or role may have; shorten it"),
    HostileCase("a deelnemer with line breaks", hostileParticipant("\"Jan\\n<script>alert(1)</script>\\r\\nde Vries\""),
                expect: "content/zelfevaluaties/x.md:8:1: error: `deelnemer` must be one line of text"),
    HostileCase("a deelnemer with a control character", hostileParticipant("\"Jan\\u0007\""),
                expect: "content/zelfevaluaties/x.md:8:1: error: `deelnemer` must be one line of text"),
    HostileCase("a deelnemer that is a YAML mapping", hostileParticipant("{naam: Jan, rol: gemeente}"),
                expect: "content/zelfevaluaties/x.md:8:"),
    HostileCase("a deelnemer that is a YAML alias bomb", hostileParticipant("&a [*a]"),
                expect: "content/zelfevaluaties/x.md:"),
]

@Suite("Hostile input", .serialized)
struct HostileInputTests {
    @Test(arguments: hostileCases)
    fileprivate func isReportedAndLeavesTheSiteAlone(_ hostile: HostileCase) throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let site = project.root.appendingPathComponent("_site")
        let before = filesBelow(site)
        for (path, data) in hostile.files {
            let url = project.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try hostile.prepare(project.root)
        let started = Date()
        let report = project.build()
        #expect(Date().timeIntervalSince(started) < 60, "took too long")
        #expect(report.succeeded == !hostile.fails)
        let lines = project.lines(report)
        // Compared byte for byte: Swift's own comparison takes two Unicode spellings for one.
        #expect(lines.contains { $0.utf8.starts(with: hostile.expected.utf8) }, "\(hostile.name): \(lines)")
        if hostile.fails { #expect(filesBelow(site) == before, "\(hostile.name) changed the previous site") }
    }

    @Test func aliasBombStaysSmall() throws {
        var text = "---\ntitle: Bom\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        text += "---\nTekst\n"
        let project = try TestProject(files: ["_index.md": text])
        defer { project.remove() }
        let started = Date()
        let report = project.check()
        #expect(Date().timeIntervalSince(started) < 10)
        // Aliases are never expanded: the unknown keys only warn.
        #expect(report.diagnostics.errors.isEmpty)
        #expect(report.diagnostics.warnings.count == 9)
    }

    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let project = try TestProject(files: [:])
        defer { project.remove() }
        try Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Start\r\n---\r\nTekst met\r\nregels.\r\n".utf8))
            .write(to: project.root.appendingPathComponent("content/_index.md"))
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(try project.output("index.html").contains("<p>Tekst met\nregels.</p>"))
    }

    /// Two byte-order marks (a tool that adds one to a file that has one) are read as one: a
    /// mark carries no text, and the front matter after it is what the writer meant.
    @Test func aDoubleByteOrderMarkIsAccepted() throws {
        let project = try TestProject(files: [:])
        defer { project.remove() }
        try Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("---\ntitle: Start\n---\nTekst.\n".utf8))
            .write(to: project.root.appendingPathComponent("content/_index.md"))
        let report = project.build()
        #expect(report.succeeded && report.diagnostics.items.isEmpty, "\(project.lines(report))")
        let home = try project.output("index.html")
        #expect(home.contains("<h1>Start</h1>") && home.contains("<p>Tekst.</p>") && !home.contains("title: Start"))
    }

    /// A folder the build may not read is an error, not a section left out in silence. Root
    /// reads every folder, so there the program runs without the capabilities that allow it.
    @Test func anUnreadableFolderIsAnError() throws {
        let project = try TestProject(files: minimalSite)
        defer {
            chmod(project.root.appendingPathComponent("content/geheim").path, 0o755)
            project.remove()
        }
        try project.write("# Geheim\n", to: "content/geheim/_index.md")
        #expect(chmod(project.root.appendingPathComponent("content/geheim").path, 0) == 0)
        let program = [kennisbankProgram.path, "check", "--content", project.root.appendingPathComponent("content").path,
                       "--templates", project.root.appendingPathComponent("templates").path, "--config", project.root.appendingPathComponent("none.yml").path]
        let result = try runProgram(getuid() == 0 ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] + program : program)
        #expect(result.status == 1)
        #expect(result.output.replacingOccurrences(of: project.root.path + "/", with: "").split(separator: "\n").contains(
            "content/geheim: error: cannot read this folder (permission denied), so none of its files would be in the site; make it readable or move it out of the content folder"),
                "\(result.output)")
    }

    @Test func tooLargeFilesAreRefused() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let huge = Data("---\ntitle: Groot\n---\n".utf8) + Data(repeating: 0x61, count: SourceLoader.maximumBytes + 1)
        try huge.write(to: project.root.appendingPathComponent("content/sectie/groot.md"))
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("content/sectie/groot.md:1:1: error: this file is 20 MB, more than the 20 MB a page may be") })
    }

    @Test func symbolicLinksOutOfTheContentAreSkipped() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        try "geheim".write(to: project.root.appendingPathComponent("geheim.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("content/sectie/lek.txt").path,
                                                   withDestinationPath: project.root.appendingPathComponent("geheim.txt").path)
        let report = project.build()
        #expect(report.succeeded)
        #expect(project.lines(report).contains { $0.hasPrefix("content/sectie/lek.txt: warning: symbolic link points outside the content folder") })
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/sectie/lek.txt").path))
    }
}

// GitHub's Markdown extensions (strikethrough, autolinks, task lists, callouts): inputs that are
// long, deep or full of would-be delimiters. Each page builds, with the work linear in its size.
private struct ExtensionStress: Sendable, CustomStringConvertible {
    let name: String
    let body: String
    /// What the page's HTML must hold, and what it must not.
    let holds: String
    let lacks: String

    var description: String { name }
}

private let deepCallouts = (1...1000).map { String(repeating: "> ", count: $0) + "[!NOTE]\n" }.joined()

private let extensionStress: [ExtensionStress] = [
    ExtensionStress(name: "100,000 tildes in a row", body: "a" + String(repeating: "~", count: 100_000) + "a",
                    holds: "<p>a" + String(repeating: "~", count: 100_000) + "a</p>", lacks: "<del>"),
    ExtensionStress(name: "50,000 tilde openers that never close", body: String(repeating: "~a ", count: 50_000),
                    holds: "~a ~a ~a", lacks: "<del>"),
    ExtensionStress(name: "50,000 strikethroughs", body: String(repeating: "~~a~~ ", count: 50_000),
                    holds: String(repeating: "<del>a</del> ", count: 49_999) + "<del>a</del></p>", lacks: "~"),
    ExtensionStress(name: "a line of 1 MB of www.", body: String(repeating: "www.", count: 262_144),
                    holds: "<a href=\"http://www.www.www.", lacks: "<del>"),
    ExtensionStress(name: "200,000 www. with spaces", body: String(repeating: "www. ", count: 200_000),
                    holds: "<p><span class=\"autolink\"><a href=\"http://www\">www</a></span>. ", lacks: "<del>"),
    ExtensionStress(name: "a line of 1 MB of http://", body: String(repeating: "http://", count: 150_000),
                    holds: "<a href=\"http://http://http://", lacks: "<del>"),
    ExtensionStress(name: "500,000 parentheses around a URL",
                    body: String(repeating: "(", count: 500_000) + "www.example.org/a" + String(repeating: ")", count: 500_000),
                    holds: "\">www.example.org/a</a></span>" + String(repeating: ")", count: 500_000) + "</p>", lacks: "<del>"),
    ExtensionStress(name: "100,000 at signs", body: String(repeating: "a@", count: 100_000) + " x.y@example.org",
                    holds: "<a href=\"mailto:x.y@example.org\">", lacks: "mailto:a@"),
    ExtensionStress(name: "100,000 entities", body: String(repeating: "&amp;&#126;", count: 100_000),
                    holds: String(repeating: "&amp;~", count: 100_000), lacks: "<del>"),
    ExtensionStress(name: "quotes 1000 deep, each a [!NOTE]", body: deepCallouts,
                    holds: "</svg>Opmerking</p>\n<div class=\"callout callout-note\">", lacks: "<p>[!NOTE]</p>\n<blockquote>"),
    ExtensionStress(name: "100,000 task items", body: String(repeating: "- [x] a\n", count: 100_000),
                    holds: "<li><input type=\"checkbox\" class=\"task\" disabled=\"\" checked=\"\" aria-label=\"Gedaan\" /> a</li>", lacks: "[x]"),
]

extension HostileInputTests {
    @Test(arguments: extensionStress)
    fileprivate func extensionsStayLinear(_ stress: ExtensionStress) throws {
        let project = try TestProject(files: minimalSite.merging(["sectie/zwaar.md": "---\ntitle: Zwaar\n---\n" + stress.body + "\n"]) { $1 })
        defer { project.remove() }
        let started = Date()
        let report = project.build()
        #expect(Date().timeIntervalSince(started) < 60, "took too long")
        #expect(report.succeeded, "\(project.lines(report).prefix(3))")
        let html = try project.output("sectie/zwaar/index.html")
        #expect(html.contains(stress.holds), "\(stress.name)")
        #expect(!html.contains(stress.lacks), "\(stress.name)")
    }
}

// The printed forms' margin boxes (issue 18): the words of the strings file become CSS strings
// in each form's <style>, where a quote, a backslash or `</style>` must stay text.
extension HostileInputTests {
    @Test func wordsThatWouldEndAMarginBoxOrTheStyleStayText() throws {
        let project = try TestProject(files: minimalKaderSite)
        defer { project.remove() }
        let stringsFile = project.root.appendingPathComponent("templates/strings/nl.yml")
        let strings = try String(contentsOf: stringsFile, encoding: .utf8)
            .replacingOccurrences(of: "    practice: \"Praktijk:\"\n", with: "    practice: 'Praktijk\"; } body { display: none } @page { x: \"\\'\n")
            .replacingOccurrences(of: "  title: Kwaliteitskader Housing First\n", with: "  title: 'Kader \"A&B\" </style><script>alert(1)</script>'\n")
        try project.write(strings, to: "templates/strings/nl.yml")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let form = try project.output("kader/formulieren/kwaliteitskader.html")
        #expect(!form.contains("<script>alert(1)"))
        #expect(occurrences(of: "</style>", in: form) == 1)
        let blank = String(repeating: "_", count: 24)
        #expect(form.contains("@top-left { content: \"Praktijk\\22 ; } body { display: none } @page { x: \\22 \\5c  \(blank)\"; }"), "\(form.prefix(1200))")
        #expect(form.contains("@bottom-left { content: \"Kader \\22 A\\26 B\\22  \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e  · versie 2025\"; }"))
    }
}

private func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

// MARK: - `assessment render` outside a site (issue 19, step 6)

/// One bad command line of `assessment render` in a folder that is not a site (holding only
/// `duinmeer-2026.md`): the diagnostics it must give, every one of them.
private struct HostileRender: Sendable, CustomStringConvertible {
    let name: String
    let arguments: [String]
    /// Files to write into the working folder first.
    var files: [String: String] = [:]
    /// Folders to make in the working folder first.
    var folders: [String] = []
    /// The exact beginning of each expected error line (a file the program read is named by its
    /// full path, so the working folder's path may come first).
    let expected: [String]

    var description: String { name }
}

private let hostileRenders: [HostileRender] = [
    HostileRender(name: "a missing file", arguments: ["weg.md"],
                  expected: ["weg.md: error: no such file; give the path of an assessment file"]),
    HostileRender(name: "a folder as the file", arguments: ["map"], folders: ["map"],
                  expected: ["map: error: this is a folder; give the path of an assessment file"]),
    HostileRender(name: "a letter, not an assessment", arguments: ["brief.md"],
                  files: ["brief.md": "Beste redactie,\n\nHierbij onze uitslag.\n"],
                  expected: ["brief.md:1:1: error: an unlisted assessment needs a `code:`",
                             "brief.md:1:1: error: the assessment has no date; add `datum: 2025-03-14`",
                             "brief.md:1:1: error: the assessment has no practice name; add `praktijk: Naam van de praktijk`"]),
    HostileRender(name: "--site that is not a site", arguments: ["duinmeer-2026.md", "--site", "leeg"], folders: ["leeg"],
                  expected: ["leeg: error: this folder is not a site: it has no `content/kader` folder; give --site the folder that holds `content/`, `templates/` and `kennisbank.yml`"]),
    HostileRender(name: "--site that does not exist", arguments: ["duinmeer-2026.md", "--site", "nergens"],
                  expected: ["nergens: error: no such folder; give --site the folder of the site"]),
    HostileRender(name: "a missing file and a --site that is a file", arguments: ["weg.md", "--site", "duinmeer-2026.md"],
                  expected: ["duinmeer-2026.md: error: this is a file, not a folder; give --site the folder of the site", "weg.md: error: no such file"]),
]

@Suite("Hostile input to assessment render outside a site", .serialized)
struct HostileRenderTests {
    @Test(arguments: hostileRenders)
    fileprivate func isReportedAndWritesNothing(_ hostile: HostileRender) throws {
        let anywhere = try RenderAnywhere()
        defer { anywhere.scratch.remove() }
        for (name, text) in hostile.files {
            try Data(text.utf8).write(to: anywhere.work.appendingPathComponent(name))
        }
        for folder in hostile.folders {
            _ = try anywhere.scratch.folder("Downloads/\(folder)")
        }
        let before = try anywhere.names(anywhere.work)
        let result = try anywhere.run(["assessment", "render"] + hostile.arguments)
        #expect(result.status == 1, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.count == hostile.expected.count, "\(result.output)")
        #expect(!lines.contains { $0.contains(": warning: ") }, "\(result.output)")
        for (line, expected) in zip(errors, hostile.expected) {
            #expect(line.hasPrefix(expected) || line.hasPrefix(anywhere.work.path + "/" + expected), "\(result.output)")
        }
        #expect(lines.last?.hasPrefix("rendering failed with \(hostile.expected.count) error") == true, "\(result.output)")
        #expect(try anywhere.names(anywhere.work) == before, "something was written")
        #expect(try anywhere.names(anywhere.temporary) == [])
    }
}
