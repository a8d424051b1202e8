import Mustache
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// HTML escaping per byte of UTF-8 (so per Unicode scalar, never per grapheme).
///
/// swift-mustache's built-in escaper works per `Character`, so a `"` followed by a combining
/// mark forms one grapheme and slips through unescaped, letting text close an attribute.
/// Escaping per scalar closes that hole. Every template is rendered with this escaper.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
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

/// The Mustache content type that escapes with `HTMLEscape`; registered as `SAFEHTML`.
package struct SafeHTMLContentType: MustacheContentType {
    package init() {}

    package static let name = "SAFEHTML"

    package func escapeText(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
