import Diagnostics
import Kader
import Foundation

/// The site settings from `kennisbank.yml` (all optional; see the README).
public struct SiteConfig: Sendable, Equatable {
    /// Shown in the header and in every page title.
    public var title = "Kennisbank"
    /// Used as the description of the home page when it has none of its own.
    public var description: String?
    /// The `lang` of every page.
    public var language = "nl"
    /// The address the site is published at, such as `https://example.org/kennisbank/`.
    /// Pages never depend on it: all links stay relative.
    public var baseURL: String?
    /// Folder names of the top-level sections, in the order the main navigation shows them.
    /// Sections not listed follow, by their `order` and title.
    public var sectionOrder: [String] = []
    /// Line of `sections:` in the config file, for diagnostics.
    public var sectionOrderLine: Int?
    /// Text of the page footer.
    public var footer: String?
    /// Keep raw HTML in Markdown. Only for trusted content: off by default.
    public var allowRawHTML = false
    /// The content folder that holds the Kwaliteitskader (its parts and indicators).
    public var kaderFolder = "kader"
    /// The content folder that holds completed assessments (self-evaluations).
    public var assessmentsFolder = "zelfevaluaties"

    /// The date the content was last brought up to date (`content_date: 2026-11-01`), shown on
    /// the book's title page; without it the book shows the latest `updated:` of its pages.
    public var contentDate: String?
    public static let knownKeys = ["title", "description", "language", "base_url", "sections", "footer", "raw_html", "kader",
                                   "assessments", "content_date"]

    public init() {}

    /// Reads the config file. A missing file gives the defaults.
    public static func load(from url: URL, displayPath: String, diagnostics: inout DiagnosticList) -> SiteConfig {
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        switch SourceText.read(url) {
        case .failure(.unreadable(let reason)):
            diagnostics.append(.error("cannot read the site config: \(reason)", file: displayPath, line: 1, column: 1))
            return SiteConfig()
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.append(.error("the site config is not valid UTF-8 text; save it as UTF-8",
                                      file: displayPath, line: line, column: column))
            return SiteConfig()
        case .success(let source):
            return parse(source.text, displayPath: displayPath, diagnostics: &diagnostics)
        }
    }

    static func parse(_ yaml: String, displayPath: String, diagnostics: inout DiagnosticList) -> SiteConfig {
        var config = SiteConfig()
        guard let fields = YAMLFields.parse(yaml, file: displayPath, firstLine: 1, diagnostics: &diagnostics) else {
            return config
        }
        fields.warnUnknownKeys(known: knownKeys, what: "site config", diagnostics: &diagnostics)
        if let title = fields.string("title", diagnostics: &diagnostics) { config.title = title }
        config.description = fields.string("description", diagnostics: &diagnostics)
        if let language = fields.string("language", diagnostics: &diagnostics) { config.language = language }
        if let base = fields.string("base_url", diagnostics: &diagnostics), !base.isEmpty, let entry = fields.entry("base_url") {
            if base.hasPrefix("https://") || base.hasPrefix("http://") {
                config.baseURL = base.hasSuffix("/") ? base : base + "/"
            } else {
                diagnostics.append(.error("`base_url` must start with `https://` or `http://`, such as `https://example.org/kennisbank/`",
                                          file: displayPath, line: entry.line, column: entry.column))
            }
        }
        config.sectionOrder = fields.stringList("sections", diagnostics: &diagnostics) ?? []
        config.sectionOrderLine = fields.entry("sections")?.line
        config.footer = fields.string("footer", diagnostics: &diagnostics)
        config.allowRawHTML = fields.bool("raw_html", diagnostics: &diagnostics) ?? false
        if let folder = fields.string("kader", diagnostics: &diagnostics) { config.kaderFolder = folder }
        if let folder = fields.string("assessments", diagnostics: &diagnostics) { config.assessmentsFolder = folder }
        if let date = fields.string("content_date", diagnostics: &diagnostics), let entry = fields.entry("content_date") {
            if SessionDate(date) != nil {
                config.contentDate = date
            } else {
                diagnostics.append(.error("`content_date` must be a date written as year-month-day, such as `2026-11-01`; found `\(date)`",
                                          file: displayPath, line: entry.line, column: entry.column))
            }
        }
        return config
    }
}
