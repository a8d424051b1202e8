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
            let position = Self.position(of: node)
            return LinkReference(index: index, kind: kind, destination: url, line: position.line, column: position.column)
        }
    }

    /// Replaces the destination of the link at `index` (as numbered by `links()`).
    public func setDestination(_ destination: String, ofLinkAt index: Int) {
        let nodes = linkNodes()
        guard nodes.indices.contains(index) else { return }
        cmark_node_set_url(nodes[index], destination)
    }

    /// Replaces several destinations in one walk of the tree.
    public func setDestinations(_ destinations: [Int: String]) {
        guard !destinations.isEmpty else { return }
        for (index, node) in linkNodes().enumerated() {
            if let destination = destinations[index] { cmark_node_set_url(node, destination) }
        }
    }

    /// Replaces the links at `indices` (as numbered by `links()`) by their text, for output in
    /// which their targets cannot be reached.
    public func unwrapLinks(_ indices: Set<Int>) {
        guard !indices.isEmpty else { return }
        for (index, node) in linkNodes().enumerated() where indices.contains(index) {
            guard cmark_node_get_type(node) == CMARK_NODE_LINK else { continue }
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    package func linkNodes() -> [OpaquePointer] {
        nodes().filter {
            let type = cmark_node_get_type($0)
            return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
        }
    }
}
