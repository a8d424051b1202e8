import Diagnostics
import Foundation
import Synchronization
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// A built site kept in memory, so that the development server can rebuild one edited page
/// in milliseconds instead of rebuilding the whole site.
///
/// Only an edit that changes nothing other pages show is done on its own: the page's front
/// matter, title and heading anchors stay as they were (so menus, lists, the pager, breadcrumbs
/// and links into the page are unchanged), and it is not a kader part or an assessment (whose
/// text also goes into forms, overviews and comparisons). Everything else asks for a full build.
public final class SiteSession: Sendable {
    public let options: BuildOptions
    /// The built site, and whether the book is behind its pages; page updates hold the lock.
    private let locked: Mutex<(state: RenderSession, bookIsStale: Bool)>
    /// Keeps two refreshes of the book from writing over each other; page updates never wait for it.
    private let bookLock = Mutex(())

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
        locked = Mutex((state, false))
    }

    /// Rebuilds the page of the content file at `file` (an absolute path), if the change
    /// allows it.
    public func update(file: URL) -> Update {
        locked.withLock { update(file: file, in: &$0.state, bookIsStale: &$0.bookIsStale) }
    }

    private func update(file: URL, in state: inout RenderSession, bookIsStale: inout Bool) -> Update {
        let start = Date()
        let root = state.contentRoot.path + "/"
        let absolute = file.standardizedFileURL.path
        guard absolute.hasPrefix(root), absolute.hasSuffix(".md") else {
            return .needsFullBuild(reason: "not a Markdown file of the content")
        }
        let path = String(absolute.dropFirst(root.count))
        // No copy of the renderer is held here: the sources are changed in place below.
        guard let old = state.renderer.sources[path], let index = state.renderer.model.tree.pageBySource[path] else {
            return .needsFullBuild(reason: "a new, removed or unpublished page")
        }
        guard old.kaderPart == nil, old.assessment == nil, !state.rules.isKader(path), !state.rules.isAssessment(path) else {
            return .needsFullBuild(reason: "a kader or assessment file")
        }
        guard FileManager.default.fileExists(atPath: absolute) else { return .needsFullBuild(reason: "the file was removed") }
        let (loaded, problems) = SourceLoader.load(path: path, contentRoot: state.contentRoot, displayRoot: state.displayRoot,
                                                   folders: state.rules)
        if problems.contains(where: { $0.severity == .error }) { return .failed(DiagnosticList(problems)) }
        guard let new = loaded else { return .needsFullBuild(reason: "the file could not be read") }
        guard new.frontMatter == old.frontMatter, new.bodyTitle == old.bodyTitle, new.unknownKeys.map(\.key) == old.unknownKeys.map(\.key),
              new.summary.anchors == old.summary.anchors else {
            return .needsFullBuild(reason: "the front matter, title or headings changed")
        }
        // Swapped in place (no copy of every source), and back when the page fails.
        // The edited page's links are located again (the model holds those of the old text).
        let model = state.renderer.model
        let links = new.summary.links
        let (locations, unresolved) = model.locator.locate(links, from: index, file: new.displayPath)
        let broken = unresolved + model.unlisted.problems(links, locations: locations, from: index, file: new.displayPath)
        state.renderer.sources[path] = new
        let page = state.renderer.render(index, locations: locations)
        let url = state.renderer.model.tree.pages[index].url
        var failure: Update?
        if broken.contains(where: { $0.severity == .error }) {
            failure = .failed(DiagnosticList(problems + broken))
        } else if let html = page.html {
            do {
                try StagedOutput.replace(Data(html.utf8), at: options.url(options.output).appendingPathComponent(url))
            } catch {
                failure = .failed(DiagnosticList([.error("\(error)", file: options.output)]))
            }
        } else {
            failure = .needsFullBuild(reason: "the page did not render")
        }
        if let failure {
            state.renderer.sources[path] = old
            return failure
        }
        if let body = page.bookBody {
            state.bookBodies[index] = body
            bookIsStale = true
        }
        return .rebuilt(page: url, seconds: Date().timeIntervalSince(start))
    }

    /// Writes the book's print page again after pages in it were rebuilt (its PDF is made by
    /// full builds only). Returns whether it wrote anything. Page updates go on meanwhile.
    @discardableResult
    public func refreshBook() -> Bool {
        bookLock.withLock { _ in
            let snapshot = locked.withLock { locked -> (RenderSession)? in
                guard locked.bookIsStale, !locked.state.renderer.model.book.entries.isEmpty else { return nil }
                locked.bookIsStale = false
                return locked.state
            }
            guard let state = snapshot else { return false }
            let html = state.bookContexts.pieces(bodies: state.bookBodies, withPDF: state.withPDF,
                                                 templates: state.renderer.templates).joined()
            return (try? StagedOutput.replace(Data(html.utf8), at: options.url(options.output).appendingPathComponent(Book.url))) != nil
        }
    }
}
