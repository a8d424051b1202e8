import Diagnostics
import Foundation
import Kennisbank
import Testing

@Suite("Starting a session in a real browser")
struct SessionStartBrowserTests {
    /// Runs Tests/browser/session_start.py (selenium, headless Chromium) on the shipped site and
    /// on a copy built with `base_url`: from a folder the start page refuses missing details and
    /// an impossible date at their fields, says that a link needs the published site and saves a
    /// text invitation; served, its link (the details in the fragment, no query string) fills in
    /// and fixes the preparation form; a reload keeps the session; with `base_url` the link
    /// starts with the preparation form's published address.
    @Test func theStartPageMakesTheCodeAndTheInvitation() async throws {
        let site = try await ShippedSite.awaited()
        let downloads = try downloadsFolder()
        defer { try? FileManager.default.removeItem(at: downloads) }
        let project = try TestProject(files: [:])
        defer { project.remove() }
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("kennisbank.yml"), encoding: .utf8)
        let config = shipped.replacingOccurrences(of: "\n# base_url: https://example.org/kennisbank/\n",
                                                  with: "\nbase_url: https://example.org/kennisbank/\n")
        #expect(config != shipped, "kennisbank.yml no longer has the commented base_url line this test sets")
        try project.write(config, to: "kennisbank.yml")
        let report = project.build()
        #expect(!report.diagnostics.hasErrors, "\(project.lines(report))")

        let result = try await runBrowserScript("session_start.py", site.output.path, downloads.path,
                                                project.root.appendingPathComponent("_site").path)
        #expect(result.status == 0, "session start browser test failed:\n\(result.output)")
        for line in ["starting without a practice is refused at its field", "an impossible date is refused at its field, which gets the focus",
                     "it says that a link needs the published site", "the practice's markup is not made an element",
                     "a reload shows the started session again", "the link has no query string", "and fixes those details",
                     "served, the pages made no network request outside the site ()"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
        #expect(result.output.contains("ok: with base_url, the link starts with https://example.org/kennisbank/kader/formulieren/voorbereiding.html#"))
        let invitation = try String(contentsOf: downloads.appendingPathComponent("uitnodiging-housing-first-b-proef-b-zon-2026.txt"), encoding: .utf8)
        #expect(invitation.contains("Praktijk: Housing First <b>Proef</b> & \"Zon\""))
    }
}
