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

/// A project with the shipped kader, one unlisted assessment full of hostile text, and one public one.
private func assessmentProject() throws -> TestProject {
    var files: [String: String] = [:]
    files["zelfevaluaties/geheim.md"] = """
    ---
    praktijk: "<b>Proef</b> & \\"Co\\""
    regio: "<i>Regio</i>"
    datum: 2025-03-14
    kader: "2025"
    organisaties:
      - naam: "<script>alert('org')</script>"
        rol: zorgorganisatie
    gespreksleider: "\\" onmouseover=\\"alert(1)"
    code: zz9x8c7v6b5n
    ---
    ## P1.01 Iedereen krijgt de kans

    **Kleurscore:** rood

    ### Reflectie

    <script>alert('reflectie')</script> Zie [klik](javascript:alert(1)) en <img src=x onerror=alert(2)>.

    ### Acties

    </textarea><b onclick="x()">vet</b>

    ## P1.02 Huurdersplichten

    **Kleurscore:** oranje

    ## Plan van aanpak

    ### <script>alert('plan')</script> doen

    - **Wie:** <em>iemand</em>
    - **Indicatoren:** P1.01
    """
    files["zelfevaluaties/open.md"] = """
    ---
    praktijk: Open Praktijk
    datum: 2024-05-01
    zichtbaarheid: public
    persoonsgegevens_gecontroleerd: true
    ---
    ## P1.01 Iedereen krijgt de kans

    **Kleurscore:** groen
    """
    // The shipped content (its kader, principles and the pages they link to), without its
    // example assessments, plus the two above.
    let project = try TestProject(files: [:])
    let content = project.root.appendingPathComponent("content")
    try FileManager.default.removeItem(at: content)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
    for example in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("zelfevaluaties").path)
    where example != "_index.md" {
        try FileManager.default.removeItem(at: content.appendingPathComponent("zelfevaluaties/\(example)"))
    }
    for (path, text) in files { try project.write(text, to: "content/" + path) }
    return project
}

@Suite("Assessment pages in the site", .serialized)
struct AssessmentSiteTests {
    private func build(_ project: TestProject) -> BuildReport {
        var options = project.options
        options.makePDFs = false
        return SiteBuilder.build(options)
    }

    @Test func unlistedAssessmentsAreOnlyReachableByTheirAddress() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        let report = build(project)
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(report.assessments == 2)
        let site = project.root.appendingPathComponent("_site")
        let pages = filesBelow(site).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let secret = try #require(pages.keys.first { $0.hasPrefix("zelfevaluaties/b-proef-b-co-2025-03-14-zz9x8c7v6b5n/") })
        let html = try #require(pages[secret])
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("iedereen die de link heeft, kan haar lezen"))
        for (path, other) in pages where path != secret {
            #expect(!other.contains("zz9x8c7v6b5n"), "\(path) reveals the unlisted assessment")
        }
        let overview = try #require(pages["zelfevaluaties/index.html"])
        #expect(overview.contains("<a href=\"../zelfevaluaties/open-praktijk-2024-05-01/index.html\">Open Praktijk</a>"))
        let open = try #require(pages["zelfevaluaties/open-praktijk-2024-05-01/index.html"])
        #expect(!open.contains("noindex"))
        #expect(!open.contains("iedereen die de link heeft"))
    }

    @Test func textFromAnAssessmentIsAlwaysEscaped() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        // Raw HTML allowed for trusted content must not reach assessments.
        try project.write("raw_html: true\n", to: "kennisbank.yml")
        #expect(build(project).succeeded)
        let folder = project.root.appendingPathComponent("_site/zelfevaluaties/b-proef-b-co-2025-03-14-zz9x8c7v6b5n")
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        // No tag or attribute from the file survives as markup.
        for markup in ["<script", "<img", "<b ", "<i>", "</textarea>", "href=\"javascript", "onmouseover=\""] {
            #expect(!html.contains(markup), "\(markup) reached the page")
        }
        #expect(html.contains("<h1>Zelfevaluatie &lt;b&gt;Proef&lt;/b&gt; &amp; &quot;Co&quot;</h1>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt;"))
        #expect(html.contains("<td class=\"card-title\">&lt;script&gt;alert(‘plan’)&lt;/script&gt; doen</td>"))
        #expect(html.contains("<span class=\"cell-label\" aria-hidden=\"true\">Wie</span> &lt;em&gt;iemand&lt;/em&gt;</td>"))
        // Raw HTML in a reflection is shown as text.
        #expect(html.contains("&lt;script&gt;alert('reflectie')&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;/textarea&gt;&lt;b onclick=&quot;x()&quot;&gt;vet&lt;/b&gt;"))
    }

    @Test func resultPageShowsCountsAttentionAndPlan() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        #expect(build(project).succeeded)
        let html = try project.output("zelfevaluaties/b-proef-b-co-2025-03-14-zz9x8c7v6b5n/index.html")
        #expect(html.contains("2 van 83 indicatoren ingevuld"))
        // Part 1: 0 op orde, 1 in ontwikkeling, 1 niet op orde, 21 open.
        let row = html.components(separatedBy: "<tr><th scope=\"row\">1. Huisvesting is een mensenrecht</th>").dropFirst().first?
            .components(separatedBy: "</tr>").first ?? ""
        #expect(row.components(separatedBy: "</td>").dropLast().map { $0.components(separatedBy: "</span> ").last ?? "" } == ["0", "1", "1", "21"])
        #expect(html.contains("<title id=\"kb-balk-p1\">Onderdeel 1, Huisvesting is een mensenrecht: 0 Op orde, 1 In ontwikkeling, 1 Niet op orde, 21 Nog open</title>"))
        // Aandachtspunten link to the details on the same page.
        #expect(html.contains("<li><a href=\"#p1-01\"><span class=\"indicator-id\">P1.01</span> Iedereen krijgt de kans</a>"))
        #expect(html.contains("<article class=\"assessment-indicator\" id=\"p1-01\""))
        #expect(html.contains("href=\"../../kader/p1/index.html#p1-01\""))
        #expect(html.contains("<a href=\"#p1-01\">P1.01</a>"))
        // No comparison without an earlier round of the same practice.
        #expect(!html.contains("Vergelijking met de vorige ronde"))
        // Never a grade: no average or percentage in the summary.
        let summary = try #require(html.range(of: "id=\"kb-overzicht\"")?.upperBound)
        let attention = try #require(html.range(of: "id=\"kb-aandachtspunten\"")?.lowerBound)
        #expect(!html[summary..<attention].contains("%"))
        #expect(!html.lowercased().contains("gemiddelde score"))
    }

    /// Indicator blocks are rendered once per combination of their values and reused with each
    /// page's own text; an edited partial that escapes or transforms the text still gets its way.
    @Test func reusedIndicatorBlocksCarryEachPagesOwnText() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        for name in ["A", "B"] {
            try project.write("""
            ---
            praktijk: Praktijk \(name)
            datum: 2025-06-0\(name == "A" ? 1 : 2)
            zichtbaarheid: public
            persoonsgegevens_gecontroleerd: true
            ---
            ## P1.02 Huurdersplichten

            **Kleurscore:** oranje

            ### Reflectie

            Reflectie van *\(name)*.

            ### Acties

            Actie van \(name).
            """, to: "content/zelfevaluaties/\(name.lowercased()).md")
        }
        #expect(build(project).succeeded)
        let pageA = try project.output("zelfevaluaties/praktijk-a-2025-06-01/index.html")
        let pageB = try project.output("zelfevaluaties/praktijk-b-2025-06-02/index.html")
        #expect(pageA.contains("<p>Reflectie van <em>A</em>.</p>") && pageA.contains("<p>Actie van A.</p>"))
        #expect(pageB.contains("<p>Reflectie van <em>B</em>.</p>") && pageB.contains("<p>Actie van B.</p>"))
        #expect(!pageA.contains("van <em>B</em>") && !pageB.contains("van <em>A</em>"))
        #expect(!pageA.contains("\u{FFFF}") && !pageB.contains("\u{FFFF}"))

        let partial = project.root.appendingPathComponent("templates/partials/assessment-indicator.mustache")
        let edited = try String(contentsOf: partial, encoding: .utf8)
            .replacingOccurrences(of: "{{{reflection}}}", with: "{{reflection}}")
            .replacingOccurrences(of: "{{{actions}}}", with: "{{{uppercased(actions)}}}")
        try edited.write(to: partial, atomically: true, encoding: .utf8)
        #expect(build(project).succeeded)
        let editedA = try project.output("zelfevaluaties/praktijk-a-2025-06-01/index.html")
        #expect(editedA.contains("&lt;p&gt;Reflectie van &lt;em&gt;A&lt;/em&gt;.&lt;/p&gt;"))
        #expect(editedA.contains("<P>ACTIE VAN A.</P>"))
        #expect(!editedA.contains("\u{FFFF}"))
    }

    /// Renders the hostile assessment as `los.html` (and `los.pdf`) in the project folder.
    private func renderStandalone(_ project: TestProject, pdf: Bool) {
        let report = StandaloneAssessment.render(file: project.root.appendingPathComponent("content/zelfevaluaties/geheim.md").path,
                                                 output: project.root.appendingPathComponent("los.html").path, pdf: pdf,
                                                 options: project.options)
        #expect(report.succeeded, "\(report.diagnostics.items)")
    }

    @Test func standaloneFileIsSelfContained() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        renderStandalone(project, pdf: false)
        let html = try String(contentsOf: project.root.appendingPathComponent("los.html"), encoding: .utf8)
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link"))
        #expect(attributeValues("src", in: html).isEmpty)
        for href in attributeValues("href", in: html) {
            #expect(href.hasPrefix("#"), "outside reference \(href)")
        }
        #expect(!html.contains("<script"))
        #expect(html.contains("Zelfevaluatie &lt;b&gt;Proef&lt;/b&gt;"))
    }

    /// The PDF shows hostile text as the text it is (WeasyPrint runs no script and makes no
    /// element of it).
    @Test func pdfShowsHostileTextAsText() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        renderStandalone(project, pdf: true)
        let pdf = project.root.appendingPathComponent("los.pdf").path
        let text = try runTool("pdftotext", pdf, "-")
        for shown in ["<script>alert('reflectie')</script>", "</textarea><b onclick=\"x()\">vet</b>", "<script>alert('org')</script>",
                      "<b>Proef</b> & \"Co\""] {
            #expect(text.contains(shown), "\(shown) is not shown as text in the PDF")
        }
    }

    @Test func standaloneFileFromOutsideTheContent() throws {
        let project = try assessmentProject()
        defer { project.remove() }
        try project.write("---\npraktijk: Buiten\ndatum: 2025-06-01\nzichtbaarheid: public\npersoonsgegevens_gecontroleerd: true\n---\n## K.04 Onderzoek\n\n**Kleurscore:** geel\n",
                          to: "elders/buiten.md")
        let report = StandaloneAssessment.render(file: project.root.appendingPathComponent("elders/buiten.md").path,
                                                 output: project.root.appendingPathComponent("buiten.html").path,
                                                 pdf: false, options: project.options)
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.map(\.message) == ["unknown status `geel`; use one of `groen`, `in ontwikkeling`, `niet op orde`, `op orde`, `oranje`, `rood`, `open`"])
        #expect(report.diagnostics.errors.first?.line == 9)
    }
}
