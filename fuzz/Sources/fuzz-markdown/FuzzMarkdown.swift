import FuzzSupport
import Foundation
import KennisbankMarkdown

/// The Markdown of a knowledge page on its own: parsed, with the extensions beyond CommonMark
/// (GFM tables ...) applied, heading anchors assigned and rendered as the site renders it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    // The loader refuses text that is not UTF-8 before cmark sees it.
    guard let text = String(data: FuzzCheck.data(start, count), encoding: .utf8) else { return 0 }
    let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    let document = MarkdownDocument(text)
    for problem in document.applyExtensions() {
        precondition(!problem.message.isEmpty, "a problem without a message")
        precondition(problem.line >= 1 && problem.line <= lines && problem.column >= 1, "problem outside the input: \(problem)")
    }
    document.assignHeadingAnchors()
    for link in document.links() {
        precondition(link.line >= 1 && link.line <= lines && link.column >= 1, "link outside the input: \(link)")
    }
    let html = document.renderHTML(links: RenderLinks(tableLabel: "Tabel"))
    FuzzMarkdownChecks.tagsAreBalanced(html)
    FuzzMarkdownChecks.onlyKnownTags(html)
    precondition(document.renderHTML(links: RenderLinks(tableLabel: "Tabel")) == html, "a second rendering differs")
    return 0
}

/// The invariants of rendered Markdown in safe mode: raw HTML is dropped, so every tag in the
/// output is one the renderer wrote, and the table's tags come in pairs.
enum FuzzMarkdownChecks {
    static let paired = ["table", "thead", "tbody", "tr", "th", "td", "div", "blockquote", "ul", "ol", "li", "p", "em", "strong", "a", "code", "pre",
                         // Strikethrough, bare URLs and callouts (with their symbol).
                         "del", "span", "svg"]
    /// Tags that stand alone: a callout symbol's shapes and a task's checkbox among them.
    static let known = Set(paired + ["h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "img", "path", "circle", "input"])

    static func tagsAreBalanced(_ html: String) {
        for name in paired {
            let opened = count("<\(name)>", in: html) + count("<\(name) ", in: html)
            let closed = count("</\(name)>", in: html)
            precondition(opened == closed, "\(opened) <\(name)> against \(closed) </\(name)>")
        }
    }

    /// Every `<` starts a known tag or cmark's `<!-- raw HTML omitted -->`; text is escaped.
    static func onlyKnownTags(_ html: String) {
        let bytes = Array(html.utf8)
        let comment = Array("<!-- raw HTML omitted -->".utf8)
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            if bytes[index...].starts(with: comment) { continue }
            var end = index + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "/") { end += 1 }
            let nameStart = end
            while end < bytes.count, (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z")) || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9")) { end += 1 }
            let name = String(decoding: bytes[nameStart..<end], as: UTF8.self)
            precondition(known.contains(name), "unexpected `<` in the output at byte \(index): \(String(decoding: bytes[index..<min(bytes.count, index + 40)], as: UTF8.self))")
        }
    }

    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }
}
