import Diagnostics
import Foundation
import KennisbankMarkdown

/// A built site kept in memory, so that the development server can rebuild one edited page
/// in milliseconds instead of rebuilding the whole site.
///
/// Only an edit that changes nothing other pages show is done on its own: the page's front
/// matter, title and heading anchors stay as they were (so menus, lists, the pager, breadcrumbs
/// and links into the page are unchanged), and it is not a kader part or an assessment (whose
/// text also goes into forms, overviews and comparisons). Everything else asks for a full build.
public final class SiteSession: @unchecked Sendable {
    public let options: BuildOptions
    private var state: RenderSession
    private let lock = NSLock()

    /// What became of a change.
    public enum Update: Sendable {
        /// The page was rebuilt and written; its output path, relative to the site root.
        case rebuilt(page: String, seconds: Double)
        /// The change reaches further than one page; `reason` says why.
        case needsFullBuild(reason: String)
        /// The page has errors; the old page stays served.
        case failed(DiagnosticList)
    }

    /// Builds the whole site (as `SiteBuilder.build`) and keeps it; nil with a failed build.
    public static func build(_ options: BuildOptions) -> (BuildReport, SiteSession?) {
        let (report, state) = SiteBuilder.buildKeepingSession(options)
        return (report, state.map { SiteSession(options: options, state: $0) })
    }

    private init(options: BuildOptions, state: RenderSession) {
        self.options = options
        self.state = state
    }

    /// Rebuilds the page of the content file at `file` (an absolute path), if the change
    /// allows it.
    public func update(file: URL) -> Update {
        lock.lock()
        defer { lock.unlock() }
        let start = Date()
        let root = state.contentRoot.path + "/"
        let absolute = file.standardizedFileURL.path
        guard absolute.hasPrefix(root), absolute.hasSuffix(".md") else {
            return .needsFullBuild(reason: "not a Markdown file of the content")
        }
        let path = String(absolute.dropFirst(root.count))
        let renderer = state.renderer
        guard let old = renderer.sources[path], let index = renderer.tree.pageBySource[path] else {
            return .needsFullBuild(reason: "a new, removed or unpublished page")
        }
        guard old.kaderPart == nil, old.assessment == nil, !state.folders.isKader(path), !state.folders.isAssessment(path) else {
            return .needsFullBuild(reason: "a kader or assessment file")
        }
        guard FileManager.default.fileExists(atPath: absolute) else { return .needsFullBuild(reason: "the file was removed") }
        let (loaded, problems) = SourceLoader.load(path: path, contentRoot: state.contentRoot, displayRoot: state.displayRoot,
                                                   folders: state.folders)
        if problems.contains(where: { $0.severity == .error }) { return .failed(DiagnosticList(problems)) }
        guard let new = loaded else { return .needsFullBuild(reason: "the file could not be read") }
        guard new.frontMatter == old.frontMatter, new.bodyTitle == old.bodyTitle,
              new.headings.map(\.id) == old.headings.map(\.id) else {
            return .needsFullBuild(reason: "the front matter, title or headings changed")
        }
        var updated = renderer
        updated.sources[path] = new
        let page = updated.render(index)
        if page.problems.contains(where: { $0.severity == .error }) { return .failed(DiagnosticList(problems + page.problems)) }
        guard let html = page.html else { return .needsFullBuild(reason: "the page did not render") }
        let url = renderer.tree.pages[index].url
        do {
            try StagedOutput.replace(Data(html.utf8), at: options.url(options.output).appendingPathComponent(url))
        } catch {
            return .failed(DiagnosticList([.error("\(error)", file: options.output)]))
        }
        state.renderer = updated
        if let body = page.bookBody {
            state.bookBodies[index] = body
            bookIsStale = true
        }
        return .rebuilt(page: url, seconds: Date().timeIntervalSince(start))
    }

    private var bookIsStale = false

    /// Writes the book's print page again after pages in it were rebuilt (its PDF is made by
    /// full builds only). Returns whether it wrote anything.
    @discardableResult
    public func refreshBook() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard bookIsStale, let templates = state.renderer.templates, !state.book.entries.isEmpty else { return false }
        bookIsStale = false
        let context = state.bookContexts.context(bodies: state.bookBodies, withPDF: state.withPDF)
        let html = templates.render(context, with: "book")
        return (try? StagedOutput.replace(Data(html.utf8), at: options.url(options.output).appendingPathComponent(Book.url))) != nil
    }
}
