/// `robots.txt`'s values: the sitemap's address, when the site has a base URL.
package struct RobotsValues: TypedContext {
    package var sitemap: String?
    package var strings: StringsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "sitemap": string(sitemap)
        case "strings": strings
        default: nil
        }
    }
}

/// `sitemap.xml`'s values: every listed page's address and last change.
package struct SitemapValues: TypedContext {
    package var urls: [SitemapURL]
    package var strings: StringsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "urls": urls
        case "strings": strings
        default: nil
        }
    }
}

/// One page in the sitemap: its full address and the day it last changed.
package struct SitemapURL: TypedContext {
    package var loc: String
    package var lastmod: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "loc": string(loc)
        case "lastmod": string(lastmod)
        default: nil
        }
    }
}

/// The Atom feed's values (`feed.xml`): the site, the feed's own address, the day of its newest
/// entry, and the news pages.
package struct FeedValues: TypedContext {
    package var title: String
    package var language: String
    package var feedURL: String
    package var homeURL: String
    package var updated: String
    package var entries: [FeedEntry]
    package var strings: StringsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "language": string(language)
        case "feedURL": string(feedURL)
        case "homeURL": string(homeURL)
        case "updated": string(updated)
        case "entries": entries
        case "strings": strings
        default: nil
        }
    }
}

/// One news page in the feed: its title, full address, date and description.
package struct FeedEntry: TypedContext {
    package var title: String
    package var url: String
    package var date: String
    package var summary: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "url": string(url)
        case "date": string(date)
        case "summary": string(summary)
        default: nil
        }
    }
}
