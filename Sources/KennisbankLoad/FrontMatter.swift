import Diagnostics
import Foundation
import Kader
import KennisbankMarkdown
import SiteFormats
import Basics

/// A Markdown file split into its front matter and its body.
package struct FrontMatterSplit {
    /// The YAML text, without the `---` lines; nil when the file has no front matter.
    package var yaml: String?
    /// Line of the file on which the YAML text starts.
    package var yamlFirstLine: Int
    /// The Markdown body.
    package var body: String
    /// Number of file lines before the body: body line N is file line N + offset.
    package var bodyLineOffset: Int

    /// A line without the spaces and tabs around it (Foundation's `.whitespaces`, which it
    /// is asked for only when the line holds other than ASCII).
    private static func trimmedLine(_ line: Substring) -> Substring {
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else { return Substring(line.trimmingCharacters(in: .whitespaces)) }
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return line[first...last]
    }

    /// Splits `text`. Fails when an opening `---` has no closing line.
    package static func split(_ text: String) -> FrontMatterSplit? {
        guard text.hasPrefix("---") else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyLineOffset: 0)
        }
        // Walk the lines only as far as the closing line: the body is taken whole.
        var lineStart = text.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let trimmed = Self.trimmedLine(text[lineStart..<lineEnd])
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            lineNumber += 1
            if let start = yamlStart {
                if trimmed == "---" || trimmed == "..." {
                    let yaml = lineStart == start ? "" : String(text[start..<text.index(before: lineStart)])
                    return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(text[next...]),
                                            bodyLineOffset: lineNumber)
                }
            } else {
                guard trimmed == "---" else {
                    return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyLineOffset: 0)
                }
                yamlStart = next
            }
            lineStart = next
        }
        return nil
    }
}

extension FrontMatter {
    /// Reads the known keys from `fields`, warning about unknown ones.
    package static func read(_ fields: YAMLFields, diagnostics: inout DiagnosticList) -> FrontMatter {
        var matter = FrontMatter()
        matter.title = fields.string("title", diagnostics: &diagnostics)?.trimmingCharacters(in: .whitespaces)
        if matter.title?.isEmpty == true, let entry = fields.entry("title") {
            diagnostics.append(.error("`title` is empty; write the page title after `title:`",
                                      file: fields.file, line: entry.line, column: entry.column))
            matter.title = nil
        }
        matter.description = fields.string("description", diagnostics: &diagnostics)
        matter.order = readOrder(fields, diagnostics: &diagnostics)
        matter.draft = fields.bool("draft", diagnostics: &diagnostics) ?? false
        matter.tags = fields.stringList("tags", diagnostics: &diagnostics) ?? []
        for (key, keyPath) in [("updated", \FrontMatter.updated), ("date", \FrontMatter.date)] {
            guard let text = fields.string(key, diagnostics: &diagnostics), let entry = fields.entry(key) else { continue }
            if let date = SessionDate(text) {
                matter[keyPath: keyPath] = date
            } else {
                diagnostics.append(.error("`\(key)` must be a date written as year-month-day, such as `2025-10-01`; found `\(text)`",
                                          file: fields.file, line: entry.line, column: entry.column))
            }
        }
        matter.news = fields.bool("news", diagnostics: &diagnostics) ?? false
        if matter.news, matter.date == nil, fields.entry("date") == nil {
            diagnostics.append(.error("a news page (`news: true`) needs `date: 2025-10-01`, the day it was published",
                                      file: fields.file, line: fields.entry("news")?.line, column: 1))
        }
        matter.part = fields.string("part", diagnostics: &diagnostics)
        matter.partLine = fields.entry("part")?.line
        matter.version = fields.string("version", diagnostics: &diagnostics)
        matter.versionLine = fields.entry("version")?.line
        matter.principle = fields.string("principle", diagnostics: &diagnostics)
        matter.principleLine = fields.entry("principle")?.line
        if let slug = fields.string("slug", diagnostics: &diagnostics), let entry = fields.entry("slug") {
            if Slug.isValid(slug) {
                matter.slug = slug
                matter.slugLine = entry.line
            } else {
                let hint = Slug.make(slug).isEmpty ? "" : "; for example `\(Slug.make(slug))`"
                diagnostics.append(.error(
                    "`slug` may hold only lower-case letters, digits and hyphens (no `/`, `.` or spaces)\(hint)",
                    file: fields.file, line: entry.line, column: entry.column))
            }
        }
        matter.aliases = PageAliases.read(fields, diagnostics: &diagnostics)
        matter.extra = ExtraReader.read(fields, diagnostics: &diagnostics)
        return matter
    }

    /// `order`, or else the first of the other generators' order keys (`orderKeys`); a page with
    /// two that disagree gets a warning naming the one that counts.
    private static func readOrder(_ fields: YAMLFields, diagnostics: inout DiagnosticList) -> Int? {
        var found: [(key: String, value: Int, entry: YAMLFields.Entry)] = []
        for key in ["order"] + orderKeys {
            guard let value = fields.int(key, diagnostics: &diagnostics), let entry = fields.entry(key) else { continue }
            found.append((key, value, entry))
        }
        guard let chosen = found.first else { return nil }
        for other in found.dropFirst() where other.value != chosen.value {
            diagnostics.append(.warning(
                "`\(other.key): \(other.value)` disagrees with `\(chosen.key): \(chosen.value)`, which sets the page's place; keep one of them",
                file: fields.file, line: other.entry.line, column: other.entry.column))
        }
        return chosen.value
    }

    /// The keys of `fields` that front matter does not know, with their places: the loader
    /// gathers them over all pages (`FrontMatterKeys`), so that each key is told once.
    package static func unknownKeys(_ fields: YAMLFields) -> [FrontMatterKeys.Use] {
        fields.entries.filter { !knownKeys.contains($0.key) }.map {
            FrontMatterKeys.Use(key: $0.key, line: $0.line, column: $0.column)
        }
    }
}
