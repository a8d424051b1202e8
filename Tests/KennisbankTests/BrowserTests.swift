import Foundation
@testable import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Filling in the kader in a real browser", .serialized)
struct BrowserTests {
    /// Runs Tests/browser/fill_in.py (selenium, headless Chromium) on the shipped site, then checks
    /// the file the page saved with the same validation as `kennisbank check`.
    @Test func fillReloadSaveAndOpen() throws {
        let site = ShippedSite.shared
        #expect(site.report.wroteOutput)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-browser-\(UUID().uuidString)")
        let downloads = work.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let handwritten = work.appendingPathComponent("handwerk.md")
        try Data("""
        ---
        praktijk: Housing First Handwerk
        datum: 2025-02-01
        code: abcdefghij12
        ---
        ## P1.05 Verspreid wonen

        **Kleurscore:** oranje

        ### Reflectie

        Het aandeel in één complex is te hoog.
        """.utf8).write(to: handwritten)

        let result = try runBrowserScript("fill_in.py", site.output.path, downloads.path, handwritten.path)
        #expect(result.status == 0, "browser test failed (run scripts/setup.sh --test for Chromium and selenium):\n\(result.output)")
        #expect(result.output.contains("ok: the page made no network request"))

        // The saved file passes the same checks as `kennisbank check`, in a copy of the shipped content.
        let saved = downloads.appendingPathComponent("zelfevaluatie-housing-first-proef-2025-04-02.md")
        let text = try String(contentsOf: saved, encoding: .utf8)
        #expect(text.contains("**Kleurscore:** niet op orde"))
        let project = try TestProject(files: [:])
        defer { project.remove() }
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        try FileManager.default.copyItem(at: saved, to: content.appendingPathComponent("zelfevaluaties/proef.md"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("kennisbank.yml"),
                                         to: project.root.appendingPathComponent("kennisbank.yml"))
        let report = project.check()
        #expect(report.diagnostics.errors.isEmpty && report.diagnostics.warnings.isEmpty, "\(project.lines(report))")
        #expect(report.diagnostics.notes.contains { $0.file.hasSuffix("proef.md") && $0.message.hasPrefix("80 of 83 indicators are open") })
    }

    /// axe-core (as shipped in axe-selenium-python) on the pages people use most: no serious or
    /// critical violation.
    @Test func noSeriousAccessibilityViolations() throws {
        let site = ShippedSite.shared
        let result = try runBrowserScript("accessibility.py", site.output.path)
        #expect(result.status == 0, "axe-core found serious or critical violations (or could not run):\n\(result.output)")
        #expect(result.output.contains("checked: search results") && result.output.contains("checked: book"))
    }

    /// Keyboard only: Tab reaches every interactive element of five pages, focus is always
    /// visible, and the skip link works with Enter.
    @Test func keyboardOnlyWalk() throws {
        let site = ShippedSite.shared
        let result = try runBrowserScript("keyboard.py", site.output.path)
        #expect(result.status == 0, "keyboard walk failed:\n\(result.output)")
        #expect(result.output.contains("ok: Enter on the skip link moves focus to the content"))
    }
}
