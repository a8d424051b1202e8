import Mustache

/// HTML escaping per Unicode scalar.
///
/// swift-mustache's built-in escaper works per `Character`, so a `"` followed by a combining
/// mark forms one grapheme and slips through unescaped, letting text close an attribute.
/// Escaping per scalar closes that hole. Every template is rendered with this escaper.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}

/// The Mustache content type that escapes with `HTMLEscape`; registered as `SAFEHTML`.
struct SafeHTMLContentType: MustacheContentType {
    static let name = "SAFEHTML"

    func escapeText(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
