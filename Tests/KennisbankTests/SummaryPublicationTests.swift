import Foundation
import Testing

/// `publicatie: samenvatting` (issue 20): a result page with the counts per part, the titles of
/// the aandachtspunten and of the plan's actions, and no reflection or action text.
@Suite("A summary-only publication")
struct SummaryPublicationTests {
    private static func file(publication: String) -> String {
        """
        ---
        praktijk: Housing First Proef
        datum: 2025-03-11
        zichtbaarheid: public
        persoonsgegevens_gecontroleerd: true
        publicatie: \(publication)
        ---
        ## P1.01 Iets

        **Kleurscore:** oranje

        Een reflectie die alleen de deelnemers lezen.

        ### Acties

        Een actie die niet openbaar is.

        ## Plan van aanpak

        ### Spreiding bespreken

        - **Wie:** de corporatie
        - **Indicatoren:** P1.01

        """
    }

    private func project(_ publication: String) throws -> TestProject {
        var files = minimalKaderSite
        files["zelfevaluaties/_index.md"] = "---\ntitle: Zelfevaluaties\n---\n"
        files["zelfevaluaties/proef.md"] = Self.file(publication: publication)
        return try TestProject(files: files)
    }

    @Test func theSummaryHoldsNoReflectionOrActionText() throws {
        let project = try project("samenvatting")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let page = try project.output("zelfevaluaties/housing-first-proef-2025-03-11/index.html")
        #expect(!page.contains("Een reflectie die alleen de deelnemers lezen"))
        #expect(!page.contains("Een actie die niet openbaar is"))
        #expect(!page.contains("de corporatie"), "the plan shows its actions' titles only")
        #expect(page.contains("<li>Spreiding bespreken</li>"))
        #expect(page.contains("Samenvatting."))
        // The aandachtspunten by their titles, without links into details that are not there.
        #expect(page.contains("<span class=\"indicator-id\">P1.01</span> Iets") && !page.contains("href=\"#p1-01\""))
    }

    @Test func theFullPageHoldsThem() throws {
        let project = try project("volledig")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let page = try project.output("zelfevaluaties/housing-first-proef-2025-03-11/index.html")
        #expect(page.contains("Een reflectie die alleen de deelnemers lezen") && page.contains("de corporatie"))
    }

    @Test(arguments: ["kort", "[samenvatting]", String(repeating: "x", count: 100_000)])
    func anotherValueIsAnErrorAtItsLine(_ value: String) throws {
        let project = try project(value)
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("content/zelfevaluaties/proef.md:6:") && $0.contains("error") }, "\(lines.prefix(3))")
    }
}
