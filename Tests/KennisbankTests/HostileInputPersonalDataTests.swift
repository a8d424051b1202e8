import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankLoad

/// Hostile input to the personal-data warnings and the keys of issue 20
/// (`persoonsgegevens_gecontroleerd:`, `voorbeeld:`): huge fields full of numbers, addresses
/// and signs are read in linear time and give at most `PersonalDataWarnings.limit` warnings
/// and one line with the count.
@Suite("Hostile input: personal data", .serialized)
struct HostileInputPersonalDataTests {
    private static let front = "---\npraktijk: Proef\ndatum: 2026-03-10\ncode: abcdefghij12\n---\n## P1.01 Iets\n\n### Reflectie\n\n"

    /// The warnings of `check` for one assessment with `reflection` as its text, and the time taken.
    private func check(_ reflection: String) throws -> [String] {
        let project = try personalDataProject(["x.md": Self.front + reflection + "\n"])
        defer { project.remove() }
        let report = project.check()
        return project.lines(report).filter { $0.hasPrefix("content/zelfevaluaties/x.md") && $0.contains(": warning: ") }
    }

    @Test(arguments: [
        ("phone numbers", "0612345678 ", 909_090),
        ("BSNs", "123456782\n", 1_000_000),
        ("e-mail addresses", "a@b.nl ", 1_428_571),
        ("addresses", "1234 AB 5, ", 909_090),
    ])
    func tenMegabytesOfMatchesGiveTwentyWarningsAndACount(_ name: String, _ unit: String, _ count: Int) throws {
        let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let lines = try check(text)
        #expect(lines.count == PersonalDataWarnings.limit + 1, "\(name)")
        #expect(lines.last?.contains("warning: \(count - PersonalDataWarnings.limit) more things in this file from here on look like personal data") == true, "\(name): \(lines.last ?? "")")
    }

    @Test(arguments: ["0", "1", "0 ", "0-", "0.", "+", "+31 ", "@", "a@", "@a.", "1234 A", "A 1 ", "9", ".", "Ab 1, ", "11 ", "12.", "a.a.a@", "06 12 "])
    func tenMegabytesOfOneSignAreScannedToTheirLimit(_ unit: String) {
        // (About half a second each on a small machine; no test asserts a time, see bench/.)
        let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let (matches, total) = PersonalData.scan(text, limit: 21)
        #expect(matches.count == min(total, 21))
    }

    @Test func theKeysTakeOnlyYesOrNo() throws {
        let project = try personalDataProject([
            "a.md": "---\npraktijk: A\ndatum: 2026-03-10\ncode: abcdefghij12\nvoorbeeld: [1, 2]\n---\n",
            "b.md": "---\npraktijk: B\ndatum: 2026-03-10\ncode: abcdefghij12\nvoorbeeld: \"<script>\"\n---\n",
            "c.md": "---\npraktijk: C\ndatum: 2026-03-10\nzichtbaarheid: public\npersoonsgegevens_gecontroleerd: \(String(repeating: "x", count: 100_000))\n---\n",
        ])
        defer { project.remove() }
        let report = project.check()
        let errors = project.lines(report).filter { $0.contains(": error: ") }
        #expect(errors.count == 3)
        #expect(errors[0].hasPrefix("content/zelfevaluaties/a.md:5:1: error: "))
        #expect(errors[1] == "content/zelfevaluaties/b.md:5:1: error: `voorbeeld` must be `true` or `false`; found `<script>`")
        #expect(errors[2].hasPrefix("content/zelfevaluaties/c.md:5:1: error: `persoonsgegevens_gecontroleerd` must be `true` or `false`"))
    }
}
