import CCmark
import Foundation

/// The five kinds of GitHub's alerts (`> [!NOTE]` ...), shown as callouts.
public enum CalloutKind: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution

    /// The marker as GitHub documents it, such as `[!NOTE]`.
    public var marker: String { "[!\(rawValue.uppercased())]" }
}

/// The words the extensions write into a page: the callouts' titles and the task boxes'
/// accessible names, in the site's language (the render stage fills them in from the strings
/// file with `MarkdownDocument.setLabels`, so the document itself stays language-free).
public struct MarkdownLabels: Sendable, Equatable {
    public var callouts: [CalloutKind: String]
    public var taskDone: String
    public var taskOpen: String

    public init(callouts: [CalloutKind: String], taskDone: String, taskOpen: String) {
        self.callouts = callouts
        self.taskDone = taskDone
        self.taskOpen = taskOpen
    }

    /// GitHub's own words, until the site's are set.
    public static let github = MarkdownLabels(
        callouts: [.note: "Note", .tip: "Tip", .important: "Important", .warning: "Warning", .caution: "Caution"],
        taskDone: "Done", taskOpen: "To do")
}

extension MarkdownDocument {
    /// Writes the callouts' titles and the task boxes' names with `labels`.
    public func setLabels(_ labels: MarkdownLabels) {
        for (block, kind) in callouts {
            cmark_node_set_on_enter(block, Callouts.openingHTML(kind, title: labels.callouts[kind] ?? kind.rawValue))
        }
        for (box, done) in taskBoxes {
            cmark_node_set_on_enter(box, TaskLists.boxHTML(done: done, name: done ? labels.taskDone : labels.taskOpen))
        }
    }

    /// Text for raw HTML that the extensions write: every character that could end an attribute
    /// or start a tag is escaped, per byte.
    static func escapeHTML(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x27: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
