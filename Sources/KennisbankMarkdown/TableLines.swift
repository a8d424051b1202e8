import CCmark

/// The lines of a paragraph's source as a block extension needs them: where each line starts in
/// `MarkdownDocument.source`, and where its content starts after the markers of the block quotes
/// and list items the paragraph is in (cmark keeps no such offsets for continuation lines).
package struct SourceLines {
    /// Byte offset of the start of each line; line `n` (1-based) starts at `starts[n - 1]`.
    private var starts: [Int] = [0]
    let bytes: [UInt8]

    /// Splits `bytes` at line ends as cmark does: `\n`, `\r\n` and a lone `\r`.
    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                starts.append(index)
            } else if byte == 0x0D {
                if index < count, bytes[index] == 0x0A { index += 1 }
                starts.append(index)
            }
        }
    }

    /// How many lines the text has (a text that ends with a line end has an empty last line).
    package var count: Int { starts.count }

    /// The byte range of line `line` without its line end (empty past the end of the text).
    package func range(of line: Int) -> (start: Int, end: Int) {
        guard line >= 1, line <= starts.count else { return (bytes.count, bytes.count) }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return (start, end)
    }

    /// A container a paragraph's continuation lines must carry the marker of.
    package enum Container {
        case quote
        /// A list item, whose lines are indented to its content (a visual column, 0-based).
        case item(contentColumn: Int)
    }

    /// The containers of `node`, outermost first.
    package func containers(of node: OpaquePointer) -> [Container] {
        var result: [Container] = []
        var current = cmark_node_parent(node)
        while let container = current {
            switch cmark_node_get_type(container) {
            case CMARK_NODE_BLOCK_QUOTE: result.append(.quote)
            case CMARK_NODE_ITEM: result.append(.item(contentColumn: contentColumn(ofItem: container)))
            default: break
            }
            current = cmark_node_parent(container)
        }
        return result.reversed()
    }

    /// Where the content of line `line` starts (its first character that is not white space)
    /// after the markers of `containers`, and whether every container's marker was there; a
    /// line without them is a lazy continuation line.
    package func content(of line: Int, in containers: [Container]) -> (start: Int, end: Int, lazy: Bool) {
        let (start, end) = range(of: line)
        var index = start
        var column = 0
        func advance() {
            column = bytes[index] == 0x09 ? column + 4 - column % 4 : column + 1
            index += 1
        }
        var lazy = false
        for container in containers {
            switch container {
            case .quote:
                let limit = column + 3
                while index < end, bytes[index] == 0x20 || bytes[index] == 0x09, column < limit { advance() }
                guard index < end, bytes[index] == UInt8(ascii: ">") else { lazy = true; break }
                advance()
                if index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { advance() }
            case .item(let contentColumn):
                while index < end, column < contentColumn, bytes[index] == 0x20 || bytes[index] == 0x09 { advance() }
                if column < contentColumn { lazy = true }
            }
            if lazy { break }
        }
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return (index, end, lazy)
    }

    /// The visual column of a list item's content: after its marker and the spaces after it (one
    /// when there are five or more, or nothing else on the line), as CommonMark defines it.
    private func contentColumn(ofItem item: OpaquePointer) -> Int {
        let (start, end) = range(of: Int(cmark_node_get_start_line(item)))
        let markerStart = min(end, start + max(0, Int(cmark_node_get_start_column(item)) - 1))
        var column = 0
        var index = start
        while index < markerStart {
            column = bytes[index] == 0x09 ? column + 4 - column % 4 : column + 1
            index += 1
        }
        // The marker: a bullet, or up to nine digits and `.` or `)`.
        if index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1; column += 1 }
        }
        if index < end { index += 1; column += 1 }
        let afterMarker = column
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 {
            column = bytes[index] == 0x09 ? column + 4 - column % 4 : column + 1
            index += 1
        }
        if index == end || column - afterMarker >= 5 { return afterMarker + 1 }
        return column
    }
}
