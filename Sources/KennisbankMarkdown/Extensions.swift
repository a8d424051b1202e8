import CCmark
import Foundation
import Basics

/// A problem an extension found in the Markdown source, at a 1-based line and column of the
/// text given to the parser. The loader turns it into a diagnostic of the file.
public struct MarkdownProblem: Sendable, Hashable {
    public enum Severity: Sendable, Hashable { case warning, error }
    public var severity: Severity
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ severity: Severity, _ message: String, line: Int, column: Int) {
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
    }
}

extension MarkdownDocument {
    /// Applies the extensions beyond CommonMark that knowledge pages use (GitHub Flavored
    /// Markdown and GitHub's alerts), each built on cmark's tree and source positions, and
    /// returns what they found. Call once, right after parsing and before `assignHeadingAnchors`.
    public func applyExtensions() -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        // Tables first: the other extensions then find the cells' inline nodes in the tree.
        problems += buildTables()
        // GitHub's inline extensions and alerts, in the order cmark-gfm sees them: the blocks
        // first, then bare URLs (which take their tildes with them), strikethrough, e-mail addresses.
        var texts = TextNodes(document: self)
        problems += ForeignSyntax.notices(texts, in: self)
        problems += Callouts.apply(&texts, in: self)
        TaskLists.apply(&texts, in: self)
        Autolinks.linkURLs(&texts, in: self)
        Strikethrough.apply(&texts, in: self)
        Autolinks.linkEmails(&texts, in: self)
        return problems
    }
}
