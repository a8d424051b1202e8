import Diagnostics
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

private func entry(_ source: String, _ title: String, order: Int? = nil, slug: String? = nil,
                   draft: Bool = false) -> SiteTree.Entry {
    var matter = FrontMatter()
    matter.title = title
    matter.order = order
    matter.slug = slug
    matter.draft = draft
    return SiteTree.Entry(source: source, displayPath: "content/" + source, frontMatter: matter, bodyTitle: nil)
}

private func tree(_ entries: [SiteTree.Entry], config: SiteConfig = SiteConfig()) -> (SiteTree, [String]) {
    var diagnostics = DiagnosticList()
    let tree = SiteTree.build(entries: entries, config: config, configPath: "kennisbank.yml",
                              displayRoot: "content", diagnostics: &diagnostics)
    return (tree, diagnostics.sorted.map(\.description))
}

private let sample: [SiteTree.Entry] = [
    entry("_index.md", "Start"),
    entry("b/_index.md", "Bé", order: 2),
    entry("a/_index.md", "A", order: 1),
    entry("a/zeta.md", "Zeta", order: 1),
    entry("a/alfa.md", "Alfa", order: 2),
    entry("a/geen-volgorde.md", "Geen volgorde"),
    entry("a/sub/index.md", "Sub", order: 3),
    entry("a/sub/diep.md", "Diep één"),
    entry("a/concept.md", "Concept", draft: true),
]

@Suite("Site tree and navigation")
struct ModelTests {
    @Test func prettyURLsAndOrdering() throws {
        let (tree, problems) = tree(sample)
        #expect(problems.isEmpty)
        let urls = Navigation(tree: tree).order.map { tree.pages[$0].url }
        #expect(urls == ["index.html", "a/index.html", "a/zeta/index.html", "a/alfa/index.html", "a/sub/index.html",
                         "a/sub/diep/index.html", "a/geen-volgorde/index.html", "b/index.html"])
        #expect(tree.pageBySource["a/concept.md"] == nil)
        #expect(tree.drafts.contains("a/concept.md"))
    }

    @Test func configSectionOrderComesFirst() {
        var config = SiteConfig()
        config.sectionOrder = ["b"]
        let (tree, problems) = tree(sample, config: config)
        #expect(problems.isEmpty)
        let main = Navigation(tree: tree).mainItems.map { child -> String in
            guard case .section(let index) = child else { return "" }
            return tree.sections[index].folder
        }
        #expect(main == ["b", "a"])
    }

    @Test func breadcrumbsAndNeighbours() throws {
        let (tree, _) = tree(sample)
        let navigation = Navigation(tree: tree)
        let deep = try #require(tree.pageBySource["a/sub/diep.md"])
        #expect(navigation.breadcrumbs(for: deep).map { tree.pages[$0].title } == ["Start", "A", "Sub"])
        let alfa = try #require(tree.pageBySource["a/alfa.md"])
        let (previous, next) = navigation.neighbours(of: alfa)
        #expect(previous.map { tree.pages[$0].title } == "Zeta")
        #expect(next.map { tree.pages[$0].title } == "Geen volgorde")
        let landing = try #require(tree.pageBySource["a/_index.md"])
        #expect(navigation.breadcrumbs(for: landing).map { tree.pages[$0].title } == ["Start"])
        #expect(navigation.topSection(of: deep).map { tree.sections[$0].folder } == "a")
    }

    @Test func unlistedPagesHaveAnAddressButNoPlaceInNavigation() throws {
        var secret = entry("a/geheim.md", "Geheim", order: 0)
        secret.listed = false
        let (tree, problems) = tree(sample + [secret])
        #expect(problems.isEmpty)
        let page = try #require(tree.pageBySource["a/geheim.md"])
        #expect(tree.pages[page].url == "a/geheim/index.html")
        #expect(!tree.pages[page].listed)
        let navigation = Navigation(tree: tree)
        // The reading order feeds menus, lists, the sitemap and the search index.
        #expect(!navigation.order.contains(page))
        let section = try #require(tree.pageBySource["a/_index.md"]).self
        #expect(!tree.sections[tree.pages[section].section].children.contains(.page(page)))
        let zeta = try #require(tree.pageBySource["a/zeta.md"])
        #expect(navigation.neighbours(of: zeta).previous == nil)
    }

    @Test func missingLandingPageIsMade() throws {
        let (tree, problems) = tree([entry("_index.md", "Start"), entry("los/pagina.md", "Pagina")])
        #expect(problems == ["content/los: note: this folder has no landing page (`_index.md`, `index.md` or `README.md`), so one was made with the title \"Los\" that lists its pages; add one of those files to write its text yourself"])
        let section = try #require(tree.sections.first { $0.folder == "los" })
        #expect(tree.pages[section.landing].isGenerated && tree.pages[section.landing].title == "Los")
        #expect(section.children == [.page(try #require(tree.pageBySource["los/pagina.md"]))])
    }

    @Test func twoSourcesForOneOutputPathAreErrors() {
        let (_, problems) = tree([entry("_index.md", "Start"), entry("a/_index.md", "A"),
                                  entry("a/een.md", "Een"), entry("a/twee.md", "Twee", slug: "een")])
        #expect(problems == [
            "content/a/een.md:1:1: error: this page and `a/twee.md` would both be written to `a/een/index.html`; give one of them another file name or `slug`",
            "content/a/twee.md:1:1: error: this page and `a/een.md` would both be written to `a/een/index.html`; give one of them another file name or `slug`",
        ])
    }

    @Test func unknownSectionInConfigIsAnError() {
        var config = SiteConfig()
        config.sectionOrder = ["aa"]
        config.sectionOrderLine = 4
        let (_, problems) = tree(sample, config: config)
        #expect(problems == ["kennisbank.yml:4: error: `sections` names `aa`, but there is no section folder of that name in the content; did you mean `a`?"])
    }
}
