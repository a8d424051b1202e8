import Diagnostics
import Foundation
import Yams
import SiteFormats
import Basics

/// A YAML mapping read with Yams, with typed accessors that report wrong types as
/// diagnostics at the key's line in the user's file.
package struct YAMLFields {
    package struct Entry {
        package let key: String
        package let value: Node
        package let line: Int
        package let column: Int
    }

    package let file: String
    package let entries: [Entry]
    /// Added to a YAML line number to give the line of the file.
    package var lineOffset = 0

    /// The line of the file on which `node` starts.
    package func fileLine(of node: Node) -> Int {
        (node.mark?.line ?? 1) + lineOffset
    }

    /// Parses `yaml`, whose first line is line `firstLine` of `file`. An empty document is an empty mapping.
    package static func parse(_ yaml: String, file: String, firstLine: Int, diagnostics: inout DiagnosticList) -> YAMLFields? {
        let node: Node?
        do {
            // The encoding is given: Yams' default reads the whole environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file, firstLine: firstLine))
            return nil
        } catch {
            diagnostics.append(.error("the YAML could not be read: \(error)", file: file, line: firstLine))
            return nil
        }
        guard let node else { return YAMLFields(file: file, entries: []) }
        guard let mapping = node.mapping else {
            let line = (node.mark?.line ?? 1) + firstLine - 1
            diagnostics.append(.error(
                "expected `key: value` lines here, but found a single value; write each setting as `name: value`",
                file: file, line: line, column: node.mark?.column))
            return nil
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            let line = (key.mark?.line ?? 1) + firstLine - 1
            entries.append(Entry(key: key.string ?? "", value: value, line: line, column: key.mark?.column ?? 1))
        }
        return YAMLFields(file: file, entries: entries, lineOffset: firstLine - 1)
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            message += "; check the indentation, the `key: value` form, and quote values that contain a colon"
            return .error(message, file: file, line: mark.line + firstLine - 1, column: mark.column)
        case let .reader(problem, _, _, _):
            return .error("the YAML could not be read: \(problem)", file: file, line: firstLine)
        default:
            return .error("malformed YAML: \(error)", file: file, line: firstLine)
        }
    }

    /// Warns about keys outside `known`, with a suggestion when one looks like a typo.
    package func warnUnknownKeys(known: [String], what: String, diagnostics: inout DiagnosticList) {
        for entry in entries where !known.contains(entry.key) {
            var message = "unknown \(what) key `\(entry.key)` is ignored"
            if let nearest = Suggestion.nearest(to: entry.key, in: known) {
                message += "; did you mean `\(nearest)`?"
            } else {
                message += "; known keys are \(known.map { "`\($0)`" }.joined(separator: ", "))"
            }
            diagnostics.append(.warning(message, file: file, line: entry.line, column: entry.column))
        }
    }

    package func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    package func string(_ key: String, diagnostics: inout DiagnosticList) -> String? {
        guard let entry = entry(key) else { return nil }
        guard let scalar = entry.value.scalar else {
            diagnostics.append(typeError(entry, expected: "a piece of text"))
            return nil
        }
        return scalar.string
    }

    package func int(_ key: String, diagnostics: inout DiagnosticList) -> Int? {
        guard let entry = entry(key) else { return nil }
        guard let value = entry.value.int else {
            diagnostics.append(typeError(entry, expected: "a whole number, such as `3`"))
            return nil
        }
        return value
    }

    package func bool(_ key: String, diagnostics: inout DiagnosticList) -> Bool? {
        guard let entry = entry(key) else { return nil }
        guard let value = entry.value.bool else {
            diagnostics.append(typeError(entry, expected: "`true` or `false`"))
            return nil
        }
        return value
    }

    package func stringList(_ key: String, diagnostics: inout DiagnosticList) -> [String]? {
        guard let entry = entry(key) else { return nil }
        if let sequence = entry.value.sequence {
            var items: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    diagnostics.append(typeError(entry, expected: "a list of words, such as `[wonen, zorg]`"))
                    return nil
                }
                items.append(scalar.string)
            }
            return items
        }
        if let scalar = entry.value.scalar, !scalar.string.isEmpty {
            return [scalar.string]
        }
        diagnostics.append(typeError(entry, expected: "a list of words, such as `[wonen, zorg]`"))
        return nil
    }

    private func typeError(_ entry: Entry, expected: String) -> Diagnostic {
        .error("`\(entry.key)` must be \(expected)", file: file, line: entry.line, column: entry.column)
    }
}
