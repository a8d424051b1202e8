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

    var description: String { name }

    init(_ name: String, _ files: [String: String], expect expected: String) {
        self.init(name, bytes: files.mapValues { Data($0.utf8) }, expect: expected)
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

private let hostileCases: [HostileCase] = [
    HostileCase("truncated YAML", ["content/sectie/een.md": "---\ntitle: \"Een\n---\nTekst\n"],
                expect: "content/sectie/een.md:2:12: error: malformed YAML: found unexpected end of stream"),
    HostileCase("front matter without closing line", ["content/sectie/een.md": "---\ntitle: Een\n"],
                expect: "content/sectie/een.md:1:1: error: the front matter that starts here has no closing `---` line"),
    HostileCase("deeply nested YAML", ["content/sectie/een.md": "---\ntitle: Een\ntags: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n---\n"],
                expect: "content/sectie/een.md:3:"),
    HostileCase("invalid UTF-8", bytes: ["content/sectie/een.md": Data("---\ntitle: Een\n---\ncaf".utf8) + Data([0xE9, 0x0A])],
                expect: "content/sectie/een.md:4:4: error: this file is not valid UTF-8 text"),
    HostileCase("empty file", ["content/sectie/een.md": ""],
                expect: "content/sectie/een.md:1:1: error: this page has no title"),
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
        #expect(!report.succeeded)
        let lines = project.lines(report)
        // Compared byte for byte: Swift's own comparison takes two Unicode spellings for one.
        #expect(lines.contains { $0.utf8.starts(with: hostile.expected.utf8) }, "\(hostile.name): \(lines)")
        #expect(filesBelow(site) == before, "\(hostile.name) changed the previous site")
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
