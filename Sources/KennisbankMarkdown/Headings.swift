import CCmark
import Foundation
import Basics

/// A heading of a document after its anchor id has been assigned.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// The anchor id written into the HTML (`<h2 id="...">`), unique within the document.
    public var id: String
    /// 1-based line in the Markdown text given to the parser.
    public var line: Int
    /// 1-based column of its first `#` (1 when it is not indented).
    public var column: Int = 1
    /// Whether it is a child of the document itself (not inside a quote or list).
    public var isTopLevel = true
    /// Whether it is underlined (`---` or `===` below its text) rather than written with `#`.
    public var isUnderlined = false
    /// The anchor GitHub gives it (github-slugger's rule and numbering): the same as `id` unless
    /// the heading has a `{#id}`, is an indicator or would start with `kb-`. A link with it works
    /// on GitHub and here.
    public var githubID = ""
    /// The ASCII-folded anchors other generators give it (Kennisbank before 2026 with `Slug.make`,
    /// MkDocs' default), where they differ from `id`: links with them resolve, with a warning.
    public var foldedIDs: [String] = []
}

extension MarkdownDocument {
    /// Removes the document's first top-level level-1 heading and returns its text,
    /// for pages whose title comes from the body rather than from front matter.
    public func takeTitleHeading() -> (text: String, line: Int)? {
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                let text = Self.plainText(of: node)
                let line = Self.position(of: node).line
                let before = nodes().prefix { $0 != node }.count { cmark_node_get_type($0) == CMARK_NODE_HEADING }
                removedTitle = (explicitHeadingIDs[node]?.githubText ?? slugText(of: node, lines: sourceLinesIfDashed()), before)
                explicitHeadingIDs[node] = nil
                cmark_node_unlink(node)
                cmark_node_free(node)
                return (text, line)
            }
            child = cmark_node_next(node)
        }
        return nil
    }

    /// How many headings the document has, and the line of the first one after the first
    /// `limit` (nil when there are at most `limit`).
    public func countHeadings(limit: Int) -> (count: Int, lineAfterLimit: Int?) {
        var count = 0
        var line: Int?
        for node in nodes() where cmark_node_get_type(node) == CMARK_NODE_HEADING {
            count += 1
            if count == limit + 1 { line = Self.position(of: node).line }
        }
        return (count, line)
    }

    /// Gives every heading its anchor `id`, as GitHub makes it (`HeadingSlug.github`, repeats
    /// numbered `-1`, `-2` ...), or the `{#id}` written after it (`takeExplicitHeadingIDs`), and
    /// returns the headings in document order, each also with the anchors GitHub and other
    /// generators give it. A heading `takeTitleHeading` removed still counts for the numbering,
    /// as it does on GitHub.
    ///
    /// cmark has no attribute API, so each heading is replaced by a custom block whose
    /// enter/exit strings are the `<hN id="...">` tags, with the id escaped. Its inline children
    /// move over unchanged, so their text stays escaped by cmark. `reserved` ids (used by the page
    /// template) are never given to a heading, and no heading's id starts with `kb-`.
    /// `preferredID` may propose another base id for a heading (level and text), such as `p1-05`
    /// for an indicator heading `P1.05 ...`.
    @discardableResult
    public func assignHeadingAnchors(reserved: Set<String> = [],
                                     preferredID: ((Int, String) -> String?)? = nil) -> [Heading] {
        let headingNodes = nodes().filter { cmark_node_get_type($0) == CMARK_NODE_HEADING }
        var ids = UniqueIDs.github(reserved: reserved.union(explicitHeadingIDs.values.map(\.id)))
        var github = UniqueIDs.github()
        var older = UniqueIDs(reserved: reserved)
        var mkdocs = UniqueIDs(reserved: Set(explicitHeadingIDs.values.map(\.id)), firstNumber: 1, separator: "_")
        var headings: [Heading] = []
        let lines = sourceLinesIfDashed()
        for (position, node) in headingNodes.enumerated() {
            if let title = removedTitle, title.headingsBefore == position {
                let slug = HeadingSlug.github(title.slugText)
                _ = github.claim(slug)
                _ = ids.claim(HeadingSlug.anchor(github: slug))
                _ = mkdocs.claimAsMkDocs(HeadingSlug.mkdocs(title.slugText))
            }
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node)
            let githubSlug = HeadingSlug.github(explicitHeadingIDs[node]?.githubText ?? slugText(of: node, lines: lines))
            let githubID = github.claim(githubSlug)
            let preferred = preferredID?(level, text)
            var folded: [String] = []
            let id: String
            if let explicit = explicitHeadingIDs[node]?.id {
                // Other generators that read `{#id}` give the heading that id alone.
                id = explicit
            } else {
                id = ids.claim(preferred ?? HeadingSlug.anchor(github: githubSlug))
                let oldSlug = preferred ?? Slug.make(text)
                for form in [older.claim(oldSlug.isEmpty ? "kop" : oldSlug), mkdocs.claimAsMkDocs(HeadingSlug.mkdocs(text))]
                where form != id && form != githubID && !folded.contains(form) {
                    folded.append(form)
                }
            }
            let line = Self.position(of: node).line
            headings.append(Heading(level: level, text: text, id: id, line: line,
                                    column: max(1, Int(cmark_node_get_start_column(node))),
                                    isTopLevel: cmark_node_parent(node) == root,
                                    isUnderlined: cmark_node_get_end_line(node) > cmark_node_get_start_line(node),
                                    githubID: githubID, foldedIDs: folded))

            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            Self.setTags(of: block, level: level, id: id)
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            explicitHeadingIDs[node] = nil
            cmark_node_free(node)
            headingPositions[block] = headingBlocks.count
            headingBlocks.append(block)
            headingTags.append((level, id))
        }
        return headings
    }

    /// The text of a heading as GitHub reads it for its anchor: the text and code of its
    /// inlines (not an image's description), a line break as a line break. Smart punctuation
    /// made `--` a dash, which GitHub does not: a heading whose source has `--` is read again
    /// from its source lines without it.
    func slugText(of node: OpaquePointer, lines: SourceLines?) -> String {
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        if first > 0, let lines, lines.hasDoubleHyphen(from: first, to: last) {
            let plain = MarkdownDocument(lines.text(from: first, to: last), smartPunctuation: false)
            if let heading = plain.nodes().first(where: { cmark_node_get_type($0) == CMARK_NODE_HEADING }) {
                return Self.rawText(of: heading)
            }
        }
        return Self.rawText(of: node)
    }

    /// The source's lines, when it has `--` somewhere (otherwise no heading needs them).
    private func sourceLinesIfDashed() -> SourceLines? {
        zip(source, source.dropFirst()).contains { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") } ? SourceLines(source) : nil
    }

    private static func rawText(of node: OpaquePointer) -> String {
        var text = ""
        var imageDepth = 0
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_IMAGE:
                imageDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if imageDepth == 0, let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if imageDepth == 0 { text += "\n" }
            default:
                break
            }
        }
        return text
    }

    /// Writes the heading tags again with `idPrefix` before every id and every level moved
    /// down by `levelShift` (at most to 6), for rendering the document inside a larger one
    /// (the book); `("", 0)` restores them. Used through `RenderLinks`.
    package func setHeadingTags(idPrefix: String, levelShift: Int) {
        precondition(idPrefix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") },
                     "heading id prefixes are written into raw HTML and may hold only ASCII letters, digits and hyphens")
        for (block, tag) in zip(headingBlocks, headingTags) {
            Self.setTags(of: block, level: min(6, tag.level + levelShift), id: idPrefix + tag.id)
        }
    }

    /// Keeps top-level headings in the text of the heading before them: the document is no longer
    /// cut at them (`renderSegments`, `plainText(afterHeading:)`, `takeLabelledParagraphs`) and
    /// they render as plain `<hN>` inside it, without an id. Used for headings that are text
    /// by a file format's rules, such as an underlined heading in an assessment's reflection.
    public func keepInText(headings indexes: [Int]) {
        for index in indexes where headingBlocks.indices.contains(index) {
            let block = headingBlocks[index]
            headingPositions[block] = nil
            let level = headingTags[index].level
            cmark_node_set_on_enter(block, "<h\(level)>")
            cmark_node_set_on_exit(block, "</h\(level)>")
        }
    }

    private static func setTags(of block: OpaquePointer, level: Int, id: String) {
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLText.escaped(id))\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
    }
}
