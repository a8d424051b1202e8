import Foundation
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The files around the pages: `robots.txt`, and with a base URL `sitemap.xml` and, when the
/// site has news pages, the Atom feed `nieuws.xml`. Only listed pages appear in them.
package struct SiteFiles {
    package let tree: SiteTree
    package let navigation: Navigation
    package let config: SiteConfig
    package let templates: TemplateSet
    /// The interface words (`{{strings...}}` in the feed's title).
    package let strings: StringsValue

    package static let feedPath = OutputPaths.feed

    package init(tree: SiteTree, navigation: Navigation, config: SiteConfig, templates: TemplateSet, strings: StringsValue) {
        self.tree = tree
        self.navigation = navigation
        self.config = config
        self.templates = templates
        self.strings = strings
    }

    package func files() -> [(path: String, data: Data)] {
        var files: [(String, Data)] = []
        let sitemap = config.baseURL.map { $0 + OutputPaths.sitemap }
        let robots = RobotsValues(sitemap: sitemap, strings: strings)
        files.append((OutputPaths.robots, Data(templates.render(robots, with: "robots.txt").utf8)))
        guard let base = config.baseURL else { return files }
        let listed = navigation.order.filter { tree.pages[$0].listed }
        let urls = listed.map { SitemapURL(loc: base + tree.pages[$0].url, lastmod: tree.pages[$0].updated) }
        files.append((OutputPaths.sitemap, Data(templates.render(SitemapValues(urls: urls, strings: strings), with: "sitemap.xml").utf8)))
        let news = listed.filter { tree.pages[$0].news && tree.pages[$0].date != nil }
            .sorted { (tree.pages[$0].date!, tree.pages[$1].url) > (tree.pages[$1].date!, tree.pages[$0].url) }
        if !news.isEmpty {
            let entries = news.map { index in
                FeedEntry(title: tree.pages[index].title, url: base + tree.pages[index].url, date: tree.pages[index].date!,
                          summary: tree.pages[index].description)
            }
            let feed = FeedValues(title: config.title, language: config.language, feedURL: base + Self.feedPath, homeURL: base,
                                  updated: tree.pages[news[0]].date!, entries: entries, strings: strings)
            files.append((Self.feedPath, Data(templates.render(feed, with: "feed.xml").utf8)))
        }
        return files
    }
}
