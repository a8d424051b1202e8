import CCmark
import Foundation
import Basics

extension MarkdownDocument {
    /// The longest id a `{#id}` may give.
    public static let maximumExplicitIDLength = 100

    /// Reads the ids written after headings as `## Titel {#eigen-id}` (as MkDocs' attr_list,
    /// Pandoc and Hugo write them), takes them out of the heading's text and keeps them for
    /// `assignHeadingAnchors`; returns an error for each invalid or repeated one. Call before
    /// `takeTitleHeading` and `assignHeadingAnchors`.
    ///
    /// The id is read from the source bytes of the heading's line, because smart punctuation has
    /// rewritten the text nodes (`--` into a dash); the heading's last text node must end with it
    /// too, so that an escaped `\{#x}`, a code span or an entity stays text. `lineOffset` is
    /// added to the line numbers that messages name (the lines before the text in its file).
    public func takeExplicitHeadingIDs(lineOffset: Int = 0) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        var lines: SourceLines?
        var firstLine: [String: Int] = [:]
        for node in nodes().filter({ cmark_node_get_type($0) == CMARK_NODE_HEADING }) {
            guard let text = cmark_node_last_child(node), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(text).map({ String(cString: $0) }),
                  let braces = Self.trailingBraces(in: literal) else { continue }
            if lines == nil { lines = SourceLines(source) }
            // The text's own line (cmark's end line of an underlined heading can be past it).
            let isUnderlined = cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
            let textLine = Int(cmark_node_get_end_line(text))
            guard textLine > 0 || !isUnderlined else { continue }
            let lineNumber = textLine > 0 ? textLine : Int(cmark_node_get_start_line(node))
            guard let found = lines!.explicitID(onLine: lineNumber, closingSequence: !isUnderlined) else { continue }
            // GitHub reads `{#id}` as text: its anchor is made from the text with it.
            let githubText = slugText(of: node, lines: lines)
            // Only the white space before `{#` goes: `*a* b {#x}` keeps the space before `b`.
            var remaining = literal[..<braces]
            while remaining.last?.isWhitespace == true { remaining.removeLast() }
            if remaining.isEmpty, cmark_node_previous(text) != nil {
                cmark_node_unlink(text)
                cmark_node_free(text)
            } else {
                cmark_node_set_literal(text, String(remaining))
            }
            if let problem = Self.problem(with: found.id) {
                problems.append(MarkdownProblem(.error, problem, line: lineNumber, column: found.column))
                continue
            }
            if let earlier = firstLine[found.id] {
                problems.append(MarkdownProblem(.error, "the heading id `{#\(found.id)}` is given twice in this file (first at line \(earlier + lineOffset)); give each heading its own id",
                                                line: lineNumber, column: found.column))
                continue
            }
            firstLine[found.id] = lineNumber
            explicitHeadingIDs[node] = (found.id, githubText)
        }
        return problems
    }

    /// Where a text ends with ` {#...}`: the index of its `{`.
    private static func trailingBraces(in literal: String) -> String.Index? {
        guard literal.hasSuffix("}"), let open = literal.range(of: "{#", options: .backwards)?.lowerBound else { return nil }
        guard open == literal.startIndex || literal[literal.index(before: open)].isWhitespace else { return nil }
        return open
    }

    /// Why `id` cannot be a heading's id, or nil when it can.
    private static func problem(with id: String) -> String? {
        let shown = id.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(id.unicodeScalars.prefix(40))) + "…" : id
        if id.isEmpty { return "the heading id `{#}` is empty; write the id after the `#`, such as `{#eigen-id}`" }
        if id.unicodeScalars.count > maximumExplicitIDLength {
            return "the heading id `{#\(shown)}` is longer than \(maximumExplicitIDLength) characters; choose a shorter one, such as `{#eigen-id}`"
        }
        if !id.unicodeScalars.allSatisfy({ $0 == "-" || $0 == "." || HeadingSlug.isKeptByGitHub($0) }) {
            return "the heading id `{#\(shown)}` is not valid: an id may hold only letters, digits, `-`, `_` and `.` (no spaces, quotes or other signs); write it such as `{#eigen-id}`"
        }
        if id.hasPrefix(HeadingSlug.generatorPrefix) {
            return "the heading id `{#\(shown)}` starts with `\(HeadingSlug.generatorPrefix)`, which is kept for the ids the generator writes itself; choose another id"
        }
        return nil
    }
}

/// Reading headings from the source lines: what cmark's tree no longer shows.
extension SourceLines {
    /// The bytes of a 1-based line, without its line break.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        let (start, end) = range(of: number)
        return bytes[start..<end]
    }

    /// Whether any of the lines from `first` to `last` has `--`.
    func hasDoubleHyphen(from first: Int, to last: Int) -> Bool {
        (first...max(first, last)).contains { number in
            let bytes = line(number)
            return zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }
        }
    }

    /// The lines from `first` to `last`, as text.
    func text(from first: Int, to last: Int) -> String {
        (first...max(first, last)).map { String(decoding: line($0), as: UTF8.self) }.joined(separator: "\n")
    }

    /// The `{#id}` that ends a heading's line (before an ATX heading's closing `#`s), with the
    /// 1-based byte column of its `{`; nil when the line does not end with one, or its `{` is
    /// escaped with a backslash.
    func explicitID(onLine number: Int, closingSequence: Bool) -> (id: String, column: Int)? {
        var bytes = line(number)
        func dropTrailingBlanks() { while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() } }
        dropTrailingBlanks()
        if closingSequence, bytes.last == UInt8(ascii: "#") {
            var trimmed = bytes
            while trimmed.last == UInt8(ascii: "#") { trimmed.removeLast() }
            if let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                bytes = trimmed
                dropTrailingBlanks()
            }
        }
        guard bytes.last == UInt8(ascii: "}") else { return nil }
        let inside = bytes.dropLast()
        guard let open = inside.lastIndex(of: UInt8(ascii: "{")), open + 1 < inside.endIndex,
              inside[open + 1] == UInt8(ascii: "#") else { return nil }
        let idBytes = inside[(open + 2)...]
        guard !idBytes.contains(UInt8(ascii: "}")) else { return nil }
        var backslashes = 0
        var index = open
        while index > bytes.startIndex, bytes[index - 1] == UInt8(ascii: "\\") {
            backslashes += 1
            index -= 1
        }
        guard backslashes % 2 == 0 else { return nil }
        return (String(decoding: idBytes, as: UTF8.self), open - line(number).startIndex + 1)
    }
}
