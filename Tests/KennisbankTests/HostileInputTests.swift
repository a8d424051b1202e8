import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// One bad input: files written over a site that built, and the diagnostic it must give.
private struct HostileCase: Sendable, CustomStringConvertible {
    let name: String
    /// Files to write, by path below the project folder.
    let files: [String: Data]
    /// The exact beginning of one expected diagnostic line (paths relative to the project).
    let expected: String

    var description: String { name }

    init(_ name: String, _ files: [String: String], expect expected: String) {
        self.name = name
        self.files = files.mapValues { Data($0.utf8) }
        self.expected = expected
    }

    init(_ name: String, bytes files: [String: Data], expect expected: String) {
        self.name = name
        self.files = files
        self.expected = expected
    }
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
    HostileCase("empty file", ["content/sectie/een.md": ""],
                expect: "content/sectie/een.md:1:1: error: this page has no title"),
    HostileCase("slug with a path", ["content/sectie/een.md": "---\ntitle: Een\nslug: ../../buiten\n---\n"],
                expect: "content/sectie/een.md:3:1: error: `slug` may hold only lower-case letters, digits and hyphens"),
    HostileCase("slug over 255 bytes", ["content/sectie/een.md": "---\ntitle: Een\nslug: " + String(repeating: "a", count: 300) + "\n---\n"],
                expect: "content/sectie/een.md:3:1: error: the address of this page would have a folder name of 300 bytes, more than the 255 a file name may have; shorten `slug`"),
    HostileCase("link out of the content folder", ["content/sectie/een.md": "---\ntitle: Een\n---\n[x](../../../../etc/passwd)\n"],
                expect: "content/sectie/een.md:4:1: error: link `../../../../etc/passwd` leads outside the content folder"),
    HostileCase("absolute link", ["content/sectie/een.md": "---\ntitle: Een\n---\n[x](/etc/passwd)\n"],
                expect: "content/sectie/een.md:4:1: error: link `/etc/passwd` is an absolute path"),
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
        let started = Date()
        let report = project.build()
        #expect(Date().timeIntervalSince(started) < 60, "took too long")
        #expect(!report.succeeded)
        let lines = project.lines(report)
        #expect(lines.contains { $0.hasPrefix(hostile.expected) }, "\(hostile.name): \(lines)")
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
