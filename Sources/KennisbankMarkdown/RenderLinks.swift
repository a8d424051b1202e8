import CCmark
import Foundation

/// How one rendering of a document writes its links and headings: the site, the book and a
/// self-contained page each write them differently. The document itself keeps what was read;
/// every rendering says all it changes, and everything is put back after it, so no rendering
/// depends on another having run before it.
public struct RenderLinks: Sendable, Equatable {
    /// New destinations by link index (as numbered by `links()`); the others stay as written.
    public var destinations: [Int: String]
    /// Links shown as their text alone (their targets cannot be reached from the output).
    public var unwrapped: Set<Int>
    /// Written before every heading id, and added to every heading level (at most 6), for a
    /// document shown inside a larger one (the book).
    public var headingIDPrefix: String
    public var headingLevelShift: Int
    /// The site's word for a table, which names each table's scrolling region.
    public var tableLabel: String

    public init(destinations: [Int: String] = [:], unwrapped: Set<Int> = [], headingIDPrefix: String = "",
                headingLevelShift: Int = 0, tableLabel: String = "Table") {
        self.tableLabel = tableLabel
        self.destinations = destinations
        self.unwrapped = unwrapped
        self.headingIDPrefix = headingIDPrefix
        self.headingLevelShift = headingLevelShift
    }
}

extension MarkdownDocument {
    /// Renders the document to HTML with its links and headings written as `links` says.
    public func renderHTML(allowRawHTML: Bool = false, links: RenderLinks) -> String {
        withLinks(links) { renderHTML(allowRawHTML: allowRawHTML) }
    }

    /// `renderSegments` with the links and headings written as `links` says.
    public func renderSegments(allowRawHTML: Bool = false, links: RenderLinks) -> Segments {
        withLinks(links) { renderSegments(allowRawHTML: allowRawHTML) }
    }

    private func withLinks<Result>(_ links: RenderLinks, _ render: () -> Result) -> Result {
        setTableLabels(links.tableLabel)
        let nodes = links.destinations.isEmpty && links.unwrapped.isEmpty ? [] : linkNodes()
        var written: [(OpaquePointer, String)] = []
        for (index, destination) in links.destinations where nodes.indices.contains(index) {
            let node = nodes[index]
            written.append((node, cmark_node_get_url(node).map { String(cString: $0) } ?? ""))
            cmark_node_set_url(node, destination)
        }
        // An unwrapped link's text moves into an inline that renders nothing of its own.
        var wrappers: [(link: OpaquePointer, text: OpaquePointer)] = []
        for index in links.unwrapped.sorted() where nodes.indices.contains(index) {
            let link = nodes[index]
            guard cmark_node_get_type(link) == CMARK_NODE_LINK, let text = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            while let child = cmark_node_first_child(link) { cmark_node_append_child(text, child) }
            cmark_node_replace(link, text)
            wrappers.append((link, text))
        }
        let shiftsHeadings = !links.headingIDPrefix.isEmpty || links.headingLevelShift != 0
        if shiftsHeadings { setHeadingTags(idPrefix: links.headingIDPrefix, levelShift: links.headingLevelShift) }
        defer {
            if shiftsHeadings { setHeadingTags(idPrefix: "", levelShift: 0) }
            for (link, text) in wrappers.reversed() {
                while let child = cmark_node_first_child(text) { cmark_node_append_child(link, child) }
                cmark_node_replace(text, link)
                cmark_node_free(text)
            }
            for (node, url) in written { cmark_node_set_url(node, url) }
        }
        return render()
    }
}
