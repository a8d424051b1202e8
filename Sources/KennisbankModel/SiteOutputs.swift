import Diagnostics
import Kader
import Basics

/// The paths the generator writes whatever the content holds, relative to the site root. The
/// book's are `Book.url` and `Book.pdf`, the forms' are in `KaderForm`. They are reserved even
/// when a build leaves them out (no search, no `base_url`), so that switching those on never
/// turns a page or file of the content into a clash.
package enum OutputPaths {
    package static let notFound = "404.html"
    package static let search = "zoeken/index.html"
    package static let robots = "robots.txt"
    package static let sitemap = "sitemap.xml"
    package static let feed = "nieuws.xml"
    /// The theme's files from `templates/static/`.
    package static let theme = "assets"
    /// Pagefind's search index.
    package static let searchIndex = "pagefind"
    /// The PDF beside each assessment's result page.
    package static let assessmentPDF = "zelfevaluatie.pdf"
}

extension OutputTable {
    /// The table of a site: the generator's own files and folders, every page, the content's
    /// files (`files`, those that are published), the preparation overviews, the PDFs beside
    /// the result pages and the redirect pages of `aliases`.
    package static func of(tree: SiteTree, kader: KaderSite?, assessments: AssessmentSite, files: [String],
                           aliases: [AliasPage] = [], sources: [String: SourceSummary], contentPath: String,
                           diagnostics: inout DiagnosticList) -> OutputTable {
        func display(_ source: String) -> String { sources[source]?.displayPath ?? "\(contentPath)/\(source)" }
        var claims: [(path: String, owner: OutputOwner)] = []
        func generator(_ path: String, _ name: String) {
            claims.append((path, OutputOwner(kind: .generator, name: "the generator's \(name)", subject: "", place: nil, fix: "", rank: 0)))
        }
        generator(OutputMarker.name, "marker of its own output folder")
        generator(OutputPaths.notFound, "404 page")
        generator(OutputPaths.search, "search page")
        generator(OutputPaths.robots, "`\(OutputPaths.robots)`")
        generator(OutputPaths.sitemap, "sitemap (made when `base_url` is set)")
        generator(OutputPaths.feed, "news feed (made when `base_url` is set)")
        generator(Book.url, "book")
        generator(Book.pdf, "PDF of the book")
        for form in kader?.forms ?? [] {
            generator(form.html, "blank form `\(RelativePath.name(form.html))`")
            generator(form.pdf, "PDF of the blank form `\(RelativePath.name(form.html))`")
        }
        for tool in SessionTool.allCases {
            if let kader { generator(kader.path(of: tool), "session page `\(tool.fileName)`") }
        }

        for (index, page) in tree.pages.enumerated() {
            let file = display(page.source)
            let name = page.kind == .home ? "the home page `\(file)`" : "the page `\(file)`"
            claims.append((page.url, OutputOwner(kind: .page(index), name: name, subject: "this page would be written to",
                                                 place: (file, 1), fix: addressFix(page, draft: sources[page.source]?.assessment),
                                                 rank: 1)))
        }
        for index in assessments.assessments.keys.sorted() {
            let page = tree.pages[index]
            let file = display(page.source)
            claims.append((String(page.url.dropLast("index.html".count)) + OutputPaths.assessmentPDF,
                           OutputOwner(kind: .assessmentPDF(index), name: "the PDF of the assessment `\(file)`",
                                       subject: "the PDF of this assessment would be written to", place: (file, 1),
                                       fix: addressFix(page, draft: sources[page.source]?.assessment), rank: 1)))
        }
        for (number, session) in assessments.sessions.enumerated() {
            let first = tree.pages[session.pages[0]].source
            let file = display(first)
            claims.append((session.url, OutputOwner(
                kind: .preparationOverview(number),
                name: "the preparation overview of the session `\(session.name)` (`\(file)`)",
                subject: "the preparation overview of the session `\(session.name)` would be written to",
                place: (file, sources[first]?.assessment?.session?.line ?? 1),
                fix: "give the session another name (`sessie:` in each of its preparation files) or another `code`", rank: 2)))
        }
        for (number, alias) in aliases.enumerated() {
            claims.append((alias.path, OutputOwner(
                kind: .alias(number), name: "the alias `\(alias.written)` of `\(alias.file)`",
                subject: "the alias `\(alias.written)` would be written to", place: (alias.file, alias.line),
                fix: "remove this alias or write another address", rank: 2)))
        }
        for path in files {
            claims.append((path, OutputOwner(kind: .file(path), name: "the file `\(contentPath)/\(path)`",
                                             subject: "this file would be copied to", place: ("\(contentPath)/\(path)", 1),
                                             fix: "rename or move this file", rank: 3)))
        }
        let folders = [
            OutputPaths.theme: OutputOwner(kind: .generator, name: "the theme's files (from `templates/static/`)",
                                           subject: "", place: nil, fix: "", rank: 0),
            OutputPaths.searchIndex: OutputOwner(kind: .generator, name: "the search index (Pagefind)",
                                                 subject: "", place: nil, fix: "", rank: 0),
        ]
        return build(claims, folders: folders, diagnostics: &diagnostics)
    }

    /// How the user gives `page` another address.
    private static func addressFix(_ page: Page, draft: AssessmentDraft?) -> String {
        if let draft {
            return draft.preparation != nil
                ? "its address is made from `namens`, `deelnemer`, `sessie` and `code`; change one of them"
                : "its address is made from `praktijk`, `datum` and `code`; change one of them"
        }
        switch page.kind {
        case .home: return "move the other file"
        case .section: return "rename this section's folder or set another `slug`"
        case .page: return "give this page another file name or set another `slug`"
        }
    }
}
