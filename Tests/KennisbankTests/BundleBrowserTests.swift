import Foundation
import Testing

@Suite("Bundling the preparations in a real browser")
struct BundleBrowserTests {
    /// Runs Tests/browser/bundle.py (selenium, headless Chromium) on the shipped site: the bundle
    /// page's overview of the shipped preparation files, and of four generated ones in a site this
    /// build's `kennisbank` program makes, equals the generated overview page row by row and cell
    /// by cell; hostile, too large and other sessions' files are shown as text or refused with
    /// their reason; the handoff to the joint form holds exactly the statuses all agree on.
    @Test func theBundlePageShowsWhatTheGeneratedOverviewShows() async throws {
        let site = try await ShippedSite.awaited()
        let downloads = try downloadsFolder()
        defer { try? FileManager.default.removeItem(at: downloads) }
        let result = try await runBrowserScript("bundle.py", site.output.path, downloads.path, kennisbankProgram.path)
        #expect(result.status == 0, "bundle browser test failed:\n\(result.output)")
        for line in ["shipped example: every row, cell by cell (status, words, participant, attention), equals the generated page's",
                     "generated session: every row, cell by cell (status, words, participant, attention), equals the generated page's",
                     "no script of the file ran", "the handoff's suggestions are exactly the agreed statuses", "the page made no network request"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
    }
}
