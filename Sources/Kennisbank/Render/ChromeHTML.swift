/// The header and footer of the site's pages (`partials/header`, `partials/footer`), rendered
/// once per link depth (`root`) and current main-menu entry instead of once per page: they
/// differ only in those two things.
struct ChromeHTML: Sendable {
    static let headerPartial = "partials/header"
    static let footerPartial = "partials/footer"

    private let templates: TemplateSet
    /// Header HTML by root, then by current main-menu entry (index 0: none current, i + 1: entry i).
    private let headers: [String: [String]]
    private let footers: [String: String]

    /// Renders the header and footer for every root in `roots`.
    init(contexts: PageContextBuilder, templates: TemplateSet, roots: Set<String>) {
        self.templates = templates
        let entries = contexts.navigation.mainItems.count
        var headers: [String: [String]] = [:]
        var footers: [String: String] = [:]
        for root in roots.sorted() {
            headers[root] = (-1..<entries).map { position in
                templates.render(contexts.chromeContext(currentMainItem: position < 0 ? nil : position, root: root),
                                 with: Self.headerPartial)
            }
            footers[root] = templates.render(contexts.chromeContext(currentMainItem: nil, root: root), with: Self.footerPartial)
        }
        self.headers = headers
        self.footers = footers
    }

    func header(root: String, currentMainItem current: Int?) -> String? {
        headers[root]?[(current ?? -1) + 1]
    }

    func footer(root: String) -> String? {
        footers[root]
    }

    /// Renders a partial for a root that was not prepared (such as the 404 page's absolute one).
    func render(_ context: [String: Any], partial: String) -> String {
        templates.render(context, with: partial)
    }
}
