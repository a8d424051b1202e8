import Diagnostics
import Foundation
import Mustache
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The Mustache templates of `templates/`, each rendered with the scalar-safe HTML escaper.
package struct TemplateSet: Sendable {
    package let library: MustacheLibrary
    /// Every id the templates give an element themselves (`id="kb-inhoud"`; ids made of template
    /// values are not among them): no heading anchor may take one, and links may point at them.
    package let reservedIDs: Set<String>
    /// Every interface word the templates show (`{{strings.search.title}}`): its key, and the
    /// template file and line that show it, so that a missing key is reported where it is used.
    package let stringReferences: [(key: String, file: String, line: Int)]

    /// Templates every site needs.
    package static let required = ["base", "page", "section", "home", "404", "search", "robots.txt", "sitemap.xml", "feed.xml",
                           "partials/nav-item", "partials/nav-list", "book", "partials/book-body",
                           "partials/header", "partials/footer"]
    /// Templates a site with completed assessments needs as well.
    package static let requiredForAssessments = ["assessment", "assessments", "assessment-standalone", "preparation",
                                         "partials/assessment-indicator", "partials/status-label"]
    /// Templates a site with a kader needs as well.
    package static let requiredForKader = ["kader", "kader-part", "form-base", "form", "form-plan", "session-start", "session-bundle"]
    /// Templates a site with aliases (`aliases:` in front matter) needs as well.
    package static let requiredForAliases = ["alias"]

    /// Reports each of `names` that is missing.
    package func requireTemplates(_ names: [String], displayRoot: String, diagnostics: inout DiagnosticList) {
        for name in names where library.getTemplate(named: name) == nil {
            diagnostics.append(.error("the template `\(name).mustache` is missing; this site needs it (copy it from the project's templates folder)",
                                      file: "\(displayRoot)/\(name).mustache"))
        }
    }

    private static let pragma = "{{% CONTENT_TYPE: \(SafeHTMLContentType.name)}}"
    private static let registration: Void = {
        MustacheContentTypes.register(SafeHTMLContentType(), named: SafeHTMLContentType.name)
    }()

    /// Loads every `*.mustache` file under `directory` (subfolders give names like `partials/header`).
    ///
    /// The SAFEHTML pragma is put in front of every template, partials included, so that an
    /// edited template cannot fall back to the built-in escaper. A template may not choose
    /// another content type.
    ///
    /// With `strings`, every `{{strings.KEY}}` and `{{{strings.KEY}}}` tag whose text is known
    /// is replaced by that text (escaped as the tag would escape it) before the template is
    /// parsed: the words are the same on every page, so they cost nothing per page. Other uses
    /// (sections, unknown keys) stay tags.
    package static func load(directory: URL, displayRoot: String, strings: InterfaceStrings? = nil,
                             diagnostics: inout DiagnosticList) -> TemplateSet? {
        _ = registration
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: directory.path) else {
            diagnostics.append(.error("the templates folder does not exist or cannot be read; pass it with --templates",
                                      file: displayRoot))
            return nil
        }
        var names: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") { names.append(path) }
        var library = MustacheLibrary()
        var reservedIDs = Set<String>()
        var stringReferences: [(key: String, file: String, line: Int)] = []
        var inclusions: [String: (display: String, inclusions: [TemplateInclusions.Inclusion])] = [:]
        var failed = false
        for path in names.sorted(by: byteOrder) {
            let display = "\(displayRoot)/\(path)"
            let text: String
            switch SourceText.read(directory.appendingPathComponent(path)) {
            case .failure(.unreadable(let reason)):
                diagnostics.append(.error("cannot read this template (\(reason))", file: display, line: 1, column: 1))
                failed = true
                continue
            case .failure(.invalidUTF8(let line, let column)):
                diagnostics.append(.error("this template is not valid UTF-8 text; save it as UTF-8", file: display, line: line, column: column))
                failed = true
                continue
            case .success(let source):
                text = source.text
            }
            // Any mention of the pragma's name is refused (a comment naming SAFEHTML beside another
            // content type passed an earlier check line by line).
            if let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: {
                $0.contains("CONTENT_TYPE")
            }) {
                diagnostics.append(.error(
                    "templates may not change the content type: every template is escaped as SAFEHTML; remove this pragma",
                    file: display, line: line + 1, column: 1))
                failed = true
                continue
            }
            let scanned = TemplateInclusions(text: text)
            for problem in scanned.problems {
                diagnostics.append(.error(problem.message, file: display, line: problem.line, column: problem.column))
                failed = true
            }
            inclusions[String(path.dropLast(".mustache".count))] = (display, scanned.inclusions)
            reservedIDs.formUnion(literalIDs(in: text))
            stringReferences += stringKeys(in: text).map { ($0.key, display, $0.line) }
            let source = strings.map { inlineStrings(text, $0) } ?? text
            do {
                let template = try MustacheTemplate(string: pragma + source)
                library.register(template, named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                diagnostics.append(.error("template syntax error: \(describe(error.error)); check the `{{` `}}` tags on this line",
                                          file: display, line: line, column: column))
                failed = true
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", file: display, line: 1, column: 1))
                failed = true
            }
        }
        for cycle in TemplateInclusions.cycles(inclusions) {
            diagnostics.append(cycle)
            failed = true
        }
        for name in required where library.getTemplate(named: name) == nil && !names.contains(name + ".mustache") {
            diagnostics.append(.error("the template `\(name).mustache` is missing; every site needs it (copy it from the project's templates folder)",
                                      file: "\(displayRoot)/\(name).mustache"))
            failed = true
        }
        return failed ? nil : TemplateSet(library: library, reservedIDs: reservedIDs, stringReferences: stringReferences)
    }

    /// The values of `id="..."` attributes in a template's text that hold no template tag.
    package static func literalIDs(in text: String) -> Set<String> {
        var ids = Set<String>()
        var rest = text[...]
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let value = rest[..<end]
            if !value.isEmpty, !value.contains("{") { ids.insert(String(value)) }
            rest = rest[end...]
        }
        return ids
    }

    /// `text` with its `{{strings.KEY}}` (escaped) and `{{{strings.KEY}}}` (as it is) tags replaced
    /// by the texts of `strings`. A text that holds `{{` or `}}` stays a tag.
    package static func inlineStrings(_ text: String, _ strings: InterfaceStrings) -> String {
        guard text.contains("{{strings.") || text.contains("{{{strings.") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let triple = rest[open.upperBound...].hasPrefix("{")
            let nameStart = triple ? rest.index(after: open.upperBound) : open.upperBound
            let closing = triple ? "}}}" : "}}"
            guard rest[nameStart...].hasPrefix("strings."), let close = rest[nameStart...].range(of: closing) else {
                result += "{{"
                rest = rest[open.upperBound...]
                continue
            }
            let key = String(rest[rest.index(nameStart, offsetBy: "strings.".count)..<close.lowerBound])
            if case .text(let value)? = strings.value(key), !value.contains("{{"), !value.contains("}}"),
               key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) {
                result += triple ? value : HTMLEscape.escape(value)
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The keys of the `{{strings.KEY}}` tags of a template's text (also in sections and
    /// `{{{...}}}`), with their lines.
    package static func stringKeys(in text: String) -> [(key: String, line: Int)] {
        var keys: [(key: String, line: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                let tag = rest.drop { "{#^/&! ".contains($0) }
                guard tag.hasPrefix("strings.") else { continue }
                let key = tag.dropFirst("strings.".count).prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
                if !key.isEmpty { keys.append((String(key), number + 1)) }
            }
        }
        return keys
    }

    /// Reports every key the templates show that `strings` lacks.
    package func checkStrings(_ strings: InterfaceStrings, stringsFile: String, diagnostics: inout DiagnosticList) {
        for reference in stringReferences where strings.value(reference.key) == nil {
            diagnostics.append(.error("the interface word `strings.\(reference.key)` is not in \(stringsFile); add it there",
                                      file: reference.file, line: reference.line, column: 1))
        }
    }

    /// Renders a template with a typed value (`TypedContext`): a page, a partial's values, a file.
    package func render(_ value: some TypedContext, with name: String) -> String {
        library.render(value, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with a different name than it was opened with"
        case .unfinishedName?: "a tag is not closed"
        case .expectedSectionEnd?: "a section `{{#...}}` is never closed with `{{/...}}`"
        case .invalidSetDelimiter?: "the set-delimiter tag is malformed"
        case .textInsideInheritSection?, .illegalTokenInsideInheritSection?:
            "inside `{{<parent}}` only block overrides `{{$name}}...{{/name}}` are allowed"
        default: "\(error)"
        }
    }
}
