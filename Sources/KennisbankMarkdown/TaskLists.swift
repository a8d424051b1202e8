import CCmark
import Foundation

/// List items that start with `[ ]`, `[x]` or `[X]` and a space (GitHub Flavored Markdown's task
/// list items), with a disabled checkbox instead of the marker. The marker is read in the source,
/// so an escaped `\[x]` stays text.
enum TaskLists {
    static func apply(_ texts: inout TextNodes, in document: MarkdownDocument) {
        var lists: [OpaquePointer] = []
        var taskCounts: [OpaquePointer: Int] = [:]
        for item in document.nodes() where cmark_node_get_type(item) == CMARK_NODE_ITEM {
            guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
                  let text = texts.source(of: first), text.literal.count >= 3, text.startsLine,
                  text.literal[0] == 0x5B, text.literal[2] == 0x5D, text.plain[0], text.plain[1], text.plain[2] else { continue }
            let mark = text.literal[1]
            guard mark == 0x20 || mark == 0x78 || mark == 0x58 else { continue }
            // Whitespace (or the end of the line) must follow the marker.
            if text.literal.count > 3 {
                guard text.literal[3] == 0x20 || text.literal[3] == 0x09 else { continue }
            } else if let next = cmark_node_next(first) {
                let type = cmark_node_get_type(next)
                guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { continue }
            }
            let done = mark != 0x20
            guard let box = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(box, boxHTML(done: done, name: done ? MarkdownLabels.github.taskDone : MarkdownLabels.github.taskOpen))
            cmark_node_set_on_exit(box, "")
            cmark_node_insert_before(first, box)
            texts.split(first, into: [.text(3, text.literal.count)])
            document.taskBoxes.append((box, done))
            if let list = cmark_node_parent(item) {
                if taskCounts[list] == nil { lists.append(list) }
                taskCounts[list, default: 0] += 1
            }
        }
        // A list of task items only goes into a `<div class="task-list">`, whose style takes its
        // bullets away (cmark writes `<li>` without a class).
        for list in lists where taskCounts[list] == itemCount(list) {
            guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(wrapper, "<div class=\"task-list\">")
            cmark_node_set_on_exit(wrapper, "</div>")
            cmark_node_insert_before(list, wrapper)
            cmark_node_append_child(wrapper, list)
        }
    }

    private static func itemCount(_ list: OpaquePointer) -> Int {
        var count = 0
        var item = cmark_node_first_child(list)
        while let current = item {
            count += 1
            item = cmark_node_next(current)
        }
        return count
    }

    /// The checkbox: disabled (the page only shows the state), named by its state for screen
    /// readers, and the state also as a mark that prints (see `style.css`).
    static func boxHTML(done: Bool, name: String) -> String {
        "<input type=\"checkbox\" class=\"task\" disabled=\"\"\(done ? " checked=\"\"" : "") aria-label=\"\(MarkdownDocument.escapeHTML(name))\" />"
    }
}
