import Diagnostics

/// The templates a template includes (`{{> partial}}`) or extends (`{{< parent}}`), found in its
/// text, and the checks that keep template rendering finite and the escaping fixed.
///
/// The templates are rendered by swift-mustache, which follows inclusions without a depth limit:
/// a template that includes itself, directly or through others, recursed until the stack ran
/// out (a crash). No shipped template needs recursion (nested navigation is put together in
/// Swift), so any cycle of inclusions is an error. Changing the tag delimiters (`{{=<% %>=}}`)
/// and dynamic partials (`{{>*name}}`) would hide inclusions from this scan and are errors too.
package struct TemplateInclusions {
    /// One `{{>` or `{{<` tag: the template it names and where it stands.
    package struct Inclusion {
        package var name: String
        package var line: Int
        package var column: Int
    }

    /// A problem of one template's tags, with its position.
    package struct Problem {
        package var message: String
        package var line: Int
        package var column: Int
    }

    package var inclusions: [Inclusion] = []
    package var problems: [Problem] = []

    /// Scans `text` for its tags. Lines and columns count from 1 (columns in characters).
    package init(text: String) {
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let tagLine = line, tagColumn = column
                var inner = text.index(index, offsetBy: 2)
                if inner < text.endIndex, text[inner] == "{" { inner = text.index(after: inner) }
                let kind = inner < text.endIndex ? text[inner] : " "
                let close = text[inner...].range(of: "}}")
                let body = text[inner..<(close?.lowerBound ?? text.endIndex)]
                switch kind {
                case ">", "<":
                    let name = body.dropFirst().trimmingCharacters(in: .whitespaces)
                    if name.hasPrefix("*") {
                        problems.append(Problem(message: "dynamic partials (`{{>*name}}`) are not allowed in templates; name the partial",
                                                line: tagLine, column: tagColumn))
                    } else if !name.isEmpty {
                        inclusions.append(Inclusion(name: name, line: tagLine, column: tagColumn))
                    }
                case "=":
                    problems.append(Problem(message: "templates may not change the tag delimiters (`{{=` ... `=}}`); keep `{{` and `}}`",
                                            line: tagLine, column: tagColumn))
                default:
                    break
                }
                // Move past the tag, counting its lines.
                let end = close?.upperBound ?? text.endIndex
                while index < end {
                    if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                    index = text.index(after: index)
                }
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
    }

    /// Every cycle of inclusions among `templates` (by template name), reported at the tag that
    /// closes it, with the chain of names.
    package static func cycles(_ templates: [String: (display: String, inclusions: [Inclusion])]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [String] = []
        var reported = Set<String>()
        func visit(_ name: String) {
            state[name] = false
            path.append(name)
            for inclusion in templates[name]?.inclusions ?? [] where templates[inclusion.name] != nil {
                switch state[inclusion.name] {
                case .none:
                    visit(inclusion.name)
                case .some(false):
                    // The cycle, told from the template whose tag closes it.
                    let nodes = Array(path[(path.firstIndex(of: inclusion.name) ?? 0)...])
                    let chain = ([name] + nodes.dropLast() + [name]).joined(separator: " → ")
                    if reported.insert(chain).inserted, let display = templates[name]?.display {
                        diagnostics.append(.error(
                            "this template includes itself (\(chain)), which would never end; remove this inclusion",
                            file: display, line: inclusion.line, column: inclusion.column))
                    }
                case .some(true):
                    break
                }
            }
            path.removeLast()
            state[name] = true
        }
        for name in templates.keys.sorted() where state[name] == nil { visit(name) }
        return diagnostics
    }
}
