import CCmark
import Foundation

/// GitHub's alerts as callouts: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (in any case) alone becomes a callout with its
/// title and a mark of its kind. Anything else in `[!...]` stays a quote, with a warning.
enum Callouts {
    static func apply(_ texts: inout TextNodes, in document: MarkdownDocument) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        for quote in document.nodes() where cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
                  let text = texts.source(of: first), let name = markerName(text) else { continue }
            let position = MarkdownDocument.position(of: paragraph)
            guard let kind = CalloutKind(rawValue: name.word.lowercased()) else {
                problems.append(MarkdownProblem(.warning, "`[!\(name.word)]` is not a kind of callout, so this stays a quote; write one of "
                    + CalloutKind.allCases.map { "`\($0.marker)`" }.joined(separator: ", ") + " on the quote's first line",
                    line: position.line, column: position.column))
                continue
            }
            let next = cmark_node_next(first)
            let endsLine = next.map { cmark_node_get_type($0) == CMARK_NODE_SOFTBREAK || cmark_node_get_type($0) == CMARK_NODE_LINEBREAK } ?? true
            guard name.length == text.literal.count, endsLine else {
                problems.append(MarkdownProblem(.warning, "the text after `\(kind.marker)` on its line makes this a quote, not a callout; "
                    + "write `\(kind.marker)` alone on the quote's first line and the text on the next lines (`> ...`)",
                    line: position.line, column: position.column))
                continue
            }
            guard next.flatMap(cmark_node_next) != nil || cmark_node_next(paragraph) != nil else {
                problems.append(MarkdownProblem(.warning, "this `\(kind.marker)` callout has no text; write it on the quote's next lines (`> ...`)",
                                                line: position.line, column: position.column))
                continue
            }
            // The marker and the line break after it go; a paragraph left empty goes too.
            texts.remove(first)
            cmark_node_unlink(first)
            cmark_node_free(first)
            if let next {
                cmark_node_unlink(next)
                cmark_node_free(next)
            }
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            guard let callout = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(callout, openingHTML(kind, title: MarkdownLabels.github.callouts[kind] ?? kind.rawValue))
            cmark_node_set_on_exit(callout, "</div>")
            while let child = cmark_node_first_child(quote) { cmark_node_append_child(callout, child) }
            cmark_node_replace(quote, callout)
            cmark_node_free(quote)
            document.callouts.append((callout, kind))
        }
        return problems
    }

    /// `[!WORD]` at the start of a text that starts its block, as typed (not escaped): the word
    /// and the marker's length in the literal.
    private static func markerName(_ text: TextSource) -> (word: String, length: Int)? {
        let literal = text.literal
        guard text.startsLine, literal.count >= 4, literal[0] == 0x5B, literal[1] == 0x21, text.plain[0], text.plain[1] else { return nil }
        var end = 2
        while end < literal.count, end < 40, TextSource.isASCIIAlpha(literal[end]), text.plain[end] { end += 1 }
        guard end > 2, end < literal.count, literal[end] == 0x5D, text.plain[end] else { return nil }
        return (String(decoding: literal[2..<end], as: UTF8.self), end + 1)
    }

    /// The start of a callout: its kind as a class, a symbol of its own shape (never colour alone)
    /// and its title as text.
    static func openingHTML(_ kind: CalloutKind, title: String) -> String {
        "<div class=\"callout callout-\(kind.rawValue)\">\n<p class=\"callout-title\">"
            + "<svg class=\"callout-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\">\(icon(kind))</svg>"
            + "\(MarkdownDocument.escapeHTML(title))</p>\n"
    }

    /// A small line drawing per kind: a circled i, a light bulb, a speech bubble with `!`, a
    /// triangle with `!`, an octagon with `!`.
    private static func icon(_ kind: CalloutKind) -> String {
        let stroke = "fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
        switch kind {
        case .note:
            return "<circle cx=\"8\" cy=\"8\" r=\"6.5\" \(stroke)/><path d=\"M8 7.5v4M8 4.75v.5\" \(stroke)/>"
        case .tip:
            return "<path d=\"M5.5 10.5C4.3 9.6 3.5 8.3 3.5 6.8a4.5 4.5 0 0 1 9 0c0 1.5-.8 2.8-2 3.7v1.5h-5z\" \(stroke)/><path d=\"M6 14.25h4\" \(stroke)/>"
        case .important:
            return "<path d=\"M2 2.5h12v8.5H8l-3 3v-3H2z\" \(stroke)/><path d=\"M8 4.75v3M8 9.25v.25\" \(stroke)/>"
        case .warning:
            return "<path d=\"M8 1.75l6.5 12H1.5z\" \(stroke)/><path d=\"M8 6v3.75M8 11.75v.25\" \(stroke)/>"
        case .caution:
            return "<path d=\"M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3z\" \(stroke)/><path d=\"M8 4.75v4M8 10.75v.25\" \(stroke)/>"
        }
    }
}
