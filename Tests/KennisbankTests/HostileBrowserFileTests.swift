import Foundation
import Testing

/// The files a participant or facilitator could send, which the browser pages open and the site
/// reads (`Fixtures/hostile-files`): the build shows their text and never their markup, or
/// refuses them at the line that breaks the format; the browser pages refuse them or show them
/// as text, and no script of them runs (`Tests/browser/hostile_files.py`, which also feeds the
/// browser's readers random mutations, handoffs and invitation links).
@Suite("Hostile files of the session's browser pages")
struct HostileBrowserFileTests {
    private static let fixtures = repositoryRoot.appendingPathComponent("Tests/KennisbankTests/Fixtures/hostile-files")

    /// A copy of the shipped project with the fixture `name` among its assessments.
    private func shippedProject(with name: String) throws -> TestProject {
        let project = try TestProject(files: [:])
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name),
                                         to: content.appendingPathComponent("zelfevaluaties/\(name)"))
        return project
    }

    @Test func scriptInEveryFieldIsShownAsTextOnEveryPage() throws {
        let project = try shippedProject(with: "script-everywhere.md")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let site = project.root.appendingPathComponent("_site")
        let pages = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" } ?? []
        #expect(pages.count > 50)
        var shown = 0
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            // (As text, the markup's quotes are `&quot;`: an attribute needs a real one.)
            for markup in ["<script>window.kbRan", "<img src=x", " onerror=\"", "href=\"javascript:", "<svg onload", "<iframe",
                           " ontoggle=\"", " onmouseover=\"", "<style>body { display: none }"] {
                #expect(!html.contains(markup), "\(page.lastPathComponent): \(markup)")
            }
            if html.contains("&lt;script&gt;window.kbRan = 1&lt;/script&gt;") { shown += 1 }
        }
        // The practice with its markup, as text on the preparation's own page.
        #expect(shown >= 1, "the practice's markup is shown as text on its page")
    }

    @Test func aBrokenStructureIsRefusedAtItsLines() throws {
        let project = try shippedProject(with: "broken-structure.md")
        defer { project.remove() }
        let lines = project.lines(project.check())
        let file = "content/zelfevaluaties/broken-structure.md"
        for expected in ["\(file):16:1: error: the score line of P1.01 must stand directly under `## P1.01`",
                         "\(file):18:1: error: the score line of P1.01 must stand directly under `## P1.01`",
                         "\(file):20:1: error: `P9.99` is not an indicator ID"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected)\n\(lines)")
        }
    }

    @Test func anUnclosedFrontMatterIsRefused() throws {
        let project = try shippedProject(with: "unclosed-front-matter.md")
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("content/zelfevaluaties/unclosed-front-matter.md:1:1: error: the front matter that starts here has no closing `---` line") },
                "\(lines)")
    }

    /// Runs Tests/browser/hostile_files.py on the shipped site: the fixtures and made files (5 MB,
    /// binary junk, a line of 1 MB) in the preparation form, the joint form and its result, and on
    /// the bundle page; random mutations, handoffs and invitation links through the readers.
    @Test func theBrowserPagesRefuseOrShowHostileFilesAsText() async throws {
        let site = try await ShippedSite.awaited()
        let result = try await runBrowserScript("hostile_files.py", site.output.path, Self.fixtures.path)
        #expect(result.status == 0, "hostile files browser test failed:\n\(result.output)")
        for line in ["script-everywhere.md in the joint form: its result has no element made from the file's markup and ran nothing",
                     "the bundle page: no script of the file ran", "junk.md in the preparation form: no script error ([])",
                     "some mutated files are read and some refused"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
    }
}
