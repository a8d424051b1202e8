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

    /// Renders `file` with the site's kader and earlier rounds, writing `output` (HTML) and, when
    /// `pdf` is set, a PDF with the same name next to it.
    public static func render(file: String, output: String, pdf: Bool, options: BuildOptions) -> Report {
        var report = Report()
        let fileURL = URL(fileURLWithPath: file).standardizedFileURL
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            report.diagnostics.append(.error("no such file; give the path of an assessment file", file: file))
            return report
        }
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let pdfURL = outputURL.deletingPathExtension().appendingPathExtension("pdf")
        let weasyPrint = pdf ? PDFRenderer.weasyPrint(searchPath: options.programSearchPath) : nil
        if pdf, weasyPrint == nil {
            report.diagnostics.append(.error("WeasyPrint is not installed, so no PDF can be made; install it with `scripts/setup.sh` (Debian package `weasyprint`) or leave out --pdf",
                                             file: file))
            return report
        }
        let request = StandaloneRequest(file: fileURL, pdfName: pdf ? pdfURL.lastPathComponent : nil)
        let (rendered, page) = SiteRenderer.renderStandalone(options, request)
        report.diagnostics = rendered.diagnostics
        guard let html = page, !report.diagnostics.hasErrors else { return report }
        do {
            try Data(html.utf8).write(to: outputURL, options: .atomic)
            report.written.append(output)
        } catch {
            report.diagnostics.append(.error("cannot write the page: \(error.localizedDescription)", file: output))
            return report
        }
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
