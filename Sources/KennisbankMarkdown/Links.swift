import CCmark
import Foundation
import Basics

/// A link or image destination as written in the Markdown source.
public struct LinkReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case link, image }
    /// Position in `MarkdownDocument.linkNodes()`; pass it back to `setDestination`.
    public var index: Int
    public var kind: Kind
    public var destination: String
    public var line: Int
    public var column: Int
}

extension MarkdownDocument {
    /// Every link and image of the document, in document order.
    public func links() -> [LinkReference] {
        linkNodes().enumerated().map { index, node in
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let kind: LinkReference.Kind = cmark_node_get_type(node) == CMARK_NODE_IMAGE ? .image : .link
            let position = madePositions[node] ?? sourcePosition(of: node)
            return LinkReference(index: index, kind: kind, destination: url, line: position.line, column: position.column)
        }
    }

    package func linkNodes() -> [OpaquePointer] {
        nodes().filter {
            let type = cmark_node_get_type($0)
            return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
        }
    }
}
