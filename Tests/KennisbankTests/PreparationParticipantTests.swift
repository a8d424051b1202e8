import Diagnostics
import Foundation
import Kader
import Kennisbank
import KennisbankLoad
import SiteFormats
import Testing

// Several participants per party (`deelnemer:`) and the session's one code (issue 19, the
// preparation format): what `check` accepts and refuses, and the overview's columns.

/// A preparation file of the session `duinmeer-2025` for `party`, with `extra` front matter.
private func preparation(_ party: String, participant: String? = nil, code: String = "abcdefghij12", status: String = "groen") -> String {
    var lines = ["---", "praktijk: Housing First Duinmeer", "datum: 2025-03-11", "voorbereiding: true", "namens: \(party)",
                 "sessie: duinmeer-2025"]
    if let participant { lines.append("deelnemer: \(participant)") }
    lines += ["code: \(code)", "---", "## P1.01", "", "**Kleurscore:** \(status)", ""]
    return lines.joined(separator: "\n")
}

/// The minimal site with its kader and an assessments folder, plus `files` in that folder.
private func site(_ files: [String: String]) -> [String: String] {
    var all = minimalKaderSite
    all["zelfevaluaties/_index.md"] = "---\ntitle: Zelfevaluaties\n---\nDe rondes.\n"
    for (name, text) in files { all["zelfevaluaties/" + name] = text }
    return all
}

/// The errors `check` gives for `files` (notes and warnings left out).
private func errors(_ files: [String: String]) throws -> [String] {
    let project = try TestProject(files: site(files))
    defer { project.remove() }
    return project.lines(project.check()).filter { $0.contains(": error: ") }.sorted()
}

/// Reads one preparation file as the site does.
private func read(_ text: String) throws -> (Assessment?, [String]) {
    let kader = try #require(formatKader)
    let (assessment, problems) = SourceReaders.assessment(Data(text.utf8), kader: kader)
    return (assessment, problems.filter { $0.severity == .error }.map(\.description))
}

@Suite("Several participants per party")
struct PreparationParticipantTests {
    /// A participant's file, as the writer writes it, reads back with its party, session and
    /// participant, whatever the name holds (quotes, a colon, `#`, markup).
    @Test func aPreparationWithItsParticipantReadsBack() throws {
        let kader = try #require(formatKader)
        for name in ["Persoonlijk begeleider", "Jan \"JJ\" de Vries: #1 <b>&amp;</b>", "Zoë 'ervaringsdeskundige' - [team]"] {
            var file = AssessmentFile()
            file.practice = "Housing First Duinmeer"
            file.date = "2026-03-10"
            file.kaderVersion = kader.version
            file.code = "q8v3m1x7k2d9"
            file.preparation = Preparation(party: .ervaringsdeskundige, session: "duinmeer-2026", participant: name)
            let (assessment, problems) = try read(file.markdown)
            #expect(problems.isEmpty, "\(problems)")
            #expect(assessment?.preparation == Preparation(party: .ervaringsdeskundige, session: "duinmeer-2026", participant: name))
            #expect(assessment?.code == "q8v3m1x7k2d9")
        }
    }

    /// An ervaringsdeskundige and a belangenbehartiger may prepare too; a file without `namens:`
    /// is told every party it may name.
    @Test func everyRoleMayPrepare() throws {
        for party in ["ervaringsdeskundige", "belangenbehartiger", "anders"] {
            let (assessment, problems) = try read(preparation(party))
            #expect(problems.isEmpty, "\(problems)")
            #expect(assessment?.preparation?.party.rawValue == party)
        }
        let (_, problems) = try read(preparation("gemeente").replacingOccurrences(of: "namens: gemeente\n", with: ""))
        #expect(problems == ["content/zelfevaluaties/ronde.md:4:1: error: a preparation needs `namens:`, the party it speaks for (zorgorganisatie, woningcorporatie, gemeente, ervaringsdeskundige, belangenbehartiger or anders)"])
    }

    /// `deelnemer:` is one line of at most 100 characters; empty is the same as not given.
    @Test func theParticipantIsOneShortLine() throws {
        let long = String(repeating: "é", count: 101)
        #expect(try read(preparation("gemeente", participant: long)).1 == [
            "content/zelfevaluaties/ronde.md:7:1: error: `deelnemer` holds 101 characters, more than the 100 a name or role may have; shorten it",
        ])
        #expect(try read(preparation("gemeente", participant: String(long.dropFirst()))).0?.preparation?.participant?.count == 100)
        #expect(try read(preparation("gemeente", participant: "\"Jan\\nde Vries\"")).1 == [
            "content/zelfevaluaties/ronde.md:7:1: error: `deelnemer` must be one line of text (a name or role, such as `Persoonlijk begeleider`), without line breaks or control characters",
        ])
        #expect(try read(preparation("gemeente", participant: "\"\"")).0?.preparation == Preparation(party: .gemeente, session: "duinmeer-2025"))
        #expect(try read(preparation("gemeente", participant: "\"  Teamleider \"")).0?.preparation?.participant == "Teamleider")
        #expect(try read(preparation("gemeente", participant: "[a, b]")).1.count == 1)
    }

    /// Two participants of one party (and one without a name) are accepted; two files of one
    /// party with the same participant, or both without one, are an error that names the other.
    @Test func twoFilesOfOnePartyNeedDifferentParticipants() throws {
        #expect(try errors([
            "a.md": preparation("zorgorganisatie", participant: "Teamleider"),
            "b.md": preparation("zorgorganisatie", participant: "Persoonlijk begeleider"),
            "c.md": preparation("zorgorganisatie"),
            "d.md": preparation("gemeente"),
        ]).isEmpty)
        let fix = "give each participant's file its own `deelnemer:` (the participant's name or role, such as `deelnemer: Persoonlijk begeleider`), or remove one of the files"
        let found = try errors([
            "a.md": preparation("zorgorganisatie", participant: "Teamleider"),
            "b.md": preparation("zorgorganisatie", participant: "teamleider!"),
            "c.md": preparation("gemeente"),
            "d.md": preparation("gemeente"),
        ])
        // Besides these, each pair's pages (and PDFs) would be written to one address, which is
        // an error of its own, naming `deelnemer` among what makes the address.
        #expect(found.filter { $0.contains("would") }.allSatisfy { $0.contains("`deelnemer`") || !$0.contains("namens") })
        #expect(found.filter { $0.contains("is a preparation of the session") } == [
            "content/zelfevaluaties/b.md:7:1: error: content/zelfevaluaties/a.md is a preparation of the session `duinmeer-2025` for `namens: zorgorganisatie` with the same `deelnemer: teamleider!` too; \(fix)",
            "content/zelfevaluaties/d.md:5:1: error: content/zelfevaluaties/c.md is a preparation of the session `duinmeer-2025` for `namens: gemeente` with no `deelnemer` too; \(fix)",
        ])
    }

    /// All files of a session share its code: the error says which file holds which code.
    @Test func differentCodesSayWhichFileHoldsWhich() throws {
        #expect(try errors([
            "a.md": preparation("zorgorganisatie", code: "abcdefghij12"),
            "b.md": preparation("gemeente", code: "zyxwvutsrq98"),
        ]) == [
            "content/zelfevaluaties/b.md:7:1: error: all preparation files of the session `duinmeer-2025` need the same `code`, so that their overview has one address; this file has `code: zyxwvutsrq98`, content/zelfevaluaties/a.md has `code: abcdefghij12`; write `code: abcdefghij12` here (or give every file of the session the same other code)",
        ])
    }

    /// The overview has a column per participant, grouped by party, with the participant's name
    /// under the party's (escaped); where two participants of one party disagree, the indicator
    /// comes first.
    @Test func theOverviewHasAColumnPerParticipant() throws {
        let project = try TestProject(files: site([
            "a.md": preparation("gemeente"),
            "b.md": preparation("zorgorganisatie", participant: "Teamleider", status: "groen"),
            "c.md": preparation("zorgorganisatie", participant: "\"<script>alert(1)</script> begeleider\"", status: "rood"),
        ]))
        defer { project.remove() }
        let lines = project.lines(project.build())
        #expect(lines.allSatisfy { !$0.contains("error:") }, "\(lines)")
        let html = try project.output("zelfevaluaties/voorbereiding-duinmeer-2025-abcdefghij12/index.html")
        let header = try #require(html.components(separatedBy: "<thead>").dropFirst().first?.components(separatedBy: "</thead>").first)
        let columns = header.components(separatedBy: "<th scope=\"col\">").dropFirst().map { $0.components(separatedBy: "</th>")[0] }
        #expect(columns == ["Indicator",
                            "Zorgorganisatie <span class=\"party-participant\">&lt;script&gt;alert(1)&lt;/script&gt; begeleider</span>",
                            "Zorgorganisatie <span class=\"party-participant\">Teamleider</span>",
                            "Gemeente", "Aandacht"])
        // Nor does any page of the session show the name as markup.
        let folder = project.root.appendingPathComponent("_site/zelfevaluaties")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("voorbereiding-") {
            let page = try String(contentsOf: folder.appendingPathComponent(name + "/index.html"), encoding: .utf8)
            #expect(!page.contains("<script>alert(1)"), "\(name)")
        }
        let row = try #require(html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(row.contains("class=\"disagreement\"") && row.contains("P1.01"), "\(row)")
        #expect(row.contains("Zorgorganisatie (Teamleider)</span>"))
        // Each participant's own page has an address of its own.
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent(
            "_site/zelfevaluaties/voorbereiding-zorgorganisatie-teamleider-duinmeer-2025-abcdefghij12/index.html").path))
    }
}
