import Diagnostics
import Foundation
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Runs the pipeline: load (config, templates, sources) -> model (site tree, navigation, kader)
/// -> render (links, Markdown, templates, forms) -> write (staged output with PDFs, swapped in
/// at the end).
public enum SiteBuilder {
    /// Validates everything and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let start = Date()
        return finish(SiteRenderer.check(options), start)
    }

    /// Builds the site into `options.output`. On any error the previous output stays untouched.
    public static func build(_ options: BuildOptions) -> BuildReport {
        buildKeepingSession(options, keep: false).0
    }

    /// `build`, also returning what it takes to rebuild single pages (nil when it failed).
    static func buildKeepingSession(_ options: BuildOptions, keep: Bool = true) -> (BuildReport, RenderSession?) {
        let start = Date()
        let weasyPrint = options.makePDFs ? PDFRenderer.weasyPrint(searchPath: options.programSearchPath) : nil
        let pagefind = options.makeSearch ? SearchIndexer.command(searchPath: options.programSearchPath) : nil
        let output = options.url(options.output)
        // An output folder that cannot be written still lets the content be checked: every
        // problem of the run is reported at once.
        if let problem = outputProblem(options) {
            var report = SiteRenderer.check(options, withNotes: false)
            report.diagnostics.append(problem)
            return (finish(report, start), nil)
        }
        let staged: StagedOutput
        do {
            staged = try StagedOutput.begin(destination: output)
        } catch {
            var report = SiteRenderer.check(options, withNotes: false)
            report.diagnostics.append(.error("\(error); the previous site was left as it was", file: options.output))
            return (finish(report, start), nil)
        }
        // Pages are written into the staging folder while they render; on any error the
        // staging folder is given up (`discard`) and the previous site stays as it was.
        let request = RenderRequest(withPDF: weasyPrint != nil, withSearch: pagefind != nil, keepSession: keep, sink: PageSink(
            prepare: { staged.makeFolders(for: $0) },
            emit: { path, pieces in
                do {
                    try staged.emit(pieces: pieces, at: path)
                    return nil
                } catch {
                    return "\(error)"
                }
            }))
        var (report, rendered) = SiteRenderer.render(options, request)
        guard let site = rendered, !report.diagnostics.hasErrors else {
            staged.discard()
            return (finish(report, start), nil)
        }
        if options.makePDFs, weasyPrint == nil, site.printable > 0 {
            report.diagnostics.append(.warning(
                "WeasyPrint is not installed, so the printable forms were made as HTML only, without PDF files; install it with `scripts/setup.sh` (Debian package `weasyprint`)",
                file: options.output))
        }
        if options.makeSearch, pagefind == nil {
            report.diagnostics.append(.warning(
                "Pagefind is not installed, so the site was built without search (the search field is hidden); install it with `scripts/setup.sh` (PyPI package `pagefind-bin`)",
                file: options.output))
        }
        do {
            StageClock.mark("rest of the render")
            try staged.write(files: site.files, copies: site.copies)
            staged.removeLeftovers()
            StageClock.mark("write other files")
            if let weasyPrint {
                let jobs = site.pdfs.map { ($0.html, staged.staging.appendingPathComponent($0.pdf), site.baseURL + $0.page) }
                let failures = PDFRenderer.render(jobs, with: weasyPrint, allowedFolder: staged.staging)
                if !failures.isEmpty { throw StagedOutput.Failure.io(failures.joined(separator: "; ")) }
                report.pdfs = jobs.count
            }
            if let pagefind, let failure = SearchIndexer.index(site: staged.staging, language: site.language, command: pagefind) {
                throw StagedOutput.Failure.io(failure)
            }
            StageClock.mark("PDFs and search index")
            try staged.commit()
            StageClock.mark("swap in the new site")
            report.wroteOutput = true
        } catch {
            staged.discard()
            report.diagnostics.append(.error("\(error); the previous site was left as it was", file: options.output))
        }
        let final = finish(report, start)
        return (final, final.succeeded ? site.session : nil)
    }

    private static func finish(_ report: BuildReport, _ start: Date) -> BuildReport {
        var report = report
        report.diagnostics = DiagnosticList(report.diagnostics.sorted)
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
