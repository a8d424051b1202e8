import Diagnostics
import Yams
import SiteFormats

/// Reads `aliases:`, the old addresses of a page (as Hugo writes them: `/oud/pad/`, or relative
/// to the page's folder). Where each one leads in the output is the model's to check
/// (`AliasPages`); here only its form.
package enum PageAliases {
    package static let maximumCount = PageAlias.maximumPerPage

    package static func read(_ fields: YAMLFields, diagnostics: inout DiagnosticList) -> [PageAlias] {
        guard let entry = fields.entry("aliases") else { return [] }
        let expected = "`aliases` must be a list of old addresses of this page, such as `[/oud/adres/]`"
        let nodes: [Node]
        if let sequence = entry.value.sequence {
            nodes = Array(sequence)
        } else if entry.value.scalar != nil {
            nodes = [entry.value]
        } else {
            diagnostics.append(.error(expected, file: fields.file, line: entry.line, column: entry.column))
            return []
        }
        guard nodes.count <= maximumCount else {
            diagnostics.append(.error(
                "`aliases` lists \(nodes.count) addresses, more than the \(maximumCount) a page may have (each becomes a page of its own); keep the ones that are still linked to",
                file: fields.file, line: entry.line, column: entry.column))
            return []
        }
        var aliases: [PageAlias] = []
        for node in nodes {
            let line = fields.fileLine(of: node)
            let column = node.mark?.column ?? entry.column
            guard let text = node.scalar?.string else {
                diagnostics.append(.error(expected, file: fields.file, line: line, column: column))
                continue
            }
            if let problem = formProblem(text) {
                diagnostics.append(.error("the alias `\(text)` \(problem)", file: fields.file, line: line, column: column))
                continue
            }
            aliases.append(PageAlias(written: text, line: line, column: column))
        }
        return aliases
    }

    /// What is wrong with the form of an alias, if anything.
    private static func formProblem(_ text: String) -> String? {
        if text.isEmpty || text == "/" { return "is empty or the site root; write an old address of this page, such as `/oud/adres/`" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" || "?#\\%".unicodeScalars.contains($0) }) {
            return "holds a character an address of a page cannot have here (`?`, `#`, `\\`, `%` or a control character); write the path alone, such as `/oud/adres/`"
        }
        if text.contains("://") || text.hasPrefix("//") {
            return "is a full web address; write the path on this site alone, such as `/oud/adres/`"
        }
        return nil
    }
}
