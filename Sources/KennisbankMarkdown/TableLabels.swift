import CCmark
import Foundation

extension MarkdownDocument {
    /// Names each table's scrolling region for screen readers: `word` (the site's word for a
    /// table, such as "Tabel") and the table's first header cell, with a number when two
    /// tables of the document would have the same name. The name is escaped per UTF-8 byte,
    /// as it goes into the region's tag.
    package func setTableLabels(_ word: String) {
        guard !tableRegions.isEmpty, word != tableLabelWord else { return }
        tableLabelWord = word
        var seen: [String: Int] = [:]
        for (region, name) in tableRegions {
            var label = name.isEmpty ? word : "\(word): \(name)"
            let count = (seen[label] ?? 0) + 1
            seen[label] = count
            if count > 1 { label += " (\(count))" }
            cmark_node_set_on_enter(region, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(Self.escapedAttribute(label))\"><table>")
        }
    }

    /// `text` for an attribute value: `&`, `<`, `>`, `"` and `'` as references, control
    /// characters left out. Works per byte, never per `Character`.
    private static func escapedAttribute(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
            case 0..<0x20, 0x7F: continue
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line and column in the parsed text of a node: for nodes inside a table (parsed in
    /// the document of cells) the place of the cell in the page, for others cmark's own.
    package func sourcePosition(of node: OpaquePointer) -> (line: Int, column: Int) {
        if !reparsedOrigins.isEmpty {
            var current: OpaquePointer? = node
            var positioned: OpaquePointer?
            while let candidate = current {
                if positioned == nil, cmark_node_get_start_line(candidate) > 0 { positioned = candidate }
                if let origin = reparsedOrigins[candidate] {
                    guard let positioned else { return origin.map(line: origin.firstLine, column: 1) }
                    return origin.map(line: Int(cmark_node_get_start_line(positioned)), column: Int(cmark_node_get_start_column(positioned)))
                }
                current = cmark_node_parent(candidate)
            }
        }
        return Self.position(of: node)
    }
}
