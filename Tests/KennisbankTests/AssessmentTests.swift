import Diagnostics
import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// A small kader of two parts is enough for the domain tests.
private let smallKader = Kader(version: "2025", parts: [
    KaderPart(id: .principle(1), title: "Huisvesting", source: "kader/p1.md", indicators: (1...3).map {
        Indicator(id: IndicatorID(part: .principle(1), number: $0), title: "Indicator \($0)", group: nil, parties: [])
    }),
    KaderPart(id: .samenwerking, title: "Samenwerking", source: "kader/s.md", indicators: (1...2).map {
        Indicator(id: IndicatorID(part: .samenwerking, number: $0), title: "Samen \($0)", group: nil, parties: [])
    }),
])

private let header = """
---
praktijk: Housing First Proefdorp
regio: Proefdorp
datum: 2025-03-14
kader: "2025"
organisaties:
  - naam: Stichting Test
    rol: zorgorganisatie
  - naam: Gemeente Proefdorp
    rol: Gemeente
gespreksleider: Bureau Test
code: abcdef123456
---

"""

/// Reads an assessment file the way the generator does.
private func read(_ text: String) -> (AssessmentDraft?, [Diagnostic]) {
    let (source, problems) = SourceLoader.parse(text, path: "zelfevaluaties/test.md", displayPath: "content/zelfevaluaties/test.md",
                                                folders: LoadRules(assessments: "zelfevaluaties"))
    return (source?.assessment, problems)
}

private func validate(_ text: String) -> (Assessment?, [String]) {
    let (draft, problems) = read(text)
    guard let draft else { return (nil, problems.map(\.description)) }
    let (assessment, buildProblems) = AssessmentBuilder.build(draft, kader: smallKader)
    return (assessment, (problems + buildProblems).sorted().map(\.description))
}

@Suite("Completed assessments")
struct AssessmentTests {
    @Test func statusWordsInTheKadersOwnWordsAndColours() {
        #expect(Status.parse("Op orde") == .some(.opOrde))
        #expect(Status.parse("GROEN") == .some(.opOrde))
        #expect(Status.parse("in  ontwikkeling") == .some(.inOntwikkeling))
        #expect(Status.parse("Oranje") == .some(.inOntwikkeling))
        #expect(Status.parse("niet op orde") == .some(.nietOpOrde))
        #expect(Status.parse("rood") == .some(.nietOpOrde))
        #expect(Status.parse("open") == .some(nil))
        #expect(Status.parse("geel") == nil)
    }

    @Test func datesMustExist() throws {
        var diagnostics = DiagnosticList()
        let strings = try #require(InterfaceStrings.read(templateRoot: repositoryRoot.appendingPathComponent("templates"),
                                                         displayRoot: "templates", language: "nl", diagnostics: &diagnostics))
        #expect(diagnostics.items.isEmpty)
        #expect(strings.date(try #require(SessionDate("2024-02-29"))) == "29 februari 2024")
        #expect(SessionDate("2025-02-29") == nil)
        #expect(SessionDate("14-03-2025") == nil)
        #expect(SessionDate("2025-3-14") == nil)
    }

    @Test func parsesAFileByHand() throws {
        let text = header + """
        ## P1.01 Iedereen krijgt de kans

        **Kleurscore:** groen

        ### Reflectie

        Gaat *goed*.

        ### Acties

        - Zo houden.

        ## P1.02

        **Kleurscore:** Niet op orde

        ## S.01 Kennis

        ### Reflectie

        Nog geen score gekozen.

        ## Plan van aanpak

        ### Afspraken maken

        - **Wie:** teamleider
        - **Wanneer:** juni
        - **Doel:** duidelijkheid
        - **Indicatoren:** P1.02, S.01
        """
        let (assessment, problems) = validate(text)
        #expect(problems.isEmpty)
        let result = try #require(assessment)
        #expect(result.practice == "Housing First Proefdorp")
        #expect(result.region == "Proefdorp")
        #expect(result.date.description == "2025-03-14")
        #expect(result.organisations == [Organisation(name: "Stichting Test", role: .zorgorganisatie),
                                         Organisation(name: "Gemeente Proefdorp", role: .gemeente)])
        #expect(result.facilitator == "Bureau Test")
        #expect(result.visibility == .unlisted)
        #expect(result.status(IndicatorID("P1.01")!) == .opOrde)
        #expect(result.status(IndicatorID("P1.02")!) == .nietOpOrde)
        #expect(result.scores[IndicatorID("S.01")!] == IndicatorScore(status: nil, hasReflection: true, hasActions: false))
        #expect(result.scores[IndicatorID("P1.01")!] == IndicatorScore(status: .opOrde, hasReflection: true, hasActions: true))
        #expect(result.openIndicators(in: smallKader).map(\.description) == ["P1.03", "S.01", "S.02"])
        #expect(result.plan == [PlanEntry(what: "Afspraken maken", who: "teamleider", when: "juni", goal: "duidelijkheid",
                                          indicators: [IndicatorID("P1.02")!, IndicatorID("S.01")!])])
    }

    @Test func everyValidationErrorAtOnce() {
        let text = """
        ---
        datum: 2025-14-03
        kader: "2023"
        organisaties:
          - naam: Stichting Test
            rol: zorgorganisatei
        zichtbaarheid: geheim
        ---
        ## P1.01 Eén

        **Kleurscore:** oranj

        ## P1.01 Nog eens

        **Kleurscore:** groen
        """
        let (assessment, problems) = validate(text)
        #expect(assessment == nil)
        #expect(problems == [
            "content/zelfevaluaties/test.md:1:1: error: the assessment has no practice name; add `praktijk: Naam van de praktijk` to the front matter",
            "content/zelfevaluaties/test.md:2:1: error: `datum` must be a date written as year-month-day, such as `2025-03-14`; found `2025-14-03`",
            "content/zelfevaluaties/test.md:3:1: error: this assessment was made with kader version `2023`, but this site has version `2025`, so its indicator IDs cannot be checked; use `kader: \"2025\"` if the IDs are the same",
            "content/zelfevaluaties/test.md:6:1: error: unknown role `zorgorganisatei`; did you mean `zorgorganisatie`?",
            "content/zelfevaluaties/test.md:7:1: error: unknown visibility `geheim`; use one of `unlisted`, `public`",
            "content/zelfevaluaties/test.md:11:1: error: unknown status `oranj`; did you mean `oranje`?",
            "content/zelfevaluaties/test.md:13:1: error: indicator P1.01 is scored twice; it is also at line 9; keep one section per indicator",
        ])
    }

    @Test func unknownIndicatorsInScoresAndPlan() {
        let text = header + """
        ## P1.07 Bestaat niet

        **Kleurscore:** rood

        ## Plan van aanpak

        ### Iets doen

        - **Indicatoren:** S.09, X1
        """
        let (_, problems) = validate(text)
        #expect(problems == [
            "content/zelfevaluaties/test.md:14:1: error: unknown indicator P1.07: part P1 of kader 2025 has indicators P1.01 to P1.03",
            "content/zelfevaluaties/test.md:22:1: error: `X1` in the plan entry `Iets doen` is not an indicator ID; IDs look like `P1.05`, `S.03` or `K.02`",
            "content/zelfevaluaties/test.md:22:1: error: unknown indicator S.09 in the plan entry `Iets doen`: part S of kader 2025 has indicators S.01 to S.02",
        ])
    }

    @Test func unlistedNeedsACode() {
        let text = "---\npraktijk: P\ndatum: 2025-01-02\n---\n"
        let (_, problems) = validate(text)
        #expect(problems == ["content/zelfevaluaties/test.md:2:1: error: an unlisted assessment needs a `code:` so that its address cannot be guessed; add a line such as `code: k7w2p9x4qm` (any 10 or more lower-case letters and digits)"])
        let (published, none) = validate("---\npraktijk: P\ndatum: 2025-01-02\nzichtbaarheid: public\npersoonsgegevens_gecontroleerd: true\n---\n")
        #expect(none.isEmpty)
        #expect(published?.visibility == .public)
    }

    @Test func summaryCountsEachStatusPerPart() throws {
        let (assessment, _) = validate(header + "## P1.01\n\n**Kleurscore:** groen\n\n## P1.02\n\n**Kleurscore:** rood\n\n## S.02\n\n**Kleurscore:** oranje\n")
        let summary = AssessmentSummary(try #require(assessment), kader: smallKader)
        #expect(summary.parts.map(\.counts.opOrde) == [1, 0])
        #expect(summary.parts.map(\.counts.nietOpOrde) == [1, 0])
        #expect(summary.parts.map(\.counts.inOntwikkeling) == [0, 1])
        #expect(summary.parts.map(\.counts.open) == [1, 1])
        #expect(summary.total.filled == 3 && summary.total.total == 5)
    }

    @Test func comparisonBetweenTwoRounds() throws {
        let first = try #require(validate(header + "## P1.01\n\n**Kleurscore:** oranje\n\n## P1.02\n\n**Kleurscore:** groen\n\n## P1.03\n\n**Kleurscore:** rood\n\n## S.01\n\n**Kleurscore:** rood\n").0)
        let second = try #require(validate(header + "## P1.01\n\n**Kleurscore:** groen\n\n## P1.02\n\n**Kleurscore:** oranje\n\n## P1.03\n\n**Kleurscore:** rood\n\n## S.02\n\n**Kleurscore:** groen\n").0)
        let comparison = RoundComparison(current: second, previous: first, kader: smallKader)
        #expect(comparison.changes[IndicatorID("P1.01")!] == .better)
        #expect(comparison.changes[IndicatorID("P1.02")!] == .worse)
        #expect(comparison.changes[IndicatorID("P1.03")!] == .same)
        #expect(comparison.changes[IndicatorID("S.01")!] == .dropped)
        #expect(comparison.changes[IndicatorID("S.02")!] == .new)
        #expect(comparison.counts(for: smallKader.parts[0]) == [.better: 1, .worse: 1, .same: 1])
    }

    private func preparation(_ party: String, _ scores: String) throws -> Assessment {
        let text = """
        ---
        praktijk: Housing First Proefdorp
        datum: 2025-03-14
        voorbereiding: true
        namens: \(party)
        sessie: proef-2025
        code: abcdef123456
        ---
        \(scores)
        """
        let (assessment, problems) = validate(text)
        #expect(problems.isEmpty, "\(problems)")
        return try #require(assessment)
    }

    @Test func preparationOverviewOrdersByAttention() throws {
        let care = try preparation("zorgorganisatie", "## P1.01\n\n**Kleurscore:** groen\n\n## P1.02\n\n**Kleurscore:** oranje\n\n## P1.03\n\n**Kleurscore:** rood\n\n## S.01\n\n**Kleurscore:** groen\n")
        let housing = try preparation("woningcorporatie", "## P1.01\n\n**Kleurscore:** groen\n\n## P1.02\n\n**Kleurscore:** oranje\n\n## P1.03\n\n**Kleurscore:** rood\n\n## S.01\n\n**Kleurscore:** rood\n\n## S.02\n\n**Kleurscore:** oranje\n")
        let council = try preparation("gemeente", "## P1.01\n\n**Kleurscore:** groen\n\n## P1.02\n\n**Kleurscore:** oranje\n")
        #expect(care.preparation == Preparation(party: .zorgorganisatie, session: "proef-2025"))
        let overview = PreparationOverview(session: "proef-2025", preparations: [council, care, housing], kader: smallKader)
        #expect(overview.preparations.map { $0.preparation!.party } == [.zorgorganisatie, .woningcorporatie, .gemeente])
        // S.01: groen against rood (disagreement); P1.03: rood; P1.02 and S.02: oranje; P1.01: groen.
        #expect(overview.rows.map(\.id.description) == ["S.01", "P1.03", "P1.02", "S.02", "P1.01"])
        #expect(overview.rows.map(\.disagreement) == [true, false, false, false, false])
        #expect(overview.rows.map(\.attention) == [0, 1, 2, 2, 3])
        #expect(overview.rows[0].statuses == [.opOrde, .nietOpOrde, nil])
        #expect(overview.disagreements == 1)
    }

    @Test func preparationNeedsPartyAndSession() {
        let text = "---\npraktijk: P\ndatum: 2025-01-02\ncode: abcdef123456\nvoorbereiding: true\nnamens: buurman\nzichtbaarheid: public\n---\n"
        let (_, problems) = validate(text)
        #expect(problems == [
            "content/zelfevaluaties/test.md:5:1: error: a preparation needs `sessie:`, the name all participants of the joint session use, such as `duinmeer-2025`",
            "content/zelfevaluaties/test.md:6:1: error: unknown party `buurman`; use one of `zorgorganisatie`, `woningcorporatie`, `gemeente`, `ervaringsdeskundige`, `belangenbehartiger`, `anders`",
            "content/zelfevaluaties/test.md:7:1: error: a preparation is never public; remove `zichtbaarheid: public`",
        ])
    }
}

/// One score per indicator, from structure alone (issue 15, item 3): the files that used to be
/// read silently wrong, each with what the site reads or the exact error.
@Suite("Assessment structure")
struct AssessmentStructureTests {
    private func scored(_ body: String) throws -> [IndicatorID: Status?] {
        let (assessment, problems) = validate(header + body)
        #expect(problems.filter { $0.contains("error") }.isEmpty, "\(problems)")
        return try #require(assessment).scores.mapValues(\.status)
    }

    private func errors(_ body: String) -> [String] {
        let (_, problems) = validate(header + body)
        return problems.filter { $0.contains(": error: ") }
    }

    private let p101 = "## P1.01 Eerste\n\n**Kleurscore:** groen\n\n"

    @Test func aSecondScoreLineIsAnError() {
        #expect(errors(p101 + "**Kleurscore:** rood\n") == [
            "content/zelfevaluaties/test.md:18:1: error: a second `**Kleurscore:**` line for P1.01 (its score is at line 16); keep one score line, directly under `## P1.01`, or, to keep it as text, write `__Kleurscore:__`",
        ])
    }

    @Test func aScoreLineInsideReflectieOrActiesIsAnError() {
        #expect(errors("## P1.01 Eerste\n\n### Reflectie\n\nTekst.\n\n**Kleurscore:** groen\n\n### Acties\n\n- **Kleurscore:** rood\n") == [
            "content/zelfevaluaties/test.md:20:1: error: `**Kleurscore:**` inside `### Reflectie` of P1.01 is not its score; write the score line directly under `## P1.01`, or, to keep it as text, write `__Kleurscore:__`",
            "content/zelfevaluaties/test.md:24:3: error: `**Kleurscore:**` inside `### Acties` of P1.01 is not its score; write the score line directly under `## P1.01`, or, to keep it as text, write `__Kleurscore:__`",
        ])
    }

    @Test func theScoreStandsDirectlyUnderTheHeadingAsAParagraphOfItsOwn() {
        #expect(errors("## P1.01 Eerste\n\nEerst tekst.\n\n**Kleurscore:** groen\n\n## P1.02 Tweede\n\n**Kleurscore:** rood\nen meer\n") == [
            "content/zelfevaluaties/test.md:18:1: error: the score line of P1.01 must stand directly under `## P1.01`, before any text; move it up, or, to keep it as text, write `__Kleurscore:__`",
            "content/zelfevaluaties/test.md:22:1: error: the score line of P1.02 must be a paragraph of its own; put an empty line below it",
        ])
        #expect(errors("**Kleurscore:** groen\n\n" + p101 + "### Reflectie\n\n- **Wie:** iemand\n") == [
            "content/zelfevaluaties/test.md:14:1: error: `**Kleurscore:**` stands outside any indicator; write it directly under an indicator's heading such as `## P1.05`, or, to keep it as text, write `__Kleurscore:__`",
            "content/zelfevaluaties/test.md:22:3: error: `**Wie:**` belongs to an action of the plan (a `###` heading under `## Plan van aanpak`) and is not read here; move it there, or, to keep it as text, write `__Wie:__`",
        ])
    }

    @Test func aFencedHeadingOrOneInRawHTMLIsText() throws {
        let scores = try scored(p101 + "### Reflectie\n\n```\n## P1.02 Tweede\n\n**Kleurscore:** rood\n```\n\n~~~~\n## S.01\n~~~~\n"
                                + "\n<div>\n## P1.03 In HTML\n**Kleurscore:** rood\n\n<!-- ## S.02\n\n**Kleurscore:** rood -->\n")
        #expect(scores == [IndicatorID("P1.01")!: .opOrde])
    }

    @Test func underlinedIndentedQuotedAndListedHeadingsAreText() throws {
        let scores = try scored(p101 + "### Reflectie\n\nP1.02\n-----\n\nS.01\n=====\n\n ## P1.03 Derde\n\n> ## S.02 Vier\n\n- ## P1.02 Vijf\n\n1. ### Acties\n")
        #expect(scores == [IndicatorID("P1.01")!: .opOrde])
        // A score below an underlined heading is inside the reflection, not a new indicator's.
        #expect(errors(p101 + "### Reflectie\n\nP1.02\n---\n\n**Kleurscore:** rood\n") == [
            "content/zelfevaluaties/test.md:23:1: error: `**Kleurscore:**` inside `### Reflectie` of P1.01 is not its score; write the score line directly under `## P1.01`, or, to keep it as text, write `__Kleurscore:__`",
        ])
    }

    @Test func aBlockLeftOpenIsAnError() {
        #expect(errors(p101 + "### Reflectie\n\n```swift\ncode\n\n## P1.02 Tweede\n\n**Kleurscore:** rood\n") == [
            "content/zelfevaluaties/test.md:20:1: error: this code block is never closed, so the rest of the file would be read as code; close it with a line that holds only ```",
        ])
        #expect(errors(p101 + "### Reflectie\n\n  <!-- nog niet af\n\n## P1.02 Tweede\n") == [
            "content/zelfevaluaties/test.md:20:3: error: this raw HTML is never closed with `-->`, so the rest of the file would be read as part of it; close it, or write `\\<` to show the `<` as text",
        ])
    }

    @Test func whereMarkdownAndTheLineRulesDisagreeItIsAnError() {
        // Raw HTML of kind 7 (a line of only a tag) runs to the next empty line in Markdown, over
        // the heading; the line rules cannot tell it from text.
        #expect(errors(p101 + "### Reflectie\n\n<span class=\"x\">\n## P1.02 Tweede\n") == [
            "content/zelfevaluaties/test.md:21:1: error: `## P1.02 Tweede` is not read as a heading here: Markdown reads it as part of the raw HTML or text above it; put an empty line above it",
        ])
        // A fence inside a list item ends with the item in Markdown; by the line rules it is still open.
        #expect(errors(p101 + "### Reflectie\n\n- punt\n\n  ```\n  code\n## P1.02 Tweede\n\n```\n").contains(
            "content/zelfevaluaties/test.md:24:1: error: this heading stands where the code block or raw HTML opened above it is still open by the format's rules (which the browser form reads it by); close that block before this heading, or put a space before the `#` to keep the heading as text"))
        // A label that Markdown reads as an item of a list inside the item above.
        #expect(errors("## Plan van aanpak\n\n### Actie\n\n- **Wie:** Jan\n\n  - **Doel:** meer\n") == [
            "content/zelfevaluaties/test.md:20:5: error: `**Doel:**` is not read as a label here: Markdown reads this line as part of the text or heading around it; put an empty line above and below it",
        ])
    }

    @Test func labelsSpelledWithUnderscoresAreText() throws {
        let scores = try scored(p101 + "### Reflectie\n\n__Kleurscore:__ rood\n\n- __Wie:__ iemand\n")
        #expect(scores == [IndicatorID("P1.01")!: .opOrde])
    }
}
