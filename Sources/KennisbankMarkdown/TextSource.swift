import CCmark
import Foundation

/// Where the bytes of a text node's literal came from in the Markdown source.
///
/// cmark has already turned `\~` into `~`, `&amp;` into `&` and, with smart punctuation,
/// `--` into an en dash, so the literal alone cannot tell a delimiter from an escaped character,
/// nor give a URL as it was typed. This aligns the literal with the source bytes at the node's
/// position, unit by unit (a plain byte, a backslash escape, an entity, a smart dash, quote or
/// ellipsis). When the position cannot be aligned (cmark counts a tab in an indentation as up
/// to four columns), the literal stands in for its own source: nothing is escaped then.
struct TextSource {
    /// The bytes the offsets below point into: the document's source, or the literal itself.
    let bytes: [UInt8]
    let literal: [UInt8]
    /// For each literal index (and `literal.count`, the end), the source offset where its unit
    /// starts; -1 inside a unit of several literal bytes.
    let offsets: [Int]
    /// Whether literal byte `index` was copied as it is from the source (not an escape, entity
    /// or smart punctuation).
    let plain: [Bool]
    /// Whether the text starts or ends a line of its block (what is before or after it in the
    /// source, such as `> ` or indentation, is then not part of the text's surroundings).
    var startsLine: Bool
    var endsLine: Bool
    /// The line and column of the text's first byte (1-based, as cmark counts them).
    var line: Int
    var column: Int

    /// The line and column of literal index `index` (a unit boundary).
    func position(_ index: Int) -> (line: Int, column: Int) {
        (line, column + ((sourceOffset(index) ?? offsets[0]) - offsets[0]))
    }

    /// The source offset where the unit of literal index `index` starts, nil inside a unit.
    func sourceOffset(_ index: Int) -> Int? {
        let offset = offsets[index]
        return offset < 0 ? nil : offset
    }

    /// The part of the text from literal index `from` to `to` (both unit boundaries).
    func slice(_ from: Int, _ to: Int) -> TextSource {
        TextSource(bytes: bytes, literal: Array(literal[from..<to]), offsets: Array(offsets[from...to]),
                   plain: Array(plain[from..<to]), startsLine: startsLine && from == 0, endsLine: endsLine && to == literal.count,
                   line: line, column: position(from).column)
    }

    /// The code point before source offset `offset`, or nil at the start of a line of the text.
    func scalar(before offset: Int, atTextStart: Bool) -> Unicode.Scalar? {
        if atTextStart && startsLine { return nil }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 && offset - start < 4 { start -= 1 }
        guard start >= 0 else { return nil }
        return Self.decode(bytes, at: start)
    }

    /// The code point at source offset `offset`, or nil at the end of a line of the text.
    func scalar(at offset: Int, atTextEnd: Bool) -> Unicode.Scalar? {
        if atTextEnd && endsLine { return nil }
        guard offset < bytes.count else { return nil }
        return Self.decode(bytes, at: offset)
    }

    static func decode(_ bytes: [UInt8], at offset: Int) -> Unicode.Scalar? {
        let end = min(bytes.count, offset + 4)
        var iterator = bytes[offset..<end].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Aligns `literal` with `source` from `start`; nil when they do not line up.
    static func align(_ literal: [UInt8], source: [UInt8], start: Int) -> (offsets: [Int], plain: [Bool])? {
        var offsets = [Int](repeating: -1, count: literal.count + 1)
        var plain = [Bool](repeating: false, count: literal.count)
        var i = start, j = 0
        func literalStarts(with bytes: [UInt8]) -> Bool {
            j + bytes.count <= literal.count && Array(literal[j..<(j + bytes.count)]) == bytes
        }
        while j < literal.count {
            guard i < source.count else { return nil }
            let byte = source[i]
            offsets[j] = i
            if byte == 0x5C, i + 1 < source.count, isASCIIPunctuation(source[i + 1]), literal[j] == source[i + 1] {
                i += 2
                j += 1
                continue
            }
            if byte == 0x26, let (length, decoded) = entity(in: source, at: i), literalStarts(with: decoded) {
                i += length
                j += decoded.count
                continue
            }
            if byte == literal[j] {
                plain[j] = true
                i += 1
                j += 1
                continue
            }
            // Smart punctuation: a straight quote, a run of hyphens or three dots became one
            // typographic character of three bytes.
            guard literal[j] == 0xE2, j + 2 < literal.count, literal[j + 1] == 0x80 else { return nil }
            switch (byte, literal[j + 2]) {
            case (0x22, 0x9C), (0x22, 0x9D), (0x27, 0x98), (0x27, 0x99): i += 1
            case (0x2D, 0x93) where i + 1 < source.count && source[i + 1] == 0x2D: i += 2
            case (0x2D, 0x94) where i + 2 < source.count && source[i + 1] == 0x2D && source[i + 2] == 0x2D: i += 3
            case (0x2E, 0xA6) where i + 2 < source.count && source[i + 1] == 0x2E && source[i + 2] == 0x2E: i += 3
            default: return nil
            }
            j += 3
        }
        offsets[literal.count] = i
        return (offsets, plain)
    }

    /// An entity or numeric character reference at `offset` (`&amp;`, `&#126;`), with its length
    /// in the source and the bytes cmark makes of it (cmark itself decodes it, so the table is
    /// cmark's). Nil when there is none.
    static func entity(in source: [UInt8], at offset: Int) -> (Int, [UInt8])? {
        var end = offset + 1
        while end < source.count, end - offset <= 33, source[end] == 0x23 || isASCIIAlphanumeric(source[end]) { end += 1 }
        guard end < source.count, source[end] == 0x3B, end > offset + 1 else { return nil }
        let reference = Array(source[offset...end])
        let decoded: [UInt8]? = reference.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                guard let document = cmark_parse_document(pointer, buffer.count, CMARK_OPT_DEFAULT) else { return nil }
                defer { cmark_node_free(document) }
                guard let paragraph = cmark_node_first_child(document), let text = cmark_node_first_child(paragraph),
                      let literal = cmark_node_get_literal(text) else { return nil }
                return Array(String(cString: literal).utf8)
            }
        }
        guard let decoded, decoded != reference else { return nil }
        return (reference.count, decoded)
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isASCIIAlpha(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Whitespace as cmark's inline parser counts it.
    static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        switch scalar.value {
        case 9, 10, 12, 13, 32, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Punctuation as cmark's inline parser counts it: ASCII punctuation and Unicode's P categories.
    static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return isASCIIPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}

/// The text nodes of a document with their sources, kept up to date while extensions split them.
struct TextNodes {
    private(set) var sources: [OpaquePointer: TextSource] = [:]
    private let lines: SourceLines
    private let source: [UInt8]

    init(document: MarkdownDocument) {
        source = document.source
        lines = SourceLines(source)
        // Text in a table's cells was parsed in a document of its own: its place in the page
        // comes from `sourcePosition(of:)`.
        let inTables = !document.reparsedOrigins.isEmpty
        for node in document.nodes() where cmark_node_get_type(node) == CMARK_NODE_TEXT {
            let position = inTables ? document.sourcePosition(of: node)
                : (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
            sources[node] = locate(node, line: position.0, column: position.1)
        }
    }

    /// The source of a text node as cmark left it, found at `line` and `column` of the page.
    private func locate(_ node: OpaquePointer, line: Int, column: Int) -> TextSource {
        let literal = Array((cmark_node_get_literal(node).map { String(cString: $0) } ?? "").utf8)
        let startsLine = Self.isLineBoundary(cmark_node_previous(node), parent: cmark_node_parent(node))
        let endsLine = Self.isLineBoundary(cmark_node_next(node), parent: cmark_node_parent(node))
        if line >= 1, line <= lines.count, column >= 1 {
            let lineStart = lines.range(of: line).start
            let guess = lineStart + column - 1
            // cmark counts a tab of an indentation as up to four columns: try a few places before.
            for candidate in stride(from: guess, through: max(lineStart, guess - 12), by: -1) where candidate <= source.count {
                if let (offsets, plain) = TextSource.align(literal, source: source, start: candidate) {
                    return TextSource(bytes: source, literal: literal, offsets: offsets, plain: plain,
                                      startsLine: startsLine, endsLine: endsLine, line: line, column: column)
                }
            }
        }
        return TextSource(bytes: literal, literal: literal, offsets: Array(0...literal.count),
                          plain: [Bool](repeating: true, count: literal.count), startsLine: true, endsLine: true,
                          line: max(1, line), column: max(1, column))
    }

    /// Whether `neighbour` (a text node's sibling) leaves the text at a line's start or end.
    private static func isLineBoundary(_ neighbour: OpaquePointer?, parent: OpaquePointer?) -> Bool {
        guard let neighbour else {
            guard let parent else { return true }
            let type = cmark_node_get_type(parent)
            return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CUSTOM_BLOCK
        }
        let type = cmark_node_get_type(neighbour)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    func source(of node: OpaquePointer) -> TextSource? { sources[node] }

    /// Replaces text node `node` by `pieces` in its place: text for each `.text` range of its
    /// literal, and the given nodes between them. Returns, for each piece, the text node made of
    /// it (nil for an empty range and for a node).
    @discardableResult
    mutating func split(_ node: OpaquePointer, into pieces: [Piece]) -> [OpaquePointer?] {
        guard let text = sources[node] else { return [] }
        var created: [OpaquePointer?] = []
        for piece in pieces {
            switch piece {
            case .text(let from, let to):
                guard from < to, let new = cmark_node_new(CMARK_NODE_TEXT) else {
                    created.append(nil)
                    continue
                }
                let part = text.slice(from, to)
                cmark_node_set_literal(new, String(decoding: part.literal, as: UTF8.self))
                cmark_node_insert_before(node, new)
                sources[new] = part
                created.append(new)
            case .node(let new):
                cmark_node_insert_before(node, new)
                created.append(nil)
            }
        }
        sources[node] = nil
        cmark_node_unlink(node)
        cmark_node_free(node)
        return created
    }

    /// Forgets a text node that was freed.
    mutating func remove(_ node: OpaquePointer) {
        sources[node] = nil
    }

    /// What a text node is split into: a range of its literal, or another node.
    enum Piece {
        case text(Int, Int)
        case node(OpaquePointer)
    }
}
