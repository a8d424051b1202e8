import Basics

/// The knowledge bank as one book: which pages it holds, in reading order, each with an id
/// that is unique in the book and its place (the start of a chapter, or a page in one).
/// No HTML, no file access.
///
/// The book holds every listed page except the home page (the title page takes its place)
/// and the completed assessments (each has its own page and PDF). Unlisted pages,
/// preparations and forms are never in it.
public struct Book: Sendable {
    /// One page of the book.
    public struct Entry: Sendable, Equatable {
        public var page: Int
        /// The id of the page's article in the book; heading `x` of the page becomes `id--x`.
        public var id: String
        /// Whether the page opens a chapter (a top-level section's landing page, or a page at
        /// the top of the site).
        public var startsChapter: Bool
    }

    /// Output path of the book's print page.
    public static let url = "boek/index.html"
    /// Output path of the book's PDF.
    public static let pdf = "boek/kennisbank.pdf"
    public let entries: [Entry]
    private let entryByPage: [Int: Entry]

    /// `reservedIDs` are the ids the templates (the book's among them) use themselves.
    public init(tree: SiteTree, navigation: Navigation, assessmentsFolder: String, reservedIDs: Set<String>) {
        var ids = UniqueIDs(reserved: reservedIDs)
        var entries: [Entry] = []
        for page in navigation.order {
            let info = tree.pages[page]
            guard info.listed, info.kind != .home, !info.source.hasPrefix(assessmentsFolder + "/") else { continue }
            let top = navigation.topSection(of: page)
            let startsChapter = top == nil || tree.sections[top!].landing == page
            let id = ids.claim(Self.baseID(url: info.url))
            entries.append(Entry(page: page, id: id, startsChapter: startsChapter))
        }
        self.entries = entries
        entryByPage = Dictionary(uniqueKeysWithValues: entries.map { ($0.page, $0) })
    }

    /// The id of `page` in the book; nil when the page is not in the book.
    public func id(of page: Int) -> String? { entryByPage[page]?.id }

    /// The entry of `page`; nil when the page is not in the book.
    public func entry(of page: Int) -> Entry? { entryByPage[page] }

    /// `kernprincipes/harm-reduction/index.html` gives `kernprincipes-harm-reduction`. An id
    /// that would start with `kb-` (a folder `kb`) gets `pagina-` before it: the book's own ids
    /// (`kb-boek-inhoud`, `kb-titel-...`) start so.
    private static func baseID(url: String) -> String {
        var path = url
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        let id = path.split(separator: "/").joined(separator: "-")
        if id.hasPrefix(HeadingSlug.generatorPrefix) { return "pagina-" + id }
        return id.isEmpty ? "pagina" : id
    }
}
