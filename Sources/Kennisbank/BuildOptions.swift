import Diagnostics
import Foundation
import Kader
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Where a build reads and writes. Paths are as the user typed them (relative to the
/// working folder or absolute); diagnostics show them the same way.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    public var config: String
    /// Whether to make PDF files of the printable forms (with WeasyPrint).
    public var makePDFs: Bool
    /// Whether to build the search index (with Pagefind).
    public var makeSearch = true
    /// Where to look for the `weasyprint` and `pagefind` programs; nil means the PATH.
    public var programSearchPath: String?

    public init(content: String = "content", templates: String = "templates",
                output: String = "_site", config: String = "kennisbank.yml", makePDFs: Bool = true) {
        self.content = content
        self.templates = templates
        self.output = output
        self.config = config
        self.makePDFs = makePDFs
        self.programSearchPath = nil
    }

    package func url(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL
    }
}

/// The outcome of a build or check: every diagnostic, and what was produced.
public struct BuildReport: Sendable {
    public init() {}

    public var diagnostics = DiagnosticList()
    public var pages = 0
    public var assets = 0
    public var seconds = 0.0
    /// Whether the output folder was replaced.
    public var wroteOutput = false
    /// The Kwaliteitskader, when the content has one.
    public var kader: Kader?
    /// Number of printable forms written (HTML), of assessment result pages, and of PDF files
    /// made from them.
    public var forms = 0
    public var assessments = 0
    public var pdfs = 0

    public var succeeded: Bool { !diagnostics.hasErrors }

    /// What was checked and found, such as `checked 57 pages: 3 errors, 1 warning`: the line a
    /// failed `check` or `build` ends with.
    public var checkedSummary: String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        return "checked \(count(pages, "page")): \(count(diagnostics.errors.count, "error")), \(count(diagnostics.warnings.count, "warning"))"
    }
}
