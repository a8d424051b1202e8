import Foundation
import Testing
import Kennisbank
import Kader
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import SiteFormats
import Basics

/// What is rendered once and reused (the sidebar's entries, the header and footer, the blocks of
/// result pages) must give exactly what rendering every page afresh gives.
@Suite("Cached rendering equals fresh rendering")
struct CachedRenderingTests {
    /// The shipped content with the repository's templates.
    private func shipped() throws -> (SiteModel, PageRenderer) {
        let options = BuildOptions(content: repositoryRoot.appendingPathComponent("content").path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path,
                                   config: repositoryRoot.appendingPathComponent("kennisbank.yml").path)
        return try #require(SiteRenderer.renderer(options, withSearch: true))
    }

    @Test func sidebarOfEveryPageEqualsOneRenderedEntryByEntry() throws {
        // A section of more than 100 pages (its sidebar shows a window) and nested sections.
        var files = minimalSite
        for number in 1...130 { files["groot/pagina-\(number).md"] = "---\ntitle: Pagina \(number)\norder: \(number)\n---\nTekst.\n" }
        files["groot/_index.md"] = "# Groot\n"
        files["groot/sub/_index.md"] = "# Sub\n"
        files["groot/sub/diep/_index.md"] = "# Diep\n"
        files["groot/sub/diep/blad.md"] = "# Blad\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        for (model, renderer) in [try shipped(), try #require(SiteRenderer.renderer(project.options))] {
            let sidebar = try #require(renderer.contexts.sidebarHTML)
            var compared = 0
            for index in model.tree.pages.indices {
                guard let top = model.navigation.topSection(of: index) else { continue }
                let root = RelativeURL.root(for: model.tree.pages[index].url)
                let cached = sidebar.list(of: top, current: index, root: root)
                #expect(cached == sidebar.list(of: top, current: index, root: root, reusingEntries: false),
                        "\(model.tree.pages[index].url)")
                if model.tree.sections[top].landing != index, model.tree.pages[index].listed {
                    #expect(cached.contains("aria-current=\"page\""), "\(model.tree.pages[index].url) has no current entry")
                }
                compared += 1
            }
            #expect(compared > 40)
        }
    }

    @Test func headerAndFooterOfEveryPageAreThoseOfItsOwnValues() throws {
        let (model, renderer) = try shipped()
        for index in model.tree.pages.indices {
            let context = renderer.contexts.context(for: index, body: "", headings: [])
            let header = renderer.templates.render(context.chrome, with: ChromeHTML.headerPartial)
            let footer = renderer.templates.render(context.chrome, with: ChromeHTML.footerPartial)
            #expect(context.headerHTML == header, "\(model.tree.pages[index].url)")
            #expect(context.footerHTML == footer, "\(model.tree.pages[index].url)")
        }
        // The 404 page's absolute root was not prepared: rendered for it all the same.
        let notFound = renderer.contexts.notFoundContext()
        #expect(notFound.headerHTML == renderer.templates.render(notFound.chrome, with: ChromeHTML.headerPartial))
    }

    @Test func reusedIndicatorBlocksEqualBlocksRenderedOnTheirOwn() throws {
        let renderer = try shipped().1
        let templates = renderer.templates
        let strings = renderer.contexts.stringsValue
        let blocks = IndicatorBlocks(templates: templates)
        let before = StatusValue(key: "inOntwikkeling", label: "In ontwikkeling", colour: "oranje", symbol: "▲")
        var variants: [IndicatorBlock] = []
        for change in [nil, ChangeValue(key: "better", label: "beter", before: before), ChangeValue(key: "new", label: "nieuw", before: nil)] {
            for kaderURL in [nil, "../../kader/p1/index.html#p1-05"] {
                for (reflection, actions) in [("", ""), ("<p>Een &amp; twee</p>\n", ""), ("", "<ul>\n<li>Actie</li>\n</ul>\n"),
                                              ("<p>R</p>\n", "<p>A</p>\n")] {
                    variants.append(IndicatorBlock(id: "P1.05", anchor: "p1-05", title: "Verspreid <wonen>", statusLabel: "<span>x</span>",
                                                   change: change, kaderURL: kaderURL, reflection: reflection, actions: actions,
                                                   strings: strings))
                }
            }
        }
        // Twice over: the second round comes from the cache.
        for block in variants + variants {
            #expect(blocks.html(block) == templates.render(block, with: IndicatorBlocks.partial))
        }
        // Without a change there is no earlier status: nothing of an outer value shows through.
        let plain = blocks.html(variants[0])
        #expect(!plain.contains("sinds de vorige ronde") && !plain.contains("(was"))
    }
}
