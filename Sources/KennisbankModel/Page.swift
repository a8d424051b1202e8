import Basics
/// One page of the site, as the model knows it: no HTML, no file access.
public struct Page: Sendable, Equatable {
    /// What a page is in the site tree.
    public enum Kind: Sendable, Equatable {
        /// `content/_index.md`: the home page.
        case home
        /// The landing page (`_index.md`, `index.md` or `README.md`, or one made) of a section folder.
        case section
        /// Any other Markdown file.
        case page
    }

    /// Path of the source relative to the content folder, such as `kernprincipes/harm-reduction.md`.
    public var source: String
    public var kind: Kind
    public var title: String
    public var description: String?
    public var order: Int?
    public var tags: [String]
    /// Output path relative to the site root, such as `kernprincipes/harm-reduction/index.html`.
    public var url: String
    /// Index of the section the page belongs to (for a landing page: the section it opens).
    public var section: Int
    /// False for unlisted pages: reachable only by their address, never in navigation, lists,
    /// sitemap or search.
    public var listed = true
    /// From front matter: last change, and news pages with their date.
    public var updated: String?
    public var news = false
    public var date: String?
    /// A landing page the generator made for a folder without a landing file: it has no
    /// source (its `source` is the folder's path with a `/`), and lists the folder's pages.
    public var isGenerated = false
}

/// A folder of the content with its landing page and its children in navigation order.
public struct Section: Sendable, Equatable {
    /// A child of a section: a page or a nested section.
    public enum Child: Sendable, Hashable {
        case page(Int)
        case section(Int)
    }

    /// Folder relative to the content folder; "" for the root.
    public var folder: String
    /// Index of the landing page.
    public var landing: Int
    /// Index of the parent section; nil for the root.
    public var parent: Int?
    /// Pages and subsections, sorted by `order`, then title.
    public var children: [Child] = []
    /// Output folder relative to the site root, such as `kernprincipes/`; "" for the root.
    public var urlPrefix: String
}
