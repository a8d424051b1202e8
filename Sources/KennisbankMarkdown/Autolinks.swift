import CCmark
import Foundation

/// Bare URLs and e-mail addresses as links, by the rules of GitHub Flavored Markdown's autolink
/// extension: `https://`, `http://` and `ftp://` URLs and `www.` addresses (scanned in the source
/// bytes, so smart punctuation has not touched them), then e-mail addresses (in the text).
/// Never inside a link, an image or code, which are not text nodes of their own here.
enum Autolinks {
    /// Links the URLs and `www.` addresses of every text node that is not inside a link or image.
    static func linkURLs(_ texts: inout TextNodes, in document: MarkdownDocument) {
        for node in document.nodes() where cmark_node_get_type(node) == CMARK_NODE_TEXT && !isInLink(node) {
            guard let text = texts.source(of: node), text.literal.contains(where: { $0 == 0x3A || $0 == 0x77 }) else { continue }
            var pieces: [TextNodes.Piece] = []
            var copied = 0
            var index = 0
            while index < text.literal.count {
                let byte = text.literal[index]
                if byte == 0x3A || byte == 0x77, let (start, end, url) = match(text, at: index, after: copied), let link = makeLink(url: url, text: text, from: start, to: end) {
                    if let anchor = cmark_node_first_child(link) { document.madePositions[anchor] = text.position(start) }
                    pieces.append(.text(copied, start))
                    pieces.append(.node(link))
                    copied = end
                    index = end
                } else {
                    index += 1
                }
            }
            guard !pieces.isEmpty else { continue }
            pieces.append(.text(copied, text.literal.count))
            texts.split(node, into: pieces)
        }
    }

    /// Links the e-mail addresses of every text node that is not inside a link or image.
    static func linkEmails(_ texts: inout TextNodes, in document: MarkdownDocument) {
        for node in document.nodes() where cmark_node_get_type(node) == CMARK_NODE_TEXT && !isInLink(node) {
            guard let text = texts.source(of: node), text.literal.contains(0x40) else { continue }
            let bytes = text.literal
            var pieces: [TextNodes.Piece] = []
            var copied = 0
            var at = 0
            while at < bytes.count {
                guard bytes[at] == 0x40 else { at += 1; continue }
                var start = at
                while start > copied, isEmailLocal(bytes[start - 1]) { start -= 1 }
                guard start < at, let end = emailEnd(bytes, at: at), text.sourceOffset(start) != nil, text.sourceOffset(end) != nil,
                      let link = makeLink(url: "mailto:" + String(decoding: bytes[start..<end], as: UTF8.self),
                                          label: Array(bytes[start..<end])) else {
                    at += 1
                    continue
                }
                if let anchor = cmark_node_first_child(link) { document.madePositions[anchor] = text.position(start) }
                pieces.append(.text(copied, start))
                pieces.append(.node(link))
                copied = end
                at = end
            }
            guard !pieces.isEmpty else { continue }
            pieces.append(.text(copied, bytes.count))
            texts.split(node, into: pieces)
        }
    }

    private static func isInLink(_ node: OpaquePointer) -> Bool {
        var current = cmark_node_parent(node)
        while let parent = current {
            let type = cmark_node_get_type(parent)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { return false }
            current = cmark_node_parent(parent)
        }
        return false
    }

    /// A URL or `www.` address starting at literal index `index` (or, for a URL, whose `:` is
    /// there): its literal range and its address. `floor` is where the text still unlinked starts.
    private static func match(_ text: TextSource, at index: Int, after floor: Int) -> (Int, Int, String)? {
        let literal = text.literal
        guard text.plain[index], let offset = text.sourceOffset(index) else { return nil }
        let source = text.bytes
        let lineEnd = text.sourceOffset(literal.count) ?? source.count
        if literal[index] == 0x3A {
            // `scheme://`: the letters before the colon are the scheme.
            var start = index
            while start > floor, text.plain[start - 1], TextSource.isASCIIAlpha(literal[start - 1]) { start -= 1 }
            guard start < index, let schemeStart = text.sourceOffset(start) else { return nil }
            let scheme = String(decoding: source[schemeStart..<offset], as: UTF8.self).lowercased()
            guard ["http", "https", "ftp"].contains(scheme), offset + 3 < lineEnd, source[offset + 1] == 0x2F, source[offset + 2] == 0x2F,
                  isHostCharacter(source, at: offset + 3, end: lineEnd),
                  let domain = domainLength(source, from: offset + 3, end: lineEnd, allowShort: true) else { return nil }
            let end = pathEnd(source, from: offset + 3 + domain, start: schemeStart, end: lineEnd)
            guard end > offset + 3, let literalEnd = literalIndex(text, sourceOffset: end, from: index) else { return nil }
            return (start, literalEnd, String(decoding: source[schemeStart..<end], as: UTF8.self))
        }
        guard literal[index] == 0x77, offset + 4 <= lineEnd, Array(source[offset..<(offset + 4)]) == Array("www.".utf8) else { return nil }
        // After the start of a line, whitespace or one of `*`, `_`, `~` and `(` only.
        if let before = text.scalar(before: offset, atTextStart: index == 0) {
            guard before == "*" || before == "_" || before == "~" || before == "(" || before == " " || before == "\t"
                || before == "\n" || before == "\r" || before.value == 0x0B || before.value == 0x0C else { return nil }
        }
        guard let domain = domainLength(source, from: offset, end: lineEnd, allowShort: false) else { return nil }
        let end = pathEnd(source, from: offset + domain, start: offset, end: lineEnd)
        guard end > offset, let literalEnd = literalIndex(text, sourceOffset: end, from: index) else { return nil }
        return (index, literalEnd, "http://" + String(decoding: source[offset..<end], as: UTF8.self))
    }

    /// The literal index whose unit starts at source offset `offset`, searching from `from`.
    private static func literalIndex(_ text: TextSource, sourceOffset offset: Int, from: Int) -> Int? {
        var index = from
        while index <= text.literal.count {
            if let start = text.sourceOffset(index) {
                if start == offset { return index }
                if start > offset { return nil }
            }
            index += 1
        }
        return nil
    }

    /// The length of a valid domain at `from`: segments of letters, digits, `_` and `-` between
    /// dots, no `_` in the last two segments, and (unless `allowShort`) at least one dot.
    private static func domainLength(_ source: [UInt8], from: Int, end: Int, allowShort: Bool) -> Int? {
        var index = from
        var dots = 0, underscoresBefore = 0, underscores = 0
        while index < end {
            let byte = source[index]
            if byte == 0x5F {
                underscores += 1
            } else if byte == 0x2E {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if byte != 0x2D && !isHostCharacter(source, at: index, end: end) {
                break
            }
            index += byte < 0x80 ? 1 : max(1, scalarLength(byte))
        }
        index = min(index, end)
        // As cmark-gfm does, a very long domain is taken despite its underscores (no quadratic work).
        if (underscoresBefore > 0 || underscores > 0) && dots <= 10 { return nil }
        guard index > from, allowShort || dots > 0 else { return nil }
        return index - from
    }

    /// Whether the code point at `offset` is neither whitespace nor punctuation.
    private static func isHostCharacter(_ source: [UInt8], at offset: Int, end: Int) -> Bool {
        guard offset < end, let scalar = TextSource.decode(source, at: offset) else { return false }
        return !TextSource.isSpace(scalar) && !TextSource.isPunctuation(scalar)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// Where the address ends: the first whitespace or `<`, then without trailing punctuation,
    /// unmatched closing parentheses and an entity-like `&name;` (GFM's path validation).
    private static func pathEnd(_ source: [UInt8], from: Int, start: Int, end: Int) -> Int {
        var stop = from
        while stop < end, !isASCIISpace(source[stop]), source[stop] != 0x3C { stop += 1 }
        var opening = 0, closing = 0
        for byte in source[start..<stop] {
            if byte == 0x28 { opening += 1 } else if byte == 0x29 { closing += 1 }
        }
        while stop > start {
            switch source[stop - 1] {
            case 0x29:
                guard closing > opening else { return stop }
                closing -= 1
                stop -= 1
            case 0x3F, 0x21, 0x2E, 0x2C, 0x3A, 0x2A, 0x5F, 0x7E, 0x27, 0x22:
                stop -= 1
            case 0x3B:
                var entityStart = stop - 2
                while entityStart > start, TextSource.isASCIIAlpha(source[entityStart]) { entityStart -= 1 }
                if entityStart < stop - 2, source[entityStart] == 0x26 { stop = entityStart } else { stop -= 1 }
            default:
                return stop
            }
        }
        return stop
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isEmailLocal(_ byte: UInt8) -> Bool {
        TextSource.isASCIIAlphanumeric(byte) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte == 0x5F
    }

    /// The end of an e-mail address's domain after the `@` at `at`: letters, digits, `-` and `_`
    /// in segments with at least one dot, ending in a letter (a final dot is left out).
    private static func emailEnd(_ bytes: [UInt8], at: Int) -> Int? {
        var end = at + 1
        var dots = 0
        while end < bytes.count {
            let byte = bytes[end]
            if TextSource.isASCIIAlphanumeric(byte) || byte == 0x2D || byte == 0x5F {
                end += 1
            } else if byte == 0x2E, end + 1 < bytes.count, TextSource.isASCIIAlphanumeric(bytes[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard end - at >= 2, dots > 0, TextSource.isASCIIAlpha(bytes[end - 1]) || bytes[end - 1] == 0x2E else { return nil }
        return end
    }

    /// A link node to `url` whose text is the source of literal range `from..<to` as typed.
    private static func makeLink(url: String, text: TextSource, from: Int, to: Int) -> OpaquePointer? {
        guard let start = text.sourceOffset(from), let end = text.sourceOffset(to) else { return nil }
        return makeLink(url: url, label: Array(text.bytes[start..<end]))
    }

    /// The link, in a `<span class="autolink">`: its text is its address already, so print does
    /// not write the address after it again (see `style.css`).
    private static func makeLink(url: String, label: [UInt8]) -> OpaquePointer? {
        guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let link = cmark_node_new(CMARK_NODE_LINK),
              let child = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_on_enter(wrapper, "<span class=\"autolink\">")
        cmark_node_set_on_exit(wrapper, "</span>")
        cmark_node_set_url(link, url)
        cmark_node_set_literal(child, String(decoding: label, as: UTF8.self))
        cmark_node_append_child(link, child)
        cmark_node_append_child(wrapper, link)
        return wrapper
    }
}
