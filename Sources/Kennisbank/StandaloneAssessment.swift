import Diagnostics
import Foundation
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Renders one assessment file as a self-contained HTML page (styles inlined, no outside
/// references, fine to e-mail), and optionally its PDF, without building the whole site.
public enum StandaloneAssessment {
    /// What `render` produced.
    public struct Report: Sendable {
        public var diagnostics = DiagnosticList()
        /// Files written, as given (HTML first, then the PDF).
        public var written: [String] = []
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Renders `file` as `assessment render` does: with the site that `RenderSite.choose` picks
    /// from `siteFolder` (`--site`), the working folder's paths in `options`, or the `builtIn`
    /// files. A missing file and a folder that is not a site are reported together.
    public static func render(file: String, output: String, pdf: Bool, force: Bool = false, siteFolder: String?,
                              options: BuildOptions, builtIn: [String: Data]) -> Report {
        var report = Report()
        if let problem = fileProblem(file) { report.diagnostics.append(problem) }
        let (site, problem) = RenderSite.choose(siteFolder: siteFolder, options: options, builtIn: builtIn)
        if let problem { report.diagnostics.append(problem) }
        guard let site, !report.diagnostics.hasErrors else {
            report.diagnostics = DiagnosticList(report.diagnostics.sorted)
            return report
        }
        switch site {
        case .folder(let options):
            return render(file: file, output: output, pdf: pdf, force: force, options: options)
        case .builtIn(let files):
            let (written, problem) = BuiltInSite.write(files)
            guard let builtIn = written else {
                report.diagnostics.append(contentsOf: [problem].compactMap { $0 })
                return report
            }
            defer { builtIn.remove() }
            var builtInOptions = builtIn.options
            builtInOptions.programSearchPath = options.programSearchPath
            return render(file: file, output: output, pdf: pdf, force: force, options: builtInOptions, builtIn: true)
        }
    }

    /// Renders `file` with the site's kader and earlier rounds, writing `output` (HTML) and, when
    /// `pdf` is set, a PDF with the same name next to it. Existing files are replaced only when
    /// `force` is set.
    public static func render(file: String, output: String, pdf: Bool, force: Bool = false, options: BuildOptions) -> Report {
        render(file: file, output: output, pdf: pdf, force: force, options: options, builtIn: false)
    }

    /// Why `file` cannot be read as an assessment before anything is loaded: it is missing, or a folder.
    private static func fileProblem(_ file: String) -> Diagnostic? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            return .error("no such file; give the path of an assessment file", file: file)
        }
        return isFolder.boolValue ? .error("this is a folder; give the path of an assessment file (Markdown with front matter)", file: file) : nil
    }

    private static func render(file: String, output: String, pdf: Bool, force: Bool, options: BuildOptions, builtIn: Bool) -> Report {
        var report = Report()
        let fileURL = URL(fileURLWithPath: file).standardizedFileURL
        if let problem = fileProblem(fileURL.path) {
            report.diagnostics.append(Diagnostic(problem.severity, problem.message, file: file))
            return report
        }
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let pdfURL = outputURL.deletingPathExtension().appendingPathExtension("pdf")
        let pdfPath = RelativePath.parent(output).isEmpty ? pdfURL.lastPathComponent : RelativePath.parent(output) + "/" + pdfURL.lastPathComponent
        let refusals = ([output] + (pdf ? [pdfPath] : [])).compactMap { SingleFile.refusal($0, force: force) }
        guard refusals.isEmpty else {
            report.diagnostics.append(contentsOf: refusals)
            return report
        }
        let weasyPrint = pdf ? PDFRenderer.weasyPrint(searchPath: options.programSearchPath) : nil
        if pdf, weasyPrint == nil {
            report.diagnostics.append(.error("WeasyPrint is not installed, so no PDF can be made; install it with `scripts/setup.sh` (Debian package `weasyprint`) or leave out --pdf",
                                             file: file))
            return report
        }
        var request = StandaloneRequest(file: fileURL, pdfName: pdf ? pdfURL.lastPathComponent : nil)
        request.builtIn = builtIn
        let (rendered, page) = SiteRenderer.renderStandalone(options, request)
        report.diagnostics = rendered.diagnostics
        guard let html = page, !report.diagnostics.hasErrors else { return report }
        if let problem = SingleFile.write(Data(html.utf8), to: output) {
            report.diagnostics.append(problem)
            return report
        }
        report.written.append(output)
        if let weasyPrint {
            // The page is self-contained: the PDF may embed nothing from disk (an empty folder).
            let nothing = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-pdf-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: nothing, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: nothing) }
            let failures = PDFRenderer.render([(html, pdfURL, "https://kennisbank.invalid/")], with: weasyPrint, allowedFolder: nothing)
            for failure in failures { report.diagnostics.append(.error(failure, file: output)) }
            if failures.isEmpty { report.written.append(pdfURL.relativePath) }
        }
        return report
    }
}
