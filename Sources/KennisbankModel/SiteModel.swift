import Diagnostics
import Kader
import SiteFormats
import Basics

/// What a page of the site is. The model decides it once; the renderer of that kind renders it.
package enum PageKind: Sendable, Hashable {
    /// `content/_index.md`.
    case home
    /// A section's landing page.
    case section
    /// Any other Markdown page.
    case knowledgePage
    /// The kader folder's landing page: the parts and the forms.
    case kaderOverview
    /// The page of one part of the kader.
    case kaderPart(PartID)
    /// The assessments folder's landing page: the published self-evaluations.
    case assessmentsOverview
    /// The result page of a completed assessment.
    case assessment
    /// One participant's preparation for a joint session.
    case preparation
}

/// A page the generator makes itself, from the model alone.
package enum GeneratedPage: Sendable, Hashable {
    /// A blank printable form of the kader.
    case form(KaderForm)
    /// The overview of one joint session's preparations (an index in `AssessmentSite.sessions`).
    case preparationOverview(Int)
    /// A page of the session's journey beside the forms (`SessionTool`).
    case sessionTool(SessionTool)
    /// The search page (only when the site has a search index).
    case search
    /// The page served for a missing address.
    case notFound
    /// The whole knowledge bank as one print page.
    case book
    /// The redirect page at an old address of a page (an index in `SiteModel.aliases`).
    case alias(Int)
}

/// What the model needs of one Markdown source, as the loader read it.
package struct SourceSummary: Sendable {
    /// Path relative to the content folder, and as shown in diagnostics.
    package var path: String
    package var displayPath: String
    package var frontMatter: FrontMatter
    /// The title from the first level-1 heading, when front matter has none.
    package var bodyTitle: String?
    /// The anchors of its headings.
    package var anchors: PageAnchors
    /// Its links as written, with their positions in the file.
    package var links: [(destination: String, line: Int, column: Int)]
    /// The images among its links.
    package var images: [(destination: String, line: Int, column: Int)]
    package var kaderPart: PartDraft?
    package var assessment: AssessmentDraft?

    package init(path: String, displayPath: String, frontMatter: FrontMatter, bodyTitle: String?, anchors: PageAnchors,
                 links: [(destination: String, line: Int, column: Int)], images: [(destination: String, line: Int, column: Int)] = [],
                kaderPart: PartDraft?, assessment: AssessmentDraft?) {
        self.path = path
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.bodyTitle = bodyTitle
        self.anchors = anchors
        self.links = links
        self.images = images
        self.kaderPart = kaderPart
        self.assessment = assessment
    }
}

/// Everything the model is built from.
package struct ModelInput: Sendable {
    package var config: SiteConfig
    /// Paths as shown in diagnostics: the config file and the content folder.
    package var configPath: String
    package var contentPath: String
    /// Every Markdown file of the content, by path relative to the content folder.
    package var markdown: [String]
    /// The sources that loaded, by path (a file missing here failed to load; its own error is
    /// already reported, and it still takes its place in the tree).
    package var sources: [String: SourceSummary]
    /// The other files of the content (images, PDFs), published or not (see `ActiveFiles`).
    package var assets: [String]
    /// Ids the templates give elements themselves.
    package var reservedIDs: Set<String>
    /// The interface words, for the titles of pages the model names itself.
    package var strings: InterfaceStrings
    /// Whether the site gets a search page.
    package var withSearch: Bool
    /// Whether to add notes (open indicators) for `check`.
    package var withNotes: Bool

    package init(config: SiteConfig, configPath: String, contentPath: String, markdown: [String],
                 sources: [String: SourceSummary], assets: [String], reservedIDs: Set<String>,
                 strings: InterfaceStrings, withSearch: Bool, withNotes: Bool) {
        self.config = config
        self.configPath = configPath
        self.contentPath = contentPath
        self.markdown = markdown
        self.sources = sources
        self.assets = assets
        self.reservedIDs = reservedIDs
        self.strings = strings
        self.withSearch = withSearch
        self.withNotes = withNotes
    }
}

/// The whole site as one typed model: every page with its kind, the tree and navigation, every
/// link located once, the kader, the assessments and their rounds, the book, and the pages the
/// generator makes itself. No files, no HTML: renderers read it, nothing writes it back.
package struct SiteModel: Sendable {
    package let config: SiteConfig
    package let tree: SiteTree
    package let navigation: Navigation
    package let locator: LinkLocator
    /// The check that listed pages never link to unlisted ones.
    package let unlisted: UnlistedLinks
    /// Where each link of each page leads, by page index, in the order of the page's links.
    package let links: [[LinkLocator.Location]]
    /// What each page of the tree is, by page index.
    package let kinds: [PageKind]
    package let kader: KaderSite?
    /// Every version of the kader, keyed by version (the current one is `kader`'s).
    package let kaders: KaderVersions
    package let assessments: AssessmentSite
    package let book: Book
    /// The pages the generator makes itself, in the order they are written.
    package let generated: [GeneratedPage]
    /// The other files of the content that are published, copied as they are.
    package let assets: [String]
    /// The redirect pages at the pages' old addresses (`aliases:`).
    package let aliases: [AliasPage]
    /// Every path of the output with what writes it.
    package let outputs: OutputTable
    /// The interface words of the site's language.
    package let strings: InterfaceStrings

    /// Builds the model; nil when there is no site to build (no home page). Every problem is
    /// reported into `diagnostics`: the tree's, the kader's, the assessments' and every broken
    /// link and anchor.
    package static func build(_ input: ModelInput, diagnostics: inout DiagnosticList) -> SiteModel? {
        let config = input.config
        let entries = input.markdown.map { path -> SiteTree.Entry in
            guard let source = input.sources[path] else {
                return SiteTree.Entry(source: path, displayPath: "\(input.contentPath)/\(path)", frontMatter: FrontMatter(),
                                      bodyTitle: String(RelativePath.name(path).dropLast(3)))
            }
            let matter = source.assessment.map { AssessmentPages.frontMatter(for: $0, path: path, strings: input.strings) } ?? source.frontMatter
            let listed = !(source.assessment.map { AssessmentFormat.isUnlisted($0.visibility?.value) } ?? false)
            return SiteTree.Entry(source: path, displayPath: source.displayPath, frontMatter: matter,
                                  bodyTitle: source.bodyTitle, listed: listed)
        }
        let tree = SiteTree.build(entries: entries, config: config, configPath: input.configPath,
                                  displayRoot: input.contentPath, diagnostics: &diagnostics)
        guard !tree.sections.isEmpty else { return nil }
        let navigation = Navigation(tree: tree)
        let (files, withheld) = ActiveFiles.published(input.assets, config: config, configPath: input.configPath,
                                                      contentPath: input.contentPath, diagnostics: &diagnostics)
        var anchors = input.sources.mapValues(\.anchors)
        // A landing page the generator made has no headings of its own: its anchors are checked too.
        for page in tree.pages where page.isGenerated { anchors[page.source] = PageAnchors(ids: []) }
        let contentLocator = LinkLocator(tree: tree, anchors: anchors, assets: Set(files),
                                         reservedIDs: input.reservedIDs, withheld: withheld)
        let kader = KaderSite.build(tree: tree, navigation: navigation, parts: input.sources.compactMapValues(\.kaderPart),
                                    frontMatter: input.sources.mapValues(\.frontMatter),
                                    displayPaths: input.sources.mapValues(\.displayPath),
                                    config: config, locator: contentLocator, diagnostics: &diagnostics)
        // A page may link to the kader's forms (`formulieren/voorbereiding.html` from the kader
        // folder) and to the session's pages beside them (`formulieren/sessie-starten.html`),
        // which the build writes itself.
        let sessionPages = kader.map { site in SessionTool.allCases.map { site.path(of: $0) } } ?? []
        let locator = contentLocator.adding(generatedFiles: (kader?.forms ?? []).map(\.html) + sessionPages)
        let kaders = KaderVersions(current: kader?.kader)
        let assessments = AssessmentSite.build(tree: tree, drafts: input.sources.compactMapValues(\.assessment),
                                               kaders: kaders, config: config, withNotes: input.withNotes,
                                               diagnostics: &diagnostics)
        OutputNames.check(tree: tree, sources: input.sources, sessions: assessments.sessions, diagnostics: &diagnostics)
        let book = Book(tree: tree, navigation: navigation, assessmentsFolder: config.assessmentsFolder,
                        reservedIDs: input.reservedIDs)

        // Every link located once, on all cores; the broken ones reported with their place.
        let located = parallelMap(Array(tree.pages.indices)) { index -> ([LinkLocator.Location], [Diagnostic]) in
            guard let source = input.sources[tree.pages[index].source] else { return ([], []) }
            return locator.locate(source.links, from: index, file: source.displayPath)
        }
        for (_, problems) in located { diagnostics.append(contentsOf: problems) }
        let unlisted = UnlistedLinks(tree: tree, assessments: assessments)
        for (index, page) in tree.pages.enumerated() {
            guard let source = input.sources[page.source] else { continue }
            diagnostics.append(contentsOf: unlisted.problems(source.links, locations: located[index].0, from: index,
                                                             file: source.displayPath))
        }
        UntrustedImages.check(input.sources, diagnostics: &diagnostics)
        let aliases = AliasPages.resolve(tree: tree, sources: input.sources, diagnostics: &diagnostics)
        let outputs = OutputTable.of(tree: tree, kader: kader, assessments: assessments, files: files, aliases: aliases,
                                     sources: input.sources, contentPath: input.contentPath, diagnostics: &diagnostics)

        let kinds = tree.pages.indices.map { index -> PageKind in
            if let assessment = assessments.assessments[index] {
                return assessment.preparation == nil ? .assessment : .preparation
            }
            if let kader, let part = kader.partPages.first(where: { $0.value == index })?.key { return .kaderPart(part) }
            if index == assessments.landing { return .assessmentsOverview }
            if let kader, index == kader.landing { return .kaderOverview }
            switch tree.pages[index].kind {
            case .home: return .home
            case .section: return .section
            case .page: return .knowledgePage
            }
        }

        var generated: [GeneratedPage] = [.notFound]
        if input.withSearch { generated.append(.search) }
        if !book.entries.isEmpty { generated.append(.book) }
        generated += (kader?.forms ?? []).map(GeneratedPage.form)
        if kader != nil { generated += SessionTool.allCases.map(GeneratedPage.sessionTool) }
        generated += assessments.sessions.indices.map(GeneratedPage.preparationOverview)
        generated += aliases.indices.map(GeneratedPage.alias)

        return SiteModel(config: config, tree: tree, navigation: navigation, locator: locator, unlisted: unlisted, links: located.map(\.0),
                         kinds: kinds, kader: kader, kaders: kaders, assessments: assessments, book: book, generated: generated,
                         assets: files, aliases: aliases, outputs: outputs, strings: input.strings)
    }
}
