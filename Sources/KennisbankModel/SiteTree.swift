import Diagnostics
import Foundation
import SiteFormats
import Basics

/// The whole site as a tree of sections and pages, built from the front matter of the
/// sources. Knows nothing of templates, HTML or disk output.
public struct SiteTree: Sendable {
    public private(set) var pages: [Page] = []
    public private(set) var sections: [Section] = []
    /// Page index by source path.
    public private(set) var pageBySource: [String: Int] = [:]
    /// Sources marked `draft: true`: left out of the site.
    public private(set) var drafts: Set<String> = []
    /// Landing files that another one of their folder outranks (`ContentPath.landingOrder`):
    /// left out of the site, and links to them lead to the winner, by source path.
    public private(set) var outrankedLandings: [String: String] = [:]
    /// The root section; its landing is the home page.
    public let root = 0

    /// What the model needs of one loaded source.
    public struct Entry: Sendable {
        public var source: String
        public var displayPath: String
        public var frontMatter: FrontMatter
        /// Title taken from the first level-1 heading, when front matter has none.
        public var bodyTitle: String?
        /// False for pages that only those with the link may find (unlisted assessments): they
        /// get an address but appear in no navigation, list or reading order.
        public var listed: Bool
        /// True for a landing page the generator made for a folder without one (no source).
        public var isGenerated = false

        public init(source: String, displayPath: String, frontMatter: FrontMatter, bodyTitle: String?, listed: Bool = true) {
            self.source = source
            self.displayPath = displayPath
            self.frontMatter = frontMatter
            self.bodyTitle = bodyTitle
            self.listed = listed
        }
    }

    /// Builds the tree, with a landing page made for each folder without one (and a note).
    /// Reports outranked landing files and
    /// two sources that would be written to the same output path (the model's `OutputTable`
    /// reports the other clashes, with the generator's own files among them).
    public static func build(entries: [Entry], config: SiteConfig, configPath: String, displayRoot: String,
                             diagnostics: inout DiagnosticList) -> SiteTree {
        var tree = SiteTree()
        let published = entries.filter { !$0.frontMatter.draft }
        tree.drafts = Set(entries.filter(\.frontMatter.draft).map(\.source))

        // Every folder that holds a published page, and all folders above it, is a section.
        var folders: Set<String> = [""]
        for entry in published {
            var folder = RelativePath.parent(entry.source)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = RelativePath.parent(folder)
            }
        }
        let landingByFolder = tree.chooseLandings(published, diagnostics: &diagnostics)

        // Sections, parents before children (byte order puts "a" before "a/b"). A folder
        // without a landing file gets one made from its name.
        var sectionByFolder: [String: Int] = [:]
        var generated: [Entry] = []
        for folder in folders.sorted(by: byteOrder) {
            let landing = landingByFolder[folder] ?? generatedLanding(folder, config: config, displayRoot: displayRoot,
                                                                      diagnostics: &diagnostics)
            if landing.isGenerated { generated.append(landing) }
            let parent = folder.isEmpty ? nil : sectionByFolder[RelativePath.parent(folder)]
            if !folder.isEmpty, parent == nil { continue }
            let slug = landing.frontMatter.slug ?? Slug.make(RelativePath.name(folder))
            let prefix = folder.isEmpty ? "" : tree.sections[parent!].urlPrefix + slug + "/"
            let sectionIndex = tree.sections.count
            let pageIndex = tree.addPage(landing, kind: folder.isEmpty ? .home : .section,
                                         url: prefix + "index.html", section: sectionIndex, fallbackTitle: config.title)
            tree.sections.append(Section(folder: folder, landing: pageIndex, parent: parent, urlPrefix: prefix))
            sectionByFolder[folder] = sectionIndex
            if let parent { tree.sections[parent].children.append(.section(sectionIndex)) }
        }

        for entry in published where !ContentPath.isLanding(entry.source) {
            guard let section = sectionByFolder[RelativePath.parent(entry.source)] else { continue }
            let name = String(RelativePath.name(entry.source).dropLast(3))
            let slug = entry.frontMatter.slug ?? Slug.make(name)
            let pageIndex = tree.addPage(entry, kind: .page, url: tree.sections[section].urlPrefix + slug + "/index.html",
                                         section: section, fallbackTitle: ContentPath.title(fromName: name))
            if entry.listed { tree.sections[section].children.append(.page(pageIndex)) }
        }

        tree.sortChildren(config: config)
        tree.checkSectionOrder(config: config, configPath: configPath, diagnostics: &diagnostics)
        tree.checkOutputCollisions(entries: published + generated, diagnostics: &diagnostics)
        return tree
    }

    /// The landing file of each folder: of several, the first in `ContentPath.landingOrder`,
    /// with a warning at each of the others (left out, and links to them lead to the winner).
    private mutating func chooseLandings(_ published: [Entry], diagnostics: inout DiagnosticList) -> [String: Entry] {
        var candidates: [String: [Entry]] = [:]
        for entry in published where ContentPath.isLanding(entry.source) {
            candidates[RelativePath.parent(entry.source), default: []].append(entry)
        }
        var landingByFolder: [String: Entry] = [:]
        for (folder, entries) in candidates {
            let ranked = entries.sorted { ContentPath.landingRank($0.source) < ContentPath.landingRank($1.source) }
            let winner = ranked[0]
            landingByFolder[folder] = winner
            for loser in ranked.dropFirst() {
                outrankedLandings[loser.source] = winner.source
                diagnostics.append(.warning(
                    "this folder has `\(RelativePath.name(winner.source))` too, which is its landing page (`_index.md` comes before `index.md`, which comes before `README.md`), so this file is left out of the site and links to it lead to `\(RelativePath.name(winner.source))`; remove it, or rename it to make it a page of its own",
                    file: loser.displayPath, line: 1, column: 1))
            }
        }
        return landingByFolder
    }

    /// The landing page made for a folder without a landing file: titled after the folder
    /// (the site's title for the home page), listing its pages; with a note saying so.
    private static func generatedLanding(_ folder: String, config: SiteConfig, displayRoot: String,
                                         diagnostics: inout DiagnosticList) -> Entry {
        let shown = folder.isEmpty ? displayRoot : "\(displayRoot)/\(folder)"
        var matter = FrontMatter()
        matter.title = folder.isEmpty ? config.title : ContentPath.title(fromName: RelativePath.name(folder))
        let what = folder.isEmpty ? "the content folder has no home page" : "this folder has no landing page"
        diagnostics.append(.note(
            "\(what) (`_index.md`, `index.md` or `README.md`), so one was made with the title \"\(matter.title!)\" that lists its pages; add one of those files to write its text yourself",
            file: shown))
        var entry = Entry(source: folder + "/", displayPath: shown, frontMatter: matter, bodyTitle: nil)
        entry.isGenerated = true
        return entry
    }

    private mutating func addPage(_ entry: Entry, kind: Page.Kind, url: String, section: Int, fallbackTitle: String) -> Int {
        let title = entry.frontMatter.title ?? entry.bodyTitle ?? fallbackTitle
        pages.append(Page(source: entry.source, kind: kind, title: title, description: entry.frontMatter.description,
                          order: entry.frontMatter.order, tags: entry.frontMatter.tags, url: url, section: section,
                          listed: entry.listed, updated: entry.frontMatter.updated?.description,
                          news: entry.frontMatter.news, date: entry.frontMatter.date?.description,
                          isGenerated: entry.isGenerated))
        pageBySource[entry.source] = pages.count - 1
        return pages.count - 1
    }

    /// Sorts each section's children by `order` (unset last), then title, then source path.
    /// The root's subsections follow `sections:` of the site config first.
    private mutating func sortChildren(config: SiteConfig) {
        for index in sections.indices {
            let isRoot = index == root
            let keys = sections[index].children.map { child -> (Int, Int, String, String) in
                let page: Page
                var configRank = Int.max
                switch child {
                case .page(let pageIndex):
                    page = pages[pageIndex]
                case .section(let sectionIndex):
                    page = pages[sections[sectionIndex].landing]
                    if isRoot, let rank = config.sectionOrder.firstIndex(of: RelativePath.name(sections[sectionIndex].folder)) {
                        configRank = rank
                    }
                }
                return (configRank, page.order ?? Int.max, page.title.lowercased(), page.source)
            }
            let sorted = zip(sections[index].children, keys).sorted { lhs, rhs in
                let (a, b) = (lhs.1, rhs.1)
                if a.0 != b.0 { return a.0 < b.0 }
                if a.1 != b.1 { return a.1 < b.1 }
                if a.2 != b.2 { return byteOrder(a.2, b.2) }
                return byteOrder(a.3, b.3)
            }
            sections[index].children = sorted.map(\.0)
        }
    }

    private func checkSectionOrder(config: SiteConfig, configPath: String, diagnostics: inout DiagnosticList) {
        let topFolders = Set(sections.filter { $0.parent == root }.map { RelativePath.name($0.folder) })
        for name in config.sectionOrder where !topFolders.contains(name) {
            var message = "`sections` names `\(name)`, but there is no section folder of that name in the content"
            if let nearest = Suggestion.nearest(to: name, in: topFolders.sorted()) { message += "; did you mean `\(nearest)`?" }
            diagnostics.append(.error(message, file: configPath, line: config.sectionOrderLine))
        }
    }

    private func checkOutputCollisions(entries: [Entry], diagnostics: inout DiagnosticList) {
        let displayBySource = Dictionary(entries.map { ($0.source, $0.displayPath) }, uniquingKeysWith: { a, _ in a })
        var byURL: [String: [String]] = [:]
        for page in pages { byURL[page.url, default: []].append(page.source) }
        for (url, sources) in byURL where sources.count > 1 {
            let sorted = sources.sorted(by: byteOrder)
            for source in sorted {
                let others = sorted.filter { !$0.utf8.elementsEqual(source.utf8) }.map { "`\($0)`" }.joined(separator: ", ")
                diagnostics.append(.error(
                    "this page and \(others) would \(sorted.count > 2 ? "all" : "both") be written to `\(url)`; give one of them another file name or `slug`",
                    file: displayBySource[source] ?? source, line: 1, column: 1))
            }
        }
    }
}
