import CCmark
import Foundation

extension MarkdownDocument {
    /// A warning for each block whose raw HTML the site leaves out (cmark's safe mode, when the
    /// site config does not allow raw HTML): every HTML block, and the first raw HTML inside each
    /// paragraph or heading. Comments are not counted (they are never shown anyway), nor the
    /// `<name ...>` of a Hugo shortcode (`ForeignSyntax` warns about that one).
    public func droppedRawHTML() -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        var warnedBlocks = Set<OpaquePointer>()
        for node in nodes() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else { continue }
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if literal.hasPrefix("<!--") { continue }
            if type == CMARK_NODE_HTML_INLINE {
                if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT,
                   let text = cmark_node_get_literal(previous), String(cString: text).hasSuffix("{{") { continue }
                var block = cmark_node_parent(node)
                while let current = block, cmark_node_get_type(current) != CMARK_NODE_PARAGRAPH, cmark_node_get_type(current) != CMARK_NODE_HEADING {
                    block = cmark_node_parent(current)
                }
                if let block, !warnedBlocks.insert(block).inserted { continue }
            }
            let position = Self.position(of: node)
            problems.append(MarkdownProblem(.warning, "raw HTML is left out of the page, because the site config does not allow it "
                + "(`raw_html` is off); write this in Markdown instead, or set `raw_html: true` in the site config if everyone who "
                + "writes the content is trusted", line: position.line, column: position.column))
        }
        return problems
    }
}
