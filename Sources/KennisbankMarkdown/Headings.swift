import CCmark
import Foundation
import Basics

/// A heading of a document after its anchor id has been assigned.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// The anchor id written into the HTML (`<h2 id="...">`), unique within the document.
    public var id: String
    /// 1-based line in the Markdown text given to the parser.
    public var line: Int
    /// 1-based column of its first `#` (1 when it is not indented).
    public var column: Int = 1
    /// Whether it is a child of the document itself (not inside a quote or list).
    public var isTopLevel = true
    /// Whether it is underlined (`---` or `===` below its text) rather than written with `#`.
    public var isUnderlined = false
}

extension MarkdownDocument {
    /// Removes the document's first top-level level-1 heading and returns its text,
    /// for pages whose title comes from the body rather than from front matter.
    public func takeTitleHeading() -> (text: String, line: Int)? {
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                let text = Self.plainText(of: node)
                let line = Self.position(of: node).line
                cmark_node_unlink(node)
                cmark_node_free(node)
                return (text, line)
            }
            child = cmark_node_next(node)
        }
        return nil
    }

    /// How many headings the document has, and the line of the first one after the first
    /// `limit` (nil when there are at most `limit`).
    public func countHeadings(limit: Int) -> (count: Int, lineAfterLimit: Int?) {
        var count = 0
        var line: Int?
        for node in nodes() where cmark_node_get_type(node) == CMARK_NODE_HEADING {
            count += 1
            if count == limit + 1 { line = Self.position(of: node).line }
        }
        return (count, line)
    }

    /// Gives every heading a stable `id` derived from its text (`Slug.make`), made unique within
    /// the document with `-2`, `-3` suffixes, and returns the headings in document order.
    ///
    /// cmark has no attribute API, so each heading is replaced by a custom block whose
    /// enter/exit strings are the `<hN id="...">` tags. Its inline children move over unchanged,
    /// so their text stays escaped by cmark. Only `[a-z0-9-]` ids go into the raw strings.
    /// `reserved` ids (used by the page template) are never given to a heading. `preferredID`
    /// may propose another base id for a heading (level and text), such as `p1-05` for an
    /// indicator heading `P1.05 ...`.
    @discardableResult
    public func assignHeadingAnchors(reserved: Set<String> = [],
                                     preferredID: ((Int, String) -> String?)? = nil) -> [Heading] {
        let headingNodes = nodes().filter { cmark_node_get_type($0) == CMARK_NODE_HEADING }
        var ids = UniqueIDs(reserved: reserved)
        var headings: [Heading] = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node)
            let proposed = preferredID?(level, text) ?? Slug.make(text)
            let id = ids.claim(proposed.isEmpty ? "kop" : proposed)
            let line = Self.position(of: node).line
            headings.append(Heading(level: level, text: text, id: id, line: line,
                                    column: max(1, Int(cmark_node_get_start_column(node))),
                                    isTopLevel: cmark_node_parent(node) == root,
                                    isUnderlined: cmark_node_get_end_line(node) > cmark_node_get_start_line(node)))

            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            Self.setTags(of: block, level: level, id: id)
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
            headingPositions[block] = headingBlocks.count
            headingBlocks.append(block)
            headingTags.append((level, id))
        }
        return headings
    }

    /// Writes the heading tags again with `idPrefix` before every id and every level moved
    /// down by `levelShift` (at most to 6), for rendering the document inside a larger one
    /// (the book); `("", 0)` restores them. Used through `RenderLinks`.
    package func setHeadingTags(idPrefix: String, levelShift: Int) {
        precondition(idPrefix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") },
                     "heading id prefixes are written into raw HTML and may hold only ASCII letters, digits and hyphens")
        for (block, tag) in zip(headingBlocks, headingTags) {
            Self.setTags(of: block, level: min(6, tag.level + levelShift), id: idPrefix + tag.id)
        }
    }

    /// Keeps top-level headings in the text of the heading before them: the document is no longer
    /// cut at them (`renderSegments`, `plainText(afterHeading:)`, `takeLabelledParagraphs`) and
    /// they render as plain `<hN>` inside it, without an id. Used for headings that are text
    /// by a file format's rules, such as an underlined heading in an assessment's reflection.
    public func keepInText(headings indexes: [Int]) {
        for index in indexes where headingBlocks.indices.contains(index) {
            let block = headingBlocks[index]
            headingPositions[block] = nil
            let level = headingTags[index].level
            cmark_node_set_on_enter(block, "<h\(level)>")
            cmark_node_set_on_exit(block, "</h\(level)>")
        }
    }

    private static func setTags(of block: OpaquePointer, level: Int, id: String) {
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
    }
}
