import CCmark
import Foundation

/// Syntax of other site generators that Markdown shows as plain text: MkDocs admonitions
/// (`!!! note`, `??? note`), Docusaurus admonitions (`:::note`), Hugo shortcodes (`{{< ... >}}`,
/// `{{% ... %}}`) and MDX `import` and `export` lines. Each gets a warning that gives the callout
/// to write instead. Recognised from the tree: a paragraph whose text starts so, as typed.
enum ForeignSyntax {
    static func notices(_ texts: TextNodes, in document: MarkdownDocument) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        for node in document.nodes() {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                guard let first = cmark_node_first_child(node), let text = texts.source(of: first), text.startsLine else { continue }
                let position = MarkdownDocument.position(of: node)
                let isTopLevel = cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT
                if let message = paragraphNotice(text, isTopLevel: isTopLevel) {
                    problems.append(MarkdownProblem(.warning, message, line: position.line, column: position.column))
                }
            case CMARK_NODE_TEXT:
                problems += shortcodes(node, texts: texts)
            default:
                break
            }
        }
        return problems
    }

    /// How to write a note or a warning on this site, for the end of each message.
    static let calloutHint = "`> [!NOTE]` on the first line of a quote and its text on the next lines (`> ...`)"

    private static func paragraphNotice(_ text: TextSource, isTopLevel: Bool) -> String? {
        let literal = text.literal
        func startsWith(_ prefix: String) -> Bool {
            let bytes = Array(prefix.utf8)
            return literal.count >= bytes.count && Array(literal[0..<bytes.count]) == bytes && text.plain[0..<bytes.count].allSatisfy { $0 }
        }
        func word(from start: Int) -> String {
            var end = start
            while end < literal.count, TextSource.isASCIIAlphanumeric(literal[end]) || literal[end] == 0x2D || literal[end] == 0x5F { end += 1 }
            return String(decoding: literal[start..<end], as: UTF8.self)
        }
        for marker in ["!!!", "???+", "???"] where startsWith(marker + " ") {
            let kind = word(from: marker.count + 1)
            guard !kind.isEmpty else { continue }
            let collapsible = marker.hasPrefix("?") ? "a collapsible MkDocs admonition" : "an MkDocs admonition"
            return "`\(marker) \(kind)` is \(collapsible), which this site shows as plain text; write a callout instead: "
                + "`> \(callout(forMkDocs: kind.lowercased()).marker)` on the first line of a quote and its text on the next lines (`> ...`)"
        }
        if startsWith(":::") {
            let kind = word(from: 3)
            guard !kind.isEmpty else { return nil }
            return "`:::\(kind)` is a Docusaurus admonition, which this site shows as plain text; write a callout instead: "
                + "`> \(callout(forDocusaurus: kind.lowercased()).marker)` on the first line of a quote and its text on the next lines (`> ...`), "
                + "without the closing `:::`"
        }
        guard isTopLevel else { return nil }
        let line = String(decoding: literal, as: UTF8.self)
        let isImport = startsWith("import ") && (line.contains(" from ") || ["'", "\"", "‘", "“", "{", "*"].contains { line.dropFirst(7).hasPrefix($0) })
        let isExport = startsWith("export ") && (["const", "let", "var", "function", "default", "class", "async"].contains(word(from: 7))
            || ["{", "*"].contains { line.dropFirst(7).hasPrefix($0) })
        guard isImport || isExport else { return nil }
        let keyword = isImport ? "import" : "export"
        return "this `\(keyword)` line is MDX, which this site shows as plain text; remove it, as pages here are Markdown without "
            + "MDX components (for a note or warning, write a callout: \(calloutHint))"
    }

    /// The callout for an MkDocs admonition type (Material for MkDocs' list of types).
    private static func callout(forMkDocs type: String) -> CalloutKind {
        switch type {
        case "tip", "hint", "success", "check", "done", "question", "help", "faq", "example": .tip
        case "important": .important
        case "warning", "caution", "attention": .warning
        case "danger", "error", "failure", "fail", "missing", "bug": .caution
        default: .note
        }
    }

    /// The callout for a Docusaurus admonition type.
    private static func callout(forDocusaurus type: String) -> CalloutKind {
        switch type {
        case "tip": .tip
        case "important": .important
        case "warning", "caution": .warning
        case "danger": .caution
        default: .note
        }
    }

    /// The Hugo shortcodes that open in a text node (`{{<` or `{{%`, or `{{` before raw HTML that
    /// is a shortcode's `<name ...>`); closing ones (`{{< /name >}}`) are not counted again.
    private static func shortcodes(_ node: OpaquePointer, texts: TextNodes) -> [MarkdownProblem] {
        guard let text = texts.source(of: node), text.literal.count >= 2 else { return [] }
        let literal = text.literal
        let position = MarkdownDocument.position(of: node)
        var problems: [MarkdownProblem] = []
        var index = 0
        while index + 1 < literal.count {
            guard literal[index] == 0x7B, literal[index + 1] == 0x7B, text.plain[index], text.plain[index + 1] else {
                index += 1
                continue
            }
            var delimiter: UInt8?
            var nameStart = index + 3
            if index + 2 < literal.count, literal[index + 2] == 0x3C || literal[index + 2] == 0x25 {
                delimiter = literal[index + 2]
            } else if index + 2 == literal.count, let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_HTML_INLINE,
                      let html = cmark_node_get_literal(next) {
                // `{{<name ...>}}`: cmark read `<name ...>` as raw HTML.
                let tag = Array(String(cString: html).utf8)
                if tag.count > 1, tag[1] != 0x2F { problems.append(problem(name: nameIn(tag, from: 1), delimiter: 0x3C, text: text, index: index, position: position)) }
                break
            }
            guard let delimiter else {
                index += 2
                continue
            }
            while nameStart < literal.count, literal[nameStart] == 0x20 { nameStart += 1 }
            if nameStart < literal.count, literal[nameStart] != 0x2F {
                problems.append(problem(name: nameIn(literal, from: nameStart), delimiter: delimiter, text: text, index: index, position: position))
            }
            index += 3
        }
        return problems
    }

    private static func nameIn(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, TextSource.isASCIIAlphanumeric(bytes[end]) || bytes[end] == 0x2D || bytes[end] == 0x5F || bytes[end] == 0x2F { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func problem(name: String, delimiter: UInt8, text: TextSource, index: Int, position: (line: Int, column: Int)) -> MarkdownProblem {
        let (open, close) = delimiter == 0x25 ? ("{{%", "%}}") : ("{{<", ">}}")
        let shown = name.isEmpty ? "\(open) ... \(close)" : "\(open) \(name) \(close)"
        let column = position.column + ((text.sourceOffset(index) ?? 0) - (text.sourceOffset(0) ?? 0))
        return MarkdownProblem(.warning, "`\(shown)` is a Hugo shortcode, which this site shows as plain text; write its content in Markdown "
            + "instead (for a note or warning, a callout: \(calloutHint))", line: position.line, column: column)
    }
}
