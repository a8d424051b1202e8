import CCmark
import Foundation
import Basics

/// A Markdown document parsed by cmark. Owns the cmark AST and frees it when released.
///
/// All structure (headings, links, images) is read from the AST; nothing here parses
/// Markdown text itself. One document is used by one thread at a time.
public final class MarkdownDocument: @unchecked Sendable {
    private(set) var root: OpaquePointer
    /// The custom blocks that replaced the headings, in document order (see `assignHeadingAnchors`).
    package var headingBlocks: [OpaquePointer] = []
    /// The position of each heading block in `headingBlocks`.
    package var headingPositions: [OpaquePointer: Int] = [:]
    /// Level and id of each heading block, to write its tags again (see `setHeadingTags`).
    package var headingTags: [(level: Int, id: String)] = []
    /// The callouts made of GitHub's alerts and the task list boxes, whose words `setLabels` writes.
    package var callouts: [(block: OpaquePointer, kind: CalloutKind)] = []
    package var taskBoxes: [(box: OpaquePointer, done: Bool)] = []
    /// Where the links that extensions made (bare URLs) start in the source: cmark gives no
    /// position to a node made after parsing.
    package var madePositions: [OpaquePointer: (line: Int, column: Int)] = [:]
    /// Ids written after headings as `{#id}` (see `takeExplicitHeadingIDs`), by heading node,
    /// with the heading's text as GitHub reads it (with the `{#id}`).
    package var explicitHeadingIDs: [OpaquePointer: (id: String, githubText: String)] = [:]
    /// The text (for its anchor) of the heading `takeTitleHeading` removed, and how many headings
    /// came before it: GitHub gives it an anchor, which later repeats count.
    package var removedTitle: (slugText: String, headingsBefore: Int)?
    /// The UTF-8 bytes that were parsed (without a terminating NUL). Extensions beyond CommonMark
    /// read the source here, at cmark's source positions, because smart punctuation has already
    /// rewritten the text nodes (see `applyExtensions`).
    package private(set) var source: [UInt8]
    /// The options the text was parsed with, for parsing parts of it again (table cells).
    package let parseOptions: Int32
    /// The scrolling region of each table with the text of its first header cell (see
    /// `buildTables`), and the word its name was last written with (`setTableLabels`).
    package var tableRegions: [(block: OpaquePointer, name: String)] = []
    package var tableLabelWord = ""
    /// Where the nodes parsed again for tables came from (see `sourcePosition(of:)`).
    package var reparsedOrigins: [OpaquePointer: ReparsedOrigin] = [:]

    /// Parses `text` with cmark. Smart punctuation turns quotes and dashes into typographic ones.
    public init(_ text: String, smartPunctuation: Bool = true) {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        parseOptions = options
        var utf8 = Array(text.utf8)
        utf8.append(0)
        root = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count - 1, options)
            }
        }
        utf8.removeLast()
        source = utf8
    }

    deinit {
        cmark_node_free(root)
    }

    /// Frees the parsed tree once the document is no longer needed, leaving an empty document:
    /// a large site then never holds every page's tree at once.
    public func discard() {
        cmark_node_free(root)
        root = cmark_node_new(CMARK_NODE_DOCUMENT)
        source = []
        headingBlocks = []
        headingPositions = [:]
        headingTags = []
        callouts = []
        taskBoxes = []
        madePositions = [:]
        tableRegions = []
        reparsedOrigins = [:]
        explicitHeadingIDs = [:]
        removedTitle = nil
    }

    /// Renders the document to HTML. With `allowRawHTML` false (the default) cmark drops raw
    /// HTML and empties dangerous URLs (`javascript:` and the like).
    public func renderHTML(allowRawHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(root, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Turns raw HTML into plain text, so that it is shown (escaped) instead of dropped or
    /// run. Used for text from people who are not trusted to write HTML, such as assessments.
    public func convertRawHTMLToText() {
        for node in nodes() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK else { continue }
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, type == CMARK_NODE_HTML_BLOCK ? literal.trimmingCharacters(in: .newlines) : literal)
            if type == CMARK_NODE_HTML_BLOCK {
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { continue }
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
    }

    /// Makes every line break of the text a line break on the page: cmark's soft breaks (shown
    /// as a space) become hard ones (`<br />`), and so do the line ends inside text made of raw
    /// HTML (`convertRawHTMLToText`). Text typed into a form field or a spreadsheet cell keeps
    /// its lines so; code blocks keep theirs anyway.
    public func keepLineBreaks() {
        for node in nodes() {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK {
                guard let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) else { continue }
                cmark_node_replace(node, lineBreak)
                cmark_node_free(node)
            } else if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node).map({ String(cString: $0) }), literal.contains("\n") {
                // One break per line of text: empty lines and the spaces around a line show as nothing.
                let lines = literal.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for (index, line) in lines.enumerated() {
                    if index > 0, let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) { cmark_node_insert_before(node, lineBreak) }
                    guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                    cmark_node_set_literal(text, line)
                    cmark_node_insert_before(node, text)
                }
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
    }

    /// The rules of the texts of an assessment or preparation file (Reflectie, Acties): raw
    /// HTML is shown as text (nobody writing one is trusted with HTML) and every line break is
    /// kept (`keepLineBreaks`), as in the browser form and the spreadsheet they come from.
    public func applyAssessmentTextRules() {
        convertRawHTMLToText()
        keepLineBreaks()
    }

    /// Every node of the document in document order (entering events only).
    package func nodes(under start: OpaquePointer? = nil) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(start ?? root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(node)
            }
        }
        return result
    }

    /// The text of a node and its descendants, without markup.
    package static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                // Table cells and rows: their texts are not run together.
                if let last = text.utf8.last, last != UInt8(ascii: " ") { text += " " }
            default:
                break
            }
        }
        return text.trimmed()
    }

    /// Whether `plainText(of: node)` is not empty: some text or code in it is more than
    /// whitespace. Stops at the first such text instead of collecting all of it.
    package static func hasText(_ node: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(node) else { return false }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return false }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) else { continue }
            if String(cString: literal).unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return true }
        }
    }

    /// The start line of a node; inline nodes without a position take their block's line.
    package static func position(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, max(1, Int(cmark_node_get_start_column(candidate)))) }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }
}
