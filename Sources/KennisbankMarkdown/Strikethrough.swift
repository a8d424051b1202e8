import CCmark
import Foundation

/// `~~text~~` and `~text~` as `<del>`, by the rules of GitHub Flavored Markdown's strikethrough
/// extension: a run of one or two unescaped tildes that is left-flanking can open, one that is
/// right-flanking can close (flanking as for `*`, judged on the source), an opener and a closer
/// of different lengths cancel each other, and longer runs stay text. Code spans, autolinks and
/// raw HTML are nodes of their own, so their tildes are never delimiters.
enum Strikethrough {
    static func apply(_ texts: inout TextNodes, in document: MarkdownDocument) {
        var containers: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        for node in document.nodes() where cmark_node_get_type(node) == CMARK_NODE_TEXT {
            guard let parent = cmark_node_parent(node), let text = texts.source(of: node), text.literal.contains(0x7E) else { continue }
            if seen.insert(parent).inserted { containers.append(parent) }
        }
        for container in containers { apply(&texts, container: container) }
    }

    /// A run of tildes that may open or close.
    private struct Delimiter {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
        var previous: Int
        var next: Int
    }

    private static func apply(_ texts: inout TextNodes, container: OpaquePointer) {
        // Each delimiter run becomes a text node of its own.
        var delimiters: [Delimiter] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let text = texts.source(of: node), text.literal.contains(0x7E) else { continue }
            let runs = delimiterRuns(text)
            guard !runs.isEmpty else { continue }
            var pieces: [TextNodes.Piece] = []
            var copied = 0
            for run in runs {
                pieces.append(.text(copied, run.start))
                pieces.append(.text(run.start, run.start + run.length))
                copied = run.start + run.length
            }
            pieces.append(.text(copied, text.literal.count))
            let created = texts.split(node, into: pieces)
            for (number, run) in runs.enumerated() {
                // Pieces alternate: text before the run, then the run itself.
                guard created.indices.contains(2 * number + 1), let runNode = created[2 * number + 1] else { continue }
                delimiters.append(Delimiter(node: runNode, length: run.length, canOpen: run.canOpen, canClose: run.canClose,
                                            previous: delimiters.count - 1, next: delimiters.count + 1))
            }
        }
        guard !delimiters.isEmpty else { return }
        delimiters[delimiters.count - 1].next = -1
        var removed = [Bool](repeating: false, count: delimiters.count)
        func remove(_ index: Int) {
            removed[index] = true
            let (previous, next) = (delimiters[index].previous, delimiters[index].next)
            if previous >= 0 { delimiters[previous].next = next }
            if next >= 0 { delimiters[next].previous = previous }
        }
        // cmark's process_emphasis, for tildes alone: closers left to right, each looking back for
        // the nearest opener above the lower bound kept per length modulo 3.
        var openersBottom = [-1, -1, -1]
        var closer = 0
        while closer >= 0 {
            let current = delimiters[closer]
            guard current.canClose else {
                closer = current.next
                continue
            }
            var opener = current.previous
            var found = false
            while opener >= 0 && opener != openersBottom[current.length % 3] {
                let candidate = delimiters[opener]
                if candidate.canOpen && (!(current.canOpen || candidate.canClose) || current.length % 3 == 0
                    || (candidate.length + current.length) % 3 != 0) {
                    found = true
                    break
                }
                opener = candidate.previous
            }
            if found {
                let next = current.next
                if delimiters[opener].length == current.length {
                    wrap(from: delimiters[opener].node, to: current.node, texts: &texts)
                }
                var index = closer
                while index >= 0 && index != opener {
                    let previous = delimiters[index].previous
                    remove(index)
                    index = previous
                }
                remove(opener)
                closer = next
            } else {
                let next = current.next
                openersBottom[current.length % 3] = current.previous
                if !current.canOpen { remove(closer) }
                closer = next
            }
        }
    }

    /// Puts the siblings between two delimiter nodes into a `<del>` and removes the delimiters.
    private static func wrap(from opener: OpaquePointer, to closer: OpaquePointer, texts: inout TextNodes) {
        guard let deleted = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(deleted, "<del>")
        cmark_node_set_on_exit(deleted, "</del>")
        cmark_node_insert_before(opener, deleted)
        while let next = cmark_node_next(opener), next != closer {
            cmark_node_append_child(deleted, next)
        }
        for node in [opener, closer] {
            texts.remove(node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private struct Run {
        var start: Int
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// The runs of one or two unescaped tildes in a text that are left- or right-flanking.
    private static func delimiterRuns(_ text: TextSource) -> [Run] {
        var runs: [Run] = []
        let literal = text.literal
        var index = 0
        while index < literal.count {
            guard literal[index] == 0x7E, text.plain[index] else {
                index += 1
                continue
            }
            var end = index
            while end < literal.count, literal[end] == 0x7E, text.plain[end] { end += 1 }
            defer { index = end }
            let length = end - index
            guard length <= 2, let start = text.sourceOffset(index), let stop = text.sourceOffset(end) else { continue }
            let before = text.scalar(before: start, atTextStart: index == 0)
            let after = text.scalar(at: stop, atTextEnd: end == literal.count)
            let leftFlanking = !TextSource.isSpace(after)
                && (!TextSource.isPunctuation(after) || TextSource.isSpace(before) || TextSource.isPunctuation(before))
            let rightFlanking = !TextSource.isSpace(before)
                && (!TextSource.isPunctuation(before) || TextSource.isSpace(after) || TextSource.isPunctuation(after))
            if leftFlanking || rightFlanking {
                runs.append(Run(start: index, length: length, canOpen: leftFlanking, canClose: rightFlanking))
            }
        }
        return runs
    }
}
