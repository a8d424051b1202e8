import Basics

/// The header and footer of the site's pages (`partials/header`, `partials/footer`), rendered
/// once per link depth (`root`) and current main-menu entry instead of once per page: they
/// differ only in those two things. Each is kept by the value it was rendered from
/// (`ChromeContext`), so a page gets the header of exactly its own values.
package struct ChromeHTML: Sendable {
    package static let headerPartial = "partials/header"
    package static let footerPartial = "partials/footer"

    private let templates: TemplateSet
    private let headers: [ChromeContext: String]
    private let footers: [ChromeContext: String]

    /// Renders the header for every root in `roots` and every main-menu entry, and the footer for
    /// every root, on all cores (a site with many top-level sections has as many header variants
    /// per root, each with the whole main menu).
    package init(shared: ChromeShared, templates: TemplateSet, roots: Set<String>) {
        self.templates = templates
        let positions = [nil] + shared.mainNav.indices.map(Optional.some)
        let headerKeys = roots.sorted().flatMap { root in
            positions.map { ChromeContext(shared: shared, root: root, currentMainItem: $0) }
        }
        let rendered = parallelMap(headerKeys) { templates.render($0, with: Self.headerPartial) }
        headers = Dictionary(uniqueKeysWithValues: zip(headerKeys, rendered))
        let footerKeys = roots.sorted().map { ChromeContext(shared: shared, root: $0, currentMainItem: nil) }
        let footerHTML = parallelMap(footerKeys) { templates.render($0, with: Self.footerPartial) }
        footers = Dictionary(uniqueKeysWithValues: zip(footerKeys, footerHTML))
    }

    /// The header of a page with these values (rendered now for a root that was not prepared,
    /// such as the 404 page's absolute one).
    package func header(_ context: ChromeContext) -> String {
        headers[context] ?? templates.render(context, with: Self.headerPartial)
    }

    package func footer(_ context: ChromeContext) -> String {
        footers[context.footerKey] ?? templates.render(context.footerKey, with: Self.footerPartial)
    }
}
