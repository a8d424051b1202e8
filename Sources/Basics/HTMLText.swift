/// HTML escaping per byte of UTF-8 (so per Unicode scalar, never per grapheme), for text and
/// attribute values: `&`, `<`, `>`, `"` and `'`. A `"` followed by a combining mark is one
/// Swift `Character`, and is still escaped. Used by the templates' escaper (`HTMLEscape`) and
/// for the heading ids written into raw HTML.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        // Every character that needs escaping is ASCII, so the work is done on UTF-8 bytes:
        // a combining mark after `"` is a byte sequence of its own and cannot hide the quote.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
