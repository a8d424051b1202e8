import Diagnostics
import Yams
import SiteFormats

/// Reads `extra:`, a map of the user's own values for templates (`{{page.extra.KEY}}`), as
/// typed values (`ExtraValue`).
package enum ExtraReader {
    package static func read(_ fields: YAMLFields, diagnostics: inout DiagnosticList) -> ExtraValue? {
        guard let entry = fields.entry("extra") else { return nil }
        guard entry.value.mapping != nil else {
            diagnostics.append(.error("`extra` must be a map of names and values for the templates, such as `extra: {regio: Utrecht}`",
                                      file: fields.file, line: entry.line, column: entry.column))
            return nil
        }
        var deepest: Node?
        let value = convert(entry.value, depth: 1, deepest: &deepest)
        if let deepest {
            diagnostics.append(.error(
                "`extra` nests deeper than the \(ExtraValue.maximumDepth) levels a template can use; flatten it",
                file: fields.file, line: fields.fileLine(of: deepest), column: deepest.mark?.column ?? 1))
            return nil
        }
        return value
    }

    /// The node as a typed value; `deepest` is set at the first node past `maximumDepth`.
    private static func convert(_ node: Node, depth: Int, deepest: inout Node?) -> ExtraValue {
        guard depth <= ExtraValue.maximumDepth else {
            if deepest == nil { deepest = node }
            return .text("")
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, let flag = Bool.construct(from: scalar) { return .bool(flag) }
            return .text(scalar.string)
        case .sequence(let sequence):
            var items: [ExtraValue] = []
            for item in sequence {
                items.append(convert(item, depth: depth + 1, deepest: &deepest))
                if deepest != nil { break }
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [(key: String, value: ExtraValue)] = []
            for (key, value) in mapping {
                entries.append((key.string ?? "", convert(value, depth: depth + 1, deepest: &deepest)))
                if deepest != nil { break }
            }
            return .map(entries)
        case .alias:
            return .text("")
        }
    }
}
