import Foundation
import Kader
import KennisbankLoad
import KennisbankModel
import KennisbankRender
import Testing

/// A line break typed in Reflectie or Acties (in the browser form, a spreadsheet cell or by hand)
/// is a line break on the result page (issue 18: lines typed in Acties were merged into one
/// sentence), also in raw HTML shown as text; a list or a code block is unchanged.
@Suite("Line breaks in assessment texts")
struct AssessmentLineBreakTests {
    private func shown(_ body: String) throws -> (reflection: String, actions: String) {
        let text = "---\npraktijk: Housing First Regels\ndatum: 2025-06-01\ncode: regels12345\n---\n\n## P1.01 Iedereen\n\n**Kleurscore:** groen\n\n" + body
        let (source, diagnostics) = SourceLoader.parse(data: Data(text.utf8), path: "zelfevaluaties/regels.md", displayPath: "regels.md",
                                                       folders: LoadRules(onlyAssessments: true))
        let loaded = try #require(source, "\(diagnostics)")
        let texts = AssessmentContexts.texts(segments: loaded.document.renderSegments(), roles: loaded.assessmentRoles)
        let indicator = try #require(IndicatorID("P1.01"))
        return (texts[indicator]?.reflection ?? "", texts[indicator]?.actions ?? "")
    }

    @Test func typedLinesStayLines() throws {
        let texts = try shown("### Reflectie\n\nEerste regel\ntweede regel\n\n### Acties\n\nBellen met de corporatie\nVerslag rondsturen\n")
        #expect(texts.reflection == "<p>Eerste regel<br />\ntweede regel</p>\n")
        #expect(texts.actions == "<p>Bellen met de corporatie<br />\nVerslag rondsturen</p>\n")
    }

    @Test func listsCodeAndHTMLAsText() throws {
        let texts = try shown("### Reflectie\n\n- een\n- twee\n\n```\ncode\nregel\n```\n\n### Acties\n\n<!-- een\ntwee -->\n")
        #expect(texts.reflection == "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n<pre><code>code\nregel\n</code></pre>\n")
        #expect(texts.actions == "<p>&lt;!-- een<br />\ntwee --&gt;</p>\n")
    }
}
