import Foundation
import KennisbankMarkdown
import Testing

/// One example of the GFM fixture: Markdown and the HTML cmark-gfm gives for it.
struct GFMExample: CustomTestStringConvertible {
    var tags: String
    var line: Int
    var markdown: String
    var html: String

    var testDescription: String { "\(tags) at line \(line) of gfm-inline.txt" }

    /// The examples of `Fixtures/gfm-inline.txt` (in the spec's own format).
    static let all: [GFMExample] = {
        let fence = String(repeating: "`", count: 32)
        let url = repositoryRoot.appendingPathComponent("Tests/KennisbankTests/Fixtures/gfm-inline.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [GFMExample] = []
        var current: (tags: String, line: Int, lines: [String])?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix(fence + " example ") {
                current = (String(line.dropFirst(fence.count + 9)), number + 1, [])
            } else if line == fence, let open = current {
                let split = open.lines.firstIndex(of: ".") ?? open.lines.count
                examples.append(GFMExample(tags: open.tags, line: open.line,
                                           markdown: open.lines[..<split].map { $0 + "\n" }.joined(),
                                           html: open.lines[min(split + 1, open.lines.count)...].map { $0 + "\n" }.joined()))
                current = nil
            } else {
                current?.lines.append(line)
            }
        }
        return examples
    }()
}

/// HTML compared as a reader sees it: attributes in one order (without the ones the site adds
/// for its styles and screen readers, `class` and `aria-label`), `<x />` as `<x>`, and runs of
/// whitespace, and whitespace between tags, made one.
func normalisedHTML(_ html: String) -> String {
    var output = ""
    var index = html.startIndex
    while index < html.endIndex {
        let character = html[index]
        if character == "<", let close = html[index...].firstIndex(of: ">") {
            output += normalisedTag(String(html[html.index(after: index)..<close]))
            index = html.index(after: close)
        } else if character.isWhitespace {
            var end = index
            while end < html.endIndex, html[end].isWhitespace { end = html.index(after: end) }
            output += " "
            index = end
        } else {
            output.append(character)
            index = html.index(after: index)
        }
    }
    return output.replacingOccurrences(of: "> <", with: "><").trimmingCharacters(in: .whitespaces)
}

private func normalisedTag(_ inside: String) -> String {
    var text = inside.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasSuffix("/") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
    guard !text.hasPrefix("/"), !text.hasPrefix("!"), let space = text.firstIndex(where: \.isWhitespace) else { return "<\(text)>" }
    let name = String(text[..<space])
    var attributes: [String] = []
    var rest = text[space...].drop(while: \.isWhitespace)
    while !rest.isEmpty {
        let nameEnd = rest.firstIndex(where: { $0 == "=" || $0.isWhitespace }) ?? rest.endIndex
        let attribute = String(rest[..<nameEnd])
        rest = rest[nameEnd...]
        var value = ""
        if rest.first == "=" {
            rest = rest.dropFirst()
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: quote) ?? body.endIndex
                value = String(body[..<end])
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            } else {
                let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...]
            }
        }
        rest = rest.drop(while: \.isWhitespace)
        if attribute != "class" && attribute != "aria-label" { attributes.append("\(attribute)=\"\(value)\"") }
    }
    return "<" + ([name] + attributes.sorted()).joined(separator: " ") + ">"
}

/// Markdown through the extensions and cmark's HTML renderer, as the spec's examples are (no
/// smart punctuation, raw HTML kept).
func gfmHTML(_ markdown: String, smart: Bool = false) -> String {
    let document = MarkdownDocument(markdown, smartPunctuation: smart)
    _ = document.applyExtensions()
    return document.renderHTML(allowRawHTML: true)
}

@Suite("GFM strikethrough, autolinks, task lists and callouts")
struct GFMInlineTests {
    @Test func theFixtureHoldsEveryExample() {
        let tags = GFMExample.all.map(\.tags)
        #expect(tags.filter { $0.hasPrefix("spec strikethrough") }.count == 2)
        #expect(tags.filter { $0.hasPrefix("spec autolink") }.count == 11)
        #expect(tags.filter { $0.hasPrefix("extensions") }.count == 9)
    }

    @Test(arguments: GFMExample.all)
    func specExample(_ example: GFMExample) {
        let html = gfmHTML(example.markdown)
        guard example.html != "<IGNORE>\n" else { return }
        #expect(normalisedHTML(html) == normalisedHTML(example.html), "\(example.markdown)")
    }
}

