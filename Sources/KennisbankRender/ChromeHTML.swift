import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics
/// The header and footer of the site's pages (`partials/header`, `partials/footer`), rendered
/// once per link depth (`root`) and current main-menu entry instead of once per page: they
/// differ only in those two things.
package struct ChromeHTML: Sendable {
    package static let headerPartial = "partials/header"
    package static let footerPartial = "partials/footer"

    private let templates: TemplateSet
    /// Header HTML by root, then by current main-menu entry (index 0: none current, i + 1: entry i).
    private let headers: [String: [String]]
    private let footers: [String: String]
    /// The values the header was rendered from, prepared for rendering, by root and entry as
    /// `headers`: every page starts its context from these instead of building the main menu again.
    /// (Written once, when the site's chrome is made, and only read after that.)
    nonisolated(unsafe) private let contexts: [String: [[String: Any]]]

    /// Renders the header and footer for every root in `roots`, on all cores (a site with many
    /// top-level sections has as many header variants per root, each with the whole main menu).
    package init(contexts: PageContextBuilder, templates: TemplateSet, roots: Set<String>) {
        self.templates = templates
        let positions = -1..<contexts.navigation.mainItems.count
        let jobs = roots.sorted().flatMap { root in positions.map { (root, $0) } }
        let rendered = parallelMap(jobs) { root, position -> (context: [String: Any], html: String) in
            // Prepared once: rendering passes prepared values through as they are.
            let context = contexts.chromeContext(currentMainItem: position < 0 ? nil : position, root: root)
                .mapValues(TemplateValues.prepare)
            return (context, templates.render(context, with: Self.headerPartial))
        }
        var headers: [String: [String]] = [:]
        var chromeContexts: [String: [[String: Any]]] = [:]
        for (job, result) in zip(jobs, rendered) {
            headers[job.0, default: []].append(result.html)
            chromeContexts[job.0, default: []].append(result.context)
        }
        self.headers = headers
        self.contexts = chromeContexts
        let footerRoots = roots.sorted()
        let footers = parallelMap(footerRoots) { root in
            templates.render(contexts.chromeContext(currentMainItem: nil, root: root), with: Self.footerPartial)
        }
        self.footers = Dictionary(uniqueKeysWithValues: zip(footerRoots, footers))
    }

    package func header(root: String, currentMainItem current: Int?) -> String? {
        headers[root]?[(current ?? -1) + 1]
    }

    /// The prepared values of the header and footer for `root`, if it was prepared.
    package func context(root: String, currentMainItem current: Int?) -> [String: Any]? {
        contexts[root]?[(current ?? -1) + 1]
    }

    package func footer(root: String) -> String? {
        footers[root]
    }

    /// Renders a partial for a root that was not prepared (such as the 404 page's absolute one).
    package func render(_ context: [String: Any], partial: String) -> String {
        templates.render(context, with: partial)
    }
}
