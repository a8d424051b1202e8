import Foundation
import Testing

@Suite("The whole self-evaluation session in a real browser")
struct JourneyBrowserTests {
    /// Runs Tests/browser/journey.py (selenium, headless Chromium) on the shipped site, served:
    /// the facilitator starts a session; four participants (two of one party) open the invitation
    /// link, prepare and save; the facilitator bundles the files, starts the joint form from the
    /// bundle, confirms the suggestions, fills in and saves, views the result and saves it as one
    /// page. The saved assessment passes `kennisbank check` with 0 errors and 0 warnings, its
    /// generated page (at the address the form showed) agrees with the in-browser result, and
    /// `assessment render` renders it with the binary copied elsewhere and run in another folder.
    @Test func fromInvitationToSharedResult() async throws {
        let site = try await ShippedSite.awaited()
        let downloads = try downloadsFolder()
        defer { try? FileManager.default.removeItem(at: downloads) }
        let result = try await runBrowserScript("journey.py", site.output.path, downloads.path, kennisbankProgram.path,
                                                repositoryRoot.appendingPathComponent("content").path)
        #expect(result.status == 0, "journey browser test failed:\n\(result.output)")
        for line in ["the joint form shows the agreed scores as suggestions", "before they are confirmed, the suggestions would be saved as open",
                     "the saved assessment passes kennisbank check with 0 errors and 0 warnings",
                     "the in-browser result and the generated page agree on every count, list and text",
                     "assessment render, with the binary copied elsewhere and run in another folder, renders it",
                     "no page of the journey asked for anything outside the site"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
    }
}
