import Foundation
import Kader
import Kennisbank
import KennisbankLoad
import Testing

@Suite("Preparing in a real browser")
struct PreparationBrowserTests {
    /// Runs Tests/browser/prepare.py (selenium, headless Chromium) on the shipped site: two
    /// participants of one party save their preparations, the second with the first one's code.
    /// Both files pass `kennisbank check` together in a copy of the shipped content, with their
    /// participants, one party and the same code.
    @Test func twoParticipantsOfOnePartySaveOneSession() async throws {
        let site = try await ShippedSite.awaited()
        let downloads = try downloadsFolder()
        defer { try? FileManager.default.removeItem(at: downloads) }
        let result = try await runBrowserScript("prepare.py", site.output.path, downloads.path)
        #expect(result.status == 0, "preparation browser test failed:\n\(result.output)")
        for line in ["saving with that code writes no file", "the second participant's file carries their name and the session's code",
                     "opening the first file fills in its participant and code"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
        let names = ["voorbereiding-zorgorganisatie-persoonlijk-begeleider-proef-2026.md", "voorbereiding-zorgorganisatie-teamleider-noord-proef-2026.md"]
        let project = try TestProject(files: [:])
        defer { project.remove() }
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("kennisbank.yml"),
                                         to: project.root.appendingPathComponent("kennisbank.yml"))
        let kader = try #require(formatKader)
        var preparations: [Preparation] = []
        var codes: Set<String> = []
        for name in names {
            let saved = downloads.appendingPathComponent(name)
            try FileManager.default.copyItem(at: saved, to: content.appendingPathComponent("zelfevaluaties/" + name))
            let assessment = try #require(SourceReaders.assessment(try Data(contentsOf: saved), kader: kader).0)
            preparations += assessment.preparation.map { [$0] } ?? []
            codes.insert(assessment.code ?? "")
        }
        #expect(preparations == [Preparation(party: .zorgorganisatie, session: "proef-2026", participant: "Persoonlijk begeleider"),
                                 Preparation(party: .zorgorganisatie, session: "proef-2026", participant: "Teamleider \"Noord\"")])
        #expect(codes.count == 1)
        let report = project.check()
        #expect(report.diagnostics.errors.isEmpty && report.diagnostics.warnings.isEmpty, "\(project.lines(report))")
    }

    /// Runs Tests/browser/invitation.py on the shipped site: the invitation link fills in and
    /// fixes the session's details, each session's work is kept apart, a broken link says so.
    /// The saved file, read by the site's reader, carries the link's session, code and practice.
    @Test func anInvitationLinkFillsInTheSessionAndKeepsSessionsApart() async throws {
        let site = try await ShippedSite.awaited()
        let downloads = try downloadsFolder()
        defer { try? FileManager.default.removeItem(at: downloads) }
        let result = try await runBrowserScript("invitation.py", site.output.path, downloads.path)
        #expect(result.status == 0, "invitation browser test failed:\n\(result.output)")
        for line in ["the link's details are fixed", "another session's link starts with its own, empty work",
                     "the first session's work is still there", "a broken link fixes nothing"] {
            #expect(result.output.contains("ok: \(line)"), "\(line)")
        }
        let saved = downloads.appendingPathComponent("voorbereiding-gemeente-beleidsadviseur-duinmeer-proef.md")
        let kader = try #require(formatKader)
        let assessment = try #require(SourceReaders.assessment(try Data(contentsOf: saved), kader: kader).0)
        #expect(assessment.preparation == Preparation(party: .gemeente, session: "duinmeer-proef", participant: "Beleidsadviseur"))
        #expect(assessment.code == "k3x9abcdef12")
        #expect(assessment.practice == "Housing First <b>Proef</b> & \"Zon\"")
    }
}
