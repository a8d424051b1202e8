import Diagnostics
import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Loading sources and front matter")
struct LoadTests {
    private func parse(_ text: String) -> (LoadedSource?, [String]) {
        let (source, diagnostics) = SourceLoader.parse(text, path: "a/b.md", displayPath: "content/a/b.md")
        return (source, diagnostics.map(\.description))
    }

    @Test func readsKnownKeys() throws {
        let (source, problems) = parse("---\ntitle: Harm reduction\ndescription: Kort.\norder: 5\ndraft: false\ntags: [zorg, wonen]\nslug: harm\n---\nTekst\n")
        #expect(problems.isEmpty)
        let matter = try #require(source?.frontMatter)
        #expect(matter.title == "Harm reduction")
        #expect(matter.description == "Kort.")
        #expect(matter.order == 5)
        #expect(matter.tags == ["zorg", "wonen"])
        #expect(matter.slug == "harm")
    }

    @Test func titleFallsBackToFirstHeading() {
        let (source, problems) = parse("Intro\n\n# Echte titel\n\nTekst\n")
        #expect(problems.isEmpty)
        #expect(source?.bodyTitle == "Echte titel")
    }

    @Test func missingTitleComesFromTheFileName() {
        let (source, problems) = parse("---\ndescription: x\n---\nAlleen tekst.\n")
        #expect(problems == ["content/a/b.md:1:1: warning: this page has no title, so it is called \"B\" after its file name; add `title: ...` to the front matter or start the text with a `# Title` heading"])
        #expect(source?.bodyTitle == "B")
    }

    @Test func malformedYAMLPointsAtTheFileLine() {
        let (source, problems) = parse("---\ntitle: Goed\ntags: [open\n---\nTekst\n")
        #expect(source == nil)
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("content/a/b.md:4:1: error: malformed YAML"))
    }

    @Test func unclosedFrontMatterIsAnError() {
        let (_, problems) = parse("---\ntitle: Open\n\nTekst zonder einde\n")
        #expect(problems == ["content/a/b.md:1:1: error: the front matter that starts here has no closing `---` line; add a line with `---` after the last setting"])
    }

    @Test func unknownKeysWarnWithSuggestion() throws {
        let (source, _) = parse("---\ntitle: T\ndescriptoin: x\nkleur: rood\n---\n")
        let loaded = try #require(source)
        let problems = FrontMatterKeys.warnings([(loaded.displayPath, loaded.unknownKeys)]).map(\.description)
        #expect(problems.contains("content/a/b.md:3:1: warning: unknown front matter key `descriptoin` is ignored; did you mean `description`?"))
        #expect(problems.contains { $0.hasPrefix("content/a/b.md:4:1: warning: unknown front matter key `kleur`") })
    }

    @Test func wrongTypesAndBadSlugsAreErrors() {
        let (_, problems) = parse("---\ntitle: T\norder: eerst\ndraft: misschien\nslug: ../buiten\n---\n")
        #expect(problems.contains("content/a/b.md:3:1: error: `order` must be a whole number, such as `3`"))
        #expect(problems.contains("content/a/b.md:4:1: error: `draft` must be `true` or `false`"))
        #expect(problems.contains { $0.hasPrefix("content/a/b.md:5:1: error: `slug` may hold only lower-case letters") })
    }

    @Test func lineNumbersCountTheFrontMatter() {
        let (source, _) = parse("---\ntitle: T\n---\n\n## Kop\n\n[x](y.md)\n")
        #expect(source?.headings.first?.line == 5)
        #expect(source?.links.first?.line == 7)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: T\r\n---\r\nTekst\r\n".utf8))
        guard case .success(let text) = SourceText.decode(data) else {
            Issue.record("decoding failed")
            return
        }
        #expect(text.text == "---\ntitle: T\n---\nTekst\n")
    }

    @Test func invalidUTF8IsLocated() {
        let data = Data(Array("regel een\nca".utf8) + [0xE9] + Array("\n".utf8))
        guard case .failure(.invalidUTF8(let line, let column)) = SourceText.decode(data) else {
            Issue.record("expected a UTF-8 failure")
            return
        }
        #expect(line == 2 && column == 3)
    }

    @Test func siteConfigIsRead() {
        var diagnostics = DiagnosticList()
        let config = SiteConfig.parse("title: Mijn bank\nbase_url: https://example.org/kb\nsections: [a, b]\nraw_html: true\nkleur: blauw\n",
                                      displayPath: "kennisbank.yml", diagnostics: &diagnostics)
        #expect(config.title == "Mijn bank")
        #expect(config.baseURL == "https://example.org/kb/")
        #expect(config.sectionOrder == ["a", "b"])
        #expect(config.allowRawHTML)
        #expect(!config.trustedActiveFiles)
        #expect(diagnostics.items.map(\.description) == [
            "kennisbank.yml:5:1: warning: unknown site config key `kleur` is ignored; known keys are `title`, `description`, `language`, `base_url`, `sections`, `footer`, `raw_html`, `trusted_active_files`, `kader`, `assessments`, `content_date`",
        ])
    }
}
