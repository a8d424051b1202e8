import Foundation
import Testing

@Suite("The result of the joint form in a real browser")
struct ResultBrowserTests {
    /// Runs Tests/browser/result_view.py (selenium, headless Chromium) on the shipped site: for
    /// each shipped assessment, "Bekijk uitslag" shows the counts per part, the aandachtspunten,
    /// the plan and every indicator's status exactly as the generated result page does; the saved
    /// web page stands on its own (styles inside, no script, nothing outside its file) and prints
    /// on A4; markup typed in the form stays text.
    @Test func theResultInTheBrowserAgreesWithTheGeneratedPageAndSavesOnItsOwn() async throws {
        let site = try await ShippedSite.awaited()
        let downloads = try downloadsFolder()
        defer { try? FileManager.default.removeItem(at: downloads) }
        let result = try await runBrowserScript("result_view.py", site.output.path, downloads.path,
                                                repositoryRoot.appendingPathComponent("content").path)
        #expect(result.status == 0, "result browser test failed:\n\(result.output)")
        for line in ["duinmeer-2025.md: the browser's result agrees with the generated page", "the saved page asks for nothing outside its file",
                     "the saved page prints on A4", "no script of the work ran", "a typed line break stays a line break"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
    }
}
