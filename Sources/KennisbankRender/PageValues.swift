import Mustache

/// The values of one page (typed): its own in front of its header's (`ChromeContext`, which
/// every page shares instead of copying it), and the values only some kinds of pages have
/// (`extra`: `part`, `kader`, `assessment`, ...), set by subscript.
package struct PageContext {
    package var page: PageInfo
    package var canonical: String?
    /// Whether the page goes into the search index (listed pages only).
    package var searchable = false
    /// The title of the top-level section the page lies in.
    package var sectionTitle: String?
    /// The rendered Markdown, inserted with `{{{body}}}`.
    package var body = ""
    package var toc: [TocEntry] = []
    package var breadcrumbs: [LinkValue] = []
    package var sidebar: SidebarValue?
    package var previous: LinkValue?
    package var next: LinkValue?
    package var children: [ChildLink] = []
    package var headerHTML = ""
    package var footerHTML = ""
    package var extra: [String: Any] = [:]
    package let chrome: ChromeContext

    package init(page: PageInfo, chrome: ChromeContext) {
        self.page = page
        self.chrome = chrome
    }

    /// The values only some pages have; `extra` comes first when swift-mustache looks a name up.
    package subscript(key: String) -> Any? {
        get { extra[key] }
        set { extra[key] = newValue }
    }

    /// What swift-mustache reads.
    struct Rendered: MustacheParent {
        let context: PageContext
        let extra: [String: Any]

        func child(named name: String) -> Any? {
            if let value = extra[name] { return value }
            let page = context
            switch name {
            case "page": return page.page
            case "canonical": return TemplateValues.text(page.canonical)
            case "searchable": return page.searchable
            case "sectionTitle": return TemplateValues.text(page.sectionTitle)
            case "body": return TemplateValues.Text(renderText: page.body)
            case "toc": return page.toc
            case "hasToc": return !page.toc.isEmpty
            case "breadcrumbs": return page.breadcrumbs
            case "hasBreadcrumbs": return !page.breadcrumbs.isEmpty
            case "sidebar": return page.sidebar ?? TemplateValues.absent
            case "previous": return page.previous ?? TemplateValues.absent
            case "next": return page.next ?? TemplateValues.absent
            case "hasPager": return page.previous != nil || page.next != nil
            case "children": return page.children
            case "hasChildren": return !page.children.isEmpty
            case "headerHTML": return TemplateValues.Text(renderText: page.headerHTML)
            case "footerHTML": return TemplateValues.Text(renderText: page.footerHTML)
            default: return page.chrome.child(named: name)
            }
        }
    }

    var rendered: Rendered {
        Rendered(context: self, extra: extra.mapValues(TemplateValues.prepare))
    }
}

/// `page`: the page's own title, description, address, last change and tags.
package struct PageInfo: MustacheParent, Sendable {
    package var title: String
    package var url: String
    package var description: String?
    /// The day it last changed: as written (`iso`) and as shown (`text`).
    package var updated: (iso: String, text: String)?
    package var tags: [String] = []
    package var isHome = false

    package init(title: String, url: String) {
        self.title = title
        self.url = url
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateValues.Text(renderText: title)
        case "url": TemplateValues.Text(renderText: url)
        case "description": TemplateValues.text(description)
        case "updated": updated.map { UpdatedValue(iso: $0.iso, text: $0.text) } ?? TemplateValues.absent
        case "tags": tags
        case "hasTags": !tags.isEmpty
        case "isHome": isHome
        default: nil
        }
    }

    struct UpdatedValue: MustacheParent {
        let iso: String
        let text: String
        func child(named name: String) -> Any? {
            switch name {
            case "iso": TemplateValues.Text(renderText: iso)
            case "text": TemplateValues.Text(renderText: text)
            default: nil
            }
        }
    }
}

/// A link to a page: its `title` and its `url` from the site root (written `{{root}}{{url}}`).
package struct LinkValue: MustacheParent, Sendable {
    package var title: String
    package var url: String

    package func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateValues.Text(renderText: title)
        case "url": TemplateValues.Text(renderText: url)
        default: nil
        }
    }
}

/// A page or subsection listed on a section's landing page.
package struct ChildLink: MustacheParent, Sendable {
    package var title: String
    package var url: String
    package var description: String?
    package var isSection: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateValues.Text(renderText: title)
        case "url": TemplateValues.Text(renderText: url)
        case "description": TemplateValues.text(description)
        case "isSection": isSection
        default: nil
        }
    }
}

/// An entry of the table of contents: a `##` heading with its `###` headings.
package struct TocEntry: MustacheParent, Sendable {
    package var id: String
    package var text: String
    package var children: [TocEntry] = []

    package func child(named name: String) -> Any? {
        switch name {
        case "id": TemplateValues.Text(renderText: id)
        case "text": TemplateValues.Text(renderText: text)
        case "children": children
        case "hasChildren": !children.isEmpty
        default: nil
        }
    }
}

/// The sidebar: the top-level section's landing page, and the rendered list of its entries.
package struct SidebarValue: MustacheParent, Sendable {
    package var title: String
    package var url: String
    package var current: Bool
    package var list: String

    package func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateValues.Text(renderText: title)
        case "url": TemplateValues.Text(renderText: url)
        case "current": current
        case "list": TemplateValues.Text(renderText: list)
        default: nil
        }
    }
}
