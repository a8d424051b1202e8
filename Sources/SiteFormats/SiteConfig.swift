
/// The site settings from `kennisbank.yml` (all optional; see the README).
public struct SiteConfig: Sendable, Equatable {
    /// Shown in the header and in every page title.
    public var title = "Kennisbank"
    /// Used as the description of the home page when it has none of its own.
    public var description: String?
    /// The `lang` of every page, and the strings file of its interface words
    /// (`templates/strings/LANGUAGE.yml`).
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
    /// Publish the content's files a browser runs script in (`.html`, `.svg`, ...; see
    /// `ActiveFiles`). Only for trusted content: off by default. Never from the assessments folder.
    public var trustedActiveFiles = false
    /// The content folder that holds the Kwaliteitskader (its parts and indicators).
    public var kaderFolder = "kader"
    /// The content folder that holds completed assessments (self-evaluations), and the start of
    /// their pages' addresses.
    public var assessmentsFolder = "zelfevaluaties"
    /// A folder outside the content that holds them instead (`assessments:` naming a path, such
    /// as `../kennisbank-prive/zelfevaluaties`, a private repository beside the site), as written
    /// and where in the config; its files are read as if they lay in `assessmentsFolder`.
    public var assessmentsPath: String?
    public var assessmentsLine: Int?
    public var assessmentsColumn: Int?
    /// That folder's absolute path, once the config's reader found it.
    public var assessmentsRoot: String?

    /// The date the content was last brought up to date (`content_date: 2026-11-01`), shown on
    /// the book's title page; without it the book shows the latest `updated:` of its pages.
    public var contentDate: String?
    public static let knownKeys = ["title", "description", "language", "base_url", "sections", "footer", "raw_html",
                                   "trusted_active_files", "kader", "assessments", "content_date"]

    public init() {}

    /// Whether `code` is a language code the site can use: two or three lower-case letters,
    /// optionally followed by `-` and a region or script of letters and digits (`nl`, `en`,
    /// `nl-BE`). It names the strings file and goes into every page's `lang`, so nothing else is.
    public static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
