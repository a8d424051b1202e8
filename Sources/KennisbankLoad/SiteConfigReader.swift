import Diagnostics
import Foundation
import Kader
import SiteFormats
import Basics

/// Reading the site config file (`kennisbank.yml`).
extension SiteConfig {
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
            var config = parse(source.text, displayPath: displayPath, diagnostics: &diagnostics)
            config.findAssessmentsFolder(configFolder: url.deletingLastPathComponent(), displayPath: displayPath, diagnostics: &diagnostics)
            return config
        }
    }

    /// The folder `assessments:` names outside the content, relative to the config file's folder
    /// (or absolute); a missing one is an error at its line.
    mutating func findAssessmentsFolder(configFolder: URL, displayPath: String, diagnostics: inout DiagnosticList) {
        guard let written = assessmentsPath else { return }
        let root = URL(fileURLWithPath: written, relativeTo: configFolder).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue {
            assessmentsRoot = root.path
        } else {
            diagnostics.append(.error("the assessments folder `\(written)` does not exist (a relative path is read from the folder of this file: \(root.path)); check it out or create it there, or correct `assessments:`",
                                      file: displayPath, line: assessmentsLine ?? 1, column: assessmentsColumn ?? 1))
        }
    }

    package static func parse(_ yaml: String, displayPath: String, diagnostics: inout DiagnosticList) -> SiteConfig {
        var config = SiteConfig()
        guard let fields = YAMLFields.parse(yaml, file: displayPath, firstLine: 1, diagnostics: &diagnostics) else {
            return config
        }
        fields.warnUnknownKeys(known: knownKeys, what: "site config", diagnostics: &diagnostics)
        if let title = fields.string("title", diagnostics: &diagnostics) { config.title = title }
        config.description = fields.string("description", diagnostics: &diagnostics)
        if let language = fields.string("language", diagnostics: &diagnostics), let entry = fields.entry("language") {
            if SiteConfig.isLanguageCode(language) {
                config.language = language
            } else {
                diagnostics.append(.error("`language` must be a language code such as `nl` or `en` (two or three lower-case letters, optionally followed by a region such as `-BE`), the name of a file in `strings/`",
                                          file: displayPath, line: entry.line, column: entry.column))
            }
        }
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
        config.trustedActiveFiles = fields.bool("trusted_active_files", diagnostics: &diagnostics) ?? false
        if let folder = fields.string("kader", diagnostics: &diagnostics) { config.kaderFolder = folder }
        if let folder = fields.string("assessments", diagnostics: &diagnostics), let entry = fields.entry("assessments") {
            // A name is a folder of the content; a path (with a `/`) is a folder elsewhere.
            if folder.contains("/") {
                config.assessmentsPath = folder
                config.assessmentsLine = entry.line
                config.assessmentsColumn = entry.column
            } else {
                config.assessmentsFolder = folder
            }
        }
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
