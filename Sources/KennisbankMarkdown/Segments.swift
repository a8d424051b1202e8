import CCmark
import Foundation
import Basics

/// A paragraph that starts with a bold label such as `**Partijen:**`, taken out of the text
/// because it holds data rather than prose.
public struct LabelledParagraph: Sendable, Hashable {
    /// The label without its colon, such as `Partijen`.
    public var label: String
    /// The plain text after the label.
    public var text: String
    /// The links in the paragraph, with their text.
    public var links: [LabelledLink]
    /// 1-based line in the Markdown given to the parser.
    public var line: Int
    /// Index (in `assignHeadingAnchors` order) of the heading the paragraph follows; nil before the first.
    public var headingIndex: Int?
}

/// A link inside a labelled paragraph.
public struct LabelledLink: Sendable, Hashable {
    public var text: String
    public var destination: String
    public var line: Int
    public var column: Int
}

/// The rendered HTML of a document cut at its top-level headings.
public struct Segments: Sendable {
    /// What comes before the first heading.
    public var preamble: String
    /// For each heading (in `assignHeadingAnchors` order) the HTML of the blocks that follow it up
    /// to the next heading; "" for headings nested in lists or quotes.
    public var afterHeading: [String]
}

extension MarkdownDocument {
    /// Takes top-level paragraphs, and items of top-level lists, that start with `**Label:**`
    /// (for a label in `labels`) out of the document and returns them. A list left empty is
    /// removed too. Call after `assignHeadingAnchors`. With `lines`, only those that start on
    /// one of these (1-based) lines are taken.
    public func takeLabelledParagraphs(labels: Set<String>, lines: Set<Int>? = nil) -> [LabelledParagraph] {
        var result: [LabelledParagraph] = []
        var headingIndex: Int?
        var child = cmark_node_first_child(root)
        while let node = child {
            child = cmark_node_next(node)
            if let index = headingPositions[node] {
                headingIndex = index
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                if let labelled = labelled(node, labels: labels, lines: lines, headingIndex: headingIndex) {
                    result.append(labelled)
                    cmark_node_unlink(node)
                    cmark_node_free(node)
                }
            case CMARK_NODE_LIST:
                var item = cmark_node_first_child(node)
                while let current = item {
                    item = cmark_node_next(current)
                    guard let paragraph = cmark_node_first_child(current),
                          let labelled = labelled(paragraph, labels: labels, lines: lines, headingIndex: headingIndex) else { continue }
                    result.append(labelled)
                    cmark_node_unlink(current)
                    cmark_node_free(current)
                }
                if cmark_node_first_child(node) == nil {
                    cmark_node_unlink(node)
                    cmark_node_free(node)
                }
            default:
                break
            }
        }
        return result
    }

    /// The label, text and links of a paragraph that starts with `**Label:**`.
    private func labelled(_ node: OpaquePointer, labels: Set<String>, lines: Set<Int>?, headingIndex: Int?) -> LabelledParagraph? {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
              lines.map({ $0.contains(Self.position(of: node).line) }) ?? true,
              let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_STRONG else { return nil }
        let labelText = Self.plainText(of: first)
        guard labelText.hasSuffix(":") else { return nil }
        let label = labelText.dropLast().trimmed()
        guard labels.contains(label) else { return nil }
        let links = nodes(under: node).filter { cmark_node_get_type($0) == CMARK_NODE_LINK }.map { link in
            let position = Self.position(of: link)
            return LabelledLink(text: Self.plainText(of: link),
                                destination: cmark_node_get_url(link).map { String(cString: $0) } ?? "",
                                line: position.line, column: position.column)
        }
        let whole = Self.plainText(of: node)
        let text = whole.hasPrefix(labelText) ? String(whole.dropFirst(labelText.count)) : whole
        return LabelledParagraph(label: label, text: text.trimmed(), links: links,
                                 line: Self.position(of: node).line, headingIndex: headingIndex)
    }

    /// The plain text of the top-level blocks after heading `index` (up to the next heading),
    /// one block per paragraph.
    public func plainText(afterHeading index: Int) -> String {
        guard headingBlocks.indices.contains(index) else { return "" }
        var parts: [String] = []
        var child = cmark_node_next(headingBlocks[index])
        while let node = child, headingPositions[node] == nil {
            let text = Self.plainText(of: node)
            if !text.isEmpty { parts.append(text) }
            child = cmark_node_next(node)
        }
        return parts.joined(separator: "\n\n")
    }

    /// Whether the top-level blocks after heading `index` (up to the next heading) hold any text.
    public func hasContent(afterHeading index: Int) -> Bool {
        guard headingBlocks.indices.contains(index) else { return false }
        var child = cmark_node_next(headingBlocks[index])
        while let node = child, headingPositions[node] == nil {
            if Self.hasText(node) { return true }
            child = cmark_node_next(node)
        }
        return false
    }

    /// Renders the document cut into the part before the first heading and the parts after
    /// each top-level heading. The document is left as it was, so it can be rendered again.
    public func renderSegments(allowRawHTML: Bool = false) -> Segments {
        var preamble = ""
        var afterHeading = [String](repeating: "", count: headingBlocks.count)
        var current: Int?
        var run: [OpaquePointer] = []
        var children: [OpaquePointer] = []
        func flush() {
            let html = render(run, allowRawHTML: allowRawHTML)
            if let current { afterHeading[current] = html } else { preamble = html }
            run.removeAll()
        }
        var child = cmark_node_first_child(root)
        while let node = child {
            children.append(node)
            child = cmark_node_next(node)
        }
        for node in children {
            if let index = headingPositions[node] {
                flush()
                current = index
            } else {
                run.append(node)
            }
        }
        flush()
        // Put every block back, in its old order (appending moves a node from where it is).
        for node in children { cmark_node_append_child(root, node) }
        return Segments(preamble: preamble, afterHeading: afterHeading)
    }

    /// Renders sibling blocks by moving them into a document of their own; the caller puts
    /// them back (the temporary document is freed without them).
    private func render(_ blocks: [OpaquePointer], allowRawHTML: Bool) -> String {
        guard !blocks.isEmpty, let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer {
            for block in blocks { cmark_node_unlink(block) }
            cmark_node_free(document)
        }
        for block in blocks { cmark_node_append_child(document, block) }
        var options = CMARK_OPT_DEFAULT
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(document, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
