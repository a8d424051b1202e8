/// The rows of a GFM pipe table read from the source bytes of one line, as github/cmark-gfm's
/// table extension reads them (its `row_from_string` and scanners): cells between `|`, leading
/// and trailing pipes optional, `\|` an escaped pipe (also inside code spans), cells trimmed.
/// Works on bytes: `CMARK_OPT_SMART` has already rewritten the text nodes (`--` into a dash).
package enum TableRows {
    /// The alignment of a column, from the colons of its delimiter cell.
    package enum Alignment: Sendable, Equatable {
        case none, left, center, right

        /// The class written on the column's cells (`align-left` ...); nil for none.
        var className: String? {
            switch self {
            case .none: nil
            case .left: "align-left"
            case .center: "align-center"
            case .right: "align-right"
            }
        }
    }

    /// One cell: the byte range of its trimmed content in the line's buffer.
    package struct Cell: Sendable, Equatable {
        package var start: Int
        package var end: Int
    }

    /// GFM's white space inside a row: space, tab, vertical tab, form feed.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or nil when `bytes[start..<end]`
    /// (one line without its line end) is not one: cells of one or more `-` with optional colons
    /// at either end, separated by `|`.
    package static func delimiterRow(_ bytes: [UInt8], from start: Int, to end: Int) -> [Alignment]? {
        var index = start
        var alignments: [Alignment] = []
        if index < end, bytes[index] == UInt8(ascii: "|") { index += 1 }
        while true {
            while index < end, isSpace(bytes[index]) { index += 1 }
            if index == end { return alignments.isEmpty ? nil : alignments }
            let left = bytes[index] == UInt8(ascii: ":")
            if left { index += 1 }
            let dashes = index
            while index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index == dashes { return nil }
            let right = index < end && bytes[index] == UInt8(ascii: ":")
            if right { index += 1 }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
            while index < end, isSpace(bytes[index]) { index += 1 }
            if index == end { return alignments }
            guard bytes[index] == UInt8(ascii: "|") else { return nil }
            index += 1
        }
    }

    /// The cells of a header or body row in `bytes[start..<end]` (one line without its line
    /// end). Every line has at least one cell unless it holds only a pipe and white space.
    package static func cells(_ bytes: [UInt8], from start: Int, to end: Int) -> [Cell] {
        var cells: [Cell] = []
        var index = start
        // The optional leading pipe and the white space after it.
        if index < end, bytes[index] == UInt8(ascii: "|") {
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
        }
        while index < end {
            let cellStart = index
            while index < end, bytes[index] != UInt8(ascii: "|") {
                index += bytes[index] == UInt8(ascii: "\\") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "|") ? 2 : 1
            }
            let cellEnd = index
            let piped = index < end
            if piped {
                index += 1
                while index < end, isSpace(bytes[index]) { index += 1 }
            }
            var first = cellStart
            var last = cellEnd
            while first < last, isTrimmed(bytes[first]) { first += 1 }
            while last > first, isTrimmed(bytes[last - 1]) { last -= 1 }
            cells.append(Cell(start: first, end: last))
        }
        return cells
    }

    /// cmark's `cmark_strbuf_trim`: ASCII white space, line ends included.
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == 0x0A || byte == 0x0D
    }

    /// The cell's bytes with the backslash of each `\|` removed, as cmark-gfm hands a cell to
    /// its inline parser, and the offsets (in the result) before which a backslash was removed.
    package static func unescapedPipes(_ bytes: [UInt8], from start: Int, to end: Int) -> (bytes: [UInt8], removed: [Int]) {
        var result: [UInt8] = []
        result.reserveCapacity(end - start)
        var removed: [Int] = []
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "|") {
                removed.append(result.count)
                index += 1
            }
            result.append(bytes[index])
            index += 1
        }
        return (result, removed)
    }
}
