import Mustache

/// The values of one page (typed): its own in front of its header's (`ChromeContext`, which
/// every page shares instead of copying it), and the values only some kinds of pages have
/// (`kader`, `part`, `assessment`, ...), absent on the others.
package struct PageContext: TypedContext {
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
    /// `kader`: on the pages of the kader's folder.
    package var kader: KaderValue?
    /// `part`: on a part's own page.
    package var part: KaderPartValue?
    /// `kaderPart`: on a principle's page, the part of the kader that belongs to it.
    package var kaderPart: KaderPartLink?
    /// `assessment`: on a result page.
    package var assessment: ResultValues?
    /// `preparation`: on the overview of a session's preparations.
    package var preparation: PreparationOverviewValues?
    /// `tool`: on a page of the session's journey.
    package var tool: SessionToolValues?
    /// `assessments`: on the assessments overview, the published ones (`hasAssessments`).
    package var assessments: [PublishedAssessmentValue] = []
    /// Whether search engines are asked not to list the page (`noindex`).
    package var noindex = false
    /// For a print variant: the stylesheets inline (`pdfCSS`).
    package var pdfCSS: String?
    /// On the 404 page without `base_url`: the script that finds the site root (`rootScript`).
    package var rootScript: String?
    package let chrome: ChromeContext

    package init(page: PageInfo, chrome: ChromeContext) {
        self.page = page
        self.chrome = chrome
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "tool": optional(tool)
        case "canonical": string(canonical)
        case "searchable": searchable
        case "sectionTitle": string(sectionTitle)
        case "body": string(body)
        case "toc": toc
        case "hasToc": !toc.isEmpty
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": !breadcrumbs.isEmpty
        case "sidebar": optional(sidebar)
        case "previous": optional(previous)
        case "next": optional(next)
        case "hasPager": previous != nil || next != nil
        case "children": children
        case "hasChildren": !children.isEmpty
        case "headerHTML": string(headerHTML)
        case "footerHTML": string(footerHTML)
        case "kader": optional(kader)
        case "part": optional(part)
        case "kaderPart": optional(kaderPart)
        case "assessment": optional(assessment)
        case "preparation": optional(preparation)
        case "assessments": assessments
        case "hasAssessments": !assessments.isEmpty
        case "noindex": noindex
        case "pdfCSS": string(pdfCSS)
        case "rootScript": string(rootScript)
        default: chrome.child(named: name)
        }
    }
}

/// A day as written (`iso`, for `datetime`) and as shown (`text`).
package struct DateValue: TypedContext {
    package var iso: String
    package var text: String

    package init(iso: String, text: String) {
        self.iso = iso
        self.text = text
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "iso": string(iso)
        case "text": string(text)
        default: nil
        }
    }
}

/// `page`: the page's own title, description, address, last change and tags.
package struct PageInfo: TypedContext {
    package var title: String
    package var url: String
    package var description: String?
    /// The day it last changed.
    package var updated: DateValue?
    package var tags: [String] = []
    package var isHome = false
    /// The page's `extra:` front matter, for templates (`page.extra.KEY`).
    package var extra: ExtraContext?

    package init(title: String, url: String) {
        self.title = title
        self.url = url
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateValues.Text(renderText: title)
        case "url": TemplateValues.Text(renderText: url)
        case "description": TemplateValues.text(description)
        case "updated": optional(updated)
        case "tags": tags
        case "hasTags": !tags.isEmpty
        case "isHome": isHome
        case "extra": optional(extra)
        default: nil
        }
    }
}

/// A link to a page: its `title` and its `url` from the site root (written `{{root}}{{url}}`).
package struct LinkValue: TypedContext {
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
package struct ChildLink: TypedContext {
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
package struct TocEntry: TypedContext {
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
package struct SidebarValue: TypedContext {
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
