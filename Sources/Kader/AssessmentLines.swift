/// The line rules of the assessment format: which lines of a file's body are its structure.
/// The site's reader (`AssessmentSource`, which also parses the body with cmark and requires
/// both views to agree), the writer (`AssessmentFile.block`) and the browser form's reader
/// (`templates/static/invullen.js`, `scanLines`, a copy of these rules) all follow them:
///
/// - A **code block** opens with a line of three or more `` ` `` or `~` after at most three
///   spaces, and closes with a line of at least as many of the same character (at most three
///   spaces before, nothing after). **Raw HTML of kinds 1 to 5** opens with `<script`, `<pre`,
///   `<style`, `<textarea`, `<!--`, `<?`, `<!` and a letter, or `<![CDATA[` after at most three
///   spaces, and closes on the line that holds its end (`</script>` ..., `-->`, `?>`, `>`,
///   `]]>`). Nothing inside is structure; one left open at the end of the file is an error.
///   **Raw HTML of kind 6** (a line that starts with a block tag such as `<div` or `</p`)
///   runs to the next empty line, as in Markdown. (Inside a list item it ends with the item;
///   where that matters, the site's cross-check decides.) (Kind 7, a line of only another tag, cannot be
///   told apart from text without a Markdown parser: there the site's cross-check decides.)
/// - A **heading** of the file is a line that starts, in its first column, with one to six `#`
///   and a space (or nothing more). Only `##` (indicator or plan) and `###` (Reflectie, Acties
///   or an action of the plan) have a meaning; the others are warned about. A heading indented
///   by a space, underlined with `---` or `===`, or inside a quote or list is text.
/// - A **label line** starts, after at most three spaces and an optional list marker (`-`, `*`,
///   `+`, `1.`, `1)`), with a label of the format in double asterisks, such as `**Kleurscore:**`,
///   followed by a space or the end of the line; without a list marker, only at the start,
///   after an empty line or after a heading (elsewhere it goes on the text above it). The score is the label line directly under an
///   indicator's heading (the first line that is not empty), the plan's labels are items of an
///   action; a label line anywhere else is an error, and so is a score line that is not a
///   paragraph of its own (the next line must be empty or a heading). See `AssessmentLayout`.
///
/// `__Kleurscore:__` (underscores) renders the same but is never a label line: the writer
/// spells a label typed into a text that way.
public enum AssessmentLines {
    /// What one line of a body is.
    public enum Kind: Sendable, Equatable {
        case blank
        case text
        /// Inside a code block or raw HTML (or the line that opens or closes one).
        case code
        case heading(level: Int, text: String)
        /// A label line: the label (`Kleurscore`), the text after it and the column of `**`.
        case label(String, text: String, column: Int)
    }

    /// A code block or raw HTML of kinds 1 to 5 left open at the end of the text.
    public struct OpenBlock: Sendable, Equatable {
        /// The 0-based index of the line that opened it.
        public var line: Int
        /// What closes it: the fence (```` ``` ````) or the HTML end (`-->`; `</` for the end tags
        /// of kind 1; "" for kind 6, which an empty line ends).
        public var closer: String
        public var isFence: Bool
        /// The spaces before the opening line's first character.
        public var indent: Int
    }

    /// Every label of the format: the score and the plan's fields.
    public static let labels = [AssessmentFormat.scoreLabel] + AssessmentFormat.PlanField.allCases.map(\.rawValue)

    /// The lines of a text: split at LF, CRLF and a lone CR, as Markdown does.
    public static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The kind of each line, the code block or raw HTML of kinds 1 to 5 left open at the end,
    /// and the lines after the first of each raw HTML of kind 6.
    public static func scan(_ lines: [Substring]) -> (kinds: [Kind], open: OpenBlock?, blockHTML: Set<Int>) {
        var kinds: [Kind] = []
        var blockHTML = Set<Int>()
        kinds.reserveCapacity(lines.count)
        var open: OpenBlock?
        for (index, line) in lines.enumerated() {
            let blank = isBlank(line)
            if let block = open {
                if block.closer.isEmpty {
                    kinds.append(blank ? .blank : .code)
                    if blank { open = nil } else { blockHTML.insert(index) }
                } else {
                    kinds.append(.code)
                    if block.isFence ? closesFence(line, block.closer) : holdsEnd(line.lowercased()[...], block.closer) { open = nil }
                }
                continue
            }
            if blank {
                kinds.append(.blank)
            } else if let fence = fenceOpener(line) {
                kinds.append(.code)
                open = OpenBlock(line: index, closer: fence, isFence: true, indent: indent(of: line))
            } else if let end = htmlEnd(opening: line) {
                kinds.append(.code)
                if end.isEmpty || !endsOnOwnLine(line, end) {
                    open = OpenBlock(line: index, closer: end, isFence: false, indent: indent(of: line))
                }
            } else if let heading = heading(line) {
                kinds.append(.heading(level: heading.level, text: heading.text))
            } else if let label = label(line), startsBlock(line, after: kinds.last) {
                kinds.append(.label(label.label, text: label.text, column: label.column))
            } else {
                kinds.append(.text)
            }
        }
        return (kinds, open?.closer.isEmpty == true ? nil : open, blockHTML)
    }

    /// Whether a label line starts a paragraph or list item of its own: a list item always does;
    /// a paragraph at the start, or after an empty line or a heading (otherwise it goes on the
    /// text above it).
    static func startsBlock(_ line: Substring, after previous: Kind?) -> Bool {
        if listMarker(line.dropFirst(indent(of: line))) != nil { return true }
        switch previous {
        case nil, .blank, .heading: return true
        default: return false
        }
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

    static func indent(of line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// A heading of the file: one to six `#` in the first column and a space, a tab or nothing after.
    public static func heading(_ line: Substring) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpaces()
        // A closing sequence of `#` (alone or after a space) is not part of the text.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " || text.dropLast(closing).last == "\t" {
            text = text.dropLast(closing).trimmingSpaces()
        }
        return (hashes, String(text))
    }

    /// The fence that closes a code block this line opens (```` ``` ```` or `~~~`, as long as the
    /// opening one), or nil.
    public static func fenceOpener(_ line: Substring) -> String? {
        let spaces = indent(of: line)
        guard spaces <= 3 else { return nil }
        let rest = line.dropFirst(spaces)
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let run = rest.prefix { $0 == mark }.count
        guard run >= 3 else { return nil }
        if mark == "`", rest.dropFirst(run).contains("`") { return nil }
        return String(repeating: String(mark), count: run)
    }

    static func closesFence(_ line: Substring, _ fence: String) -> Bool {
        let spaces = indent(of: line)
        guard spaces <= 3, let mark = fence.first else { return false }
        let rest = line.dropFirst(spaces)
        let run = rest.prefix { $0 == mark }.count
        return run >= fence.count && isBlank(rest.dropFirst(run))
    }

    /// The tags that open raw HTML of kind 6, which runs to the next empty line.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
        "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]

    /// What ends the raw HTML of kinds 1 to 6 that this line opens ("" for kind 6: the next
    /// empty line), or nil.
    public static func htmlEnd(opening line: Substring) -> String? {
        let spaces = indent(of: line)
        guard spaces <= 3 else { return nil }
        let lower = line.dropFirst(spaces).lowercased()
        guard lower.first == "<" else { return nil }
        for tag in ["script", "pre", "style", "textarea"] where lower.hasPrefix("<" + tag) {
            let after = lower.dropFirst(tag.count + 1).first
            if after == nil || after == " " || after == "\t" || after == ">" { return "</" }
        }
        if lower.hasPrefix("<!--") { return "-->" }
        if lower.hasPrefix("<?") { return "?>" }
        if lower.hasPrefix("<![cdata[") { return "]]>" }
        if lower.hasPrefix("<!"), let letter = lower.dropFirst(2).first, letter.isASCII, letter.isLetter { return ">" }
        let tag = lower.dropFirst(lower.hasPrefix("</") ? 2 : 1)
        let name = tag.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let after = tag.dropFirst(name.count)
        if blockTags.contains(String(name)),
           after.isEmpty || after.first == " " || after.first == "\t" || after.first == ">" || after.hasPrefix("/>") {
            return ""
        }
        return nil
    }

    /// Whether raw HTML of kinds 1 to 5 ends on the line that opens it (its end after the opening).
    static func endsOnOwnLine(_ line: Substring, _ end: String) -> Bool {
        let rest = line.dropFirst(indent(of: line)).lowercased()[...]
        switch end {
        case "-->": return rest.hasPrefix("<!-->") || rest.hasPrefix("<!--->") || holdsEnd(rest.dropFirst(4), end)
        case "?>": return holdsEnd(rest.dropFirst(2), end)
        case "]]>": return holdsEnd(rest.dropFirst(9), end)
        case ">": return holdsEnd(rest.dropFirst(2), end)
        default: return holdsEnd(rest, end)
        }
    }

    /// Whether lower-case text holds the end of raw HTML (`</` stands for the end tag of any of
    /// `script`, `pre`, `style`, `textarea`).
    static func holdsEnd(_ text: Substring, _ end: String) -> Bool {
        end == "</" ? ["</script>", "</pre>", "</style>", "</textarea>"].contains { text.contains($0) } : text.contains(end)
    }

    /// A label line: the label, the text after it and the 1-based column of its `**`.
    public static func label(_ line: Substring) -> (label: String, text: String, column: Int)? {
        let spaces = indent(of: line)
        guard spaces <= 3 else { return nil }
        var rest = line.dropFirst(spaces)
        if let marker = listMarker(rest) { rest = rest.dropFirst(marker) }
        guard rest.hasPrefix("**") else { return nil }
        let column = line.count - rest.count + 1
        for label in labels {
            let written = "**\(label):**"
            guard rest.hasPrefix(written) else { continue }
            let after = rest.dropFirst(written.count)
            guard after.isEmpty || after.first == " " || after.first == "\t" else { continue }
            return (label, String(after.trimmingSpaces()), column)
        }
        return nil
    }

    /// The length of a list marker with the spaces after it (`- `, `1. `), or nil.
    static func listMarker(_ text: Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }.count
        let marker: Int
        if digits > 0 {
            guard digits <= 9, let after = text.dropFirst(digits).first, after == "." || after == ")" else { return nil }
            marker = digits + 1
        } else {
            guard let first = text.first, first == "-" || first == "*" || first == "+" else { return nil }
            marker = 1
        }
        let spaces = text.dropFirst(marker).prefix { $0 == " " || $0 == "\t" }.count
        return spaces > 0 ? marker + spaces : nil
    }
}

extension Substring {
    /// The text without spaces and tabs at its start and end.
    func trimmingSpaces() -> Substring {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
