import Diagnostics
import Foundation
import SiteFormats
import Yams

/// Reads the strings file of the site's language (`templates/strings/LANGUAGE.yml`).
extension InterfaceStrings {
    /// The strings of `language`; nil (with an error) when the file is missing or unreadable.
    /// Every key the generator needs and the file lacks is an error naming the key.
    package static func read(templateRoot: URL, displayRoot: String, language: String,
                             diagnostics: inout DiagnosticList) -> InterfaceStrings? {
        let name = "strings/\(language).yml"
        let display = "\(displayRoot)/\(name)"
        let url = templateRoot.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.error("there is no strings file for the language `\(language)`; add `\(display)` (copy `strings/nl.yml` and translate its values) or set another `language` in the site config",
                                      file: display))
            return nil
        }
        let text: String
        switch SourceText.read(url) {
        case .failure(.unreadable(let reason)):
            diagnostics.append(.error("cannot read the strings file (\(reason))", file: display, line: 1, column: 1))
            return nil
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.append(.error("the strings file is not valid UTF-8 text; save it as UTF-8", file: display, line: line, column: column))
            return nil
        case .success(let source):
            text = source.text
        }
        guard let fields = YAMLFields.parse(text, file: display, firstLine: 1, diagnostics: &diagnostics) else { return nil }
        var root: [String: Value] = [:]
        for entry in fields.entries {
            if let value = value(of: entry.value, key: entry.key, file: display, fields: fields, diagnostics: &diagnostics) {
                root[entry.key] = value
            }
        }
        let strings = InterfaceStrings(language: language, root: root)
        for (key, use) in strings.missingKeys {
            diagnostics.append(.error("the strings file has no `\(key)`, which the generator needs for \(use); add it (see `strings/nl.yml`)",
                                      file: display, line: 1, column: 1))
        }
        return strings
    }

    private static func value(of node: Node, key: String, file: String, fields: YAMLFields,
                              diagnostics: inout DiagnosticList) -> Value? {
        switch node {
        case .scalar(let scalar):
            return .text(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map { $0.string ?? "" })
        case .mapping(let mapping):
            var table: [String: Value] = [:]
            for (name, child) in mapping {
                guard let name = name.string else { continue }
                table[name] = value(of: child, key: key + "." + name, file: file, fields: fields, diagnostics: &diagnostics)
            }
            if Set(table.keys) == ["one", "other"], case .text(let one)? = table["one"], case .text(let other)? = table["other"] {
                return .plural(one: one, other: other)
            }
            return table.isEmpty ? nil : .table(table)
        case .alias:
            diagnostics.append(.error("`\(key)` uses a YAML alias; write the text out", file: file,
                                      line: fields.fileLine(of: node), column: 1))
            return nil
        }
    }
}
