import Kader

/// The YAML block between `---` lines at the top of a Markdown file.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var order: Int?
    public var draft = false
    public var tags: [String] = []
    public var slug: String?
    /// The line of `slug`, for diagnostics about the address it makes.
    public var slugLine: Int?
    /// Kader pages only: the part this page defines (`P1` ... `P8`, `S`, `K`), and its line.
    public var part: String?
    public var partLine: Int?
    /// Kader landing page only: the kader version (such as `2025`), and its line.
    public var version: String?
    public var versionLine: Int?
    /// Kader parts only: link to the knowledge page of the principle, and its position.
    public var principle: String?
    public var principleLine: Int?

    /// The day the page was last changed (`updated: 2025-10-01`), shown as "Laatst bijgewerkt".
    public var updated: SessionDate?
    /// News pages (`news: true`) with their date (`date: 2025-10-01`) go into the news feed.
    public var news = false
    public var date: SessionDate?
    /// Old addresses of the page (`aliases:`), each given a redirect page.
    public var aliases: [PageAlias] = []
    /// `extra:`, a map passed through to templates as `page.extra`; nil when absent.
    public var extra: ExtraValue?

    /// Keys other generators use for `order` (Hugo's `weight`, Docusaurus' `sidebar_position`,
    /// Just the Docs' `nav_order`), in the order they are taken when `order` is absent.
    public static let orderKeys = ["weight", "sidebar_position", "nav_order"]

    public static let knownKeys = ["title", "description", "order", "draft", "tags", "slug", "part", "version", "principle",
                                   "updated", "news", "date", "aliases", "extra"] + orderKeys

    public init() {}
}
