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
        HTMLText.escaped(text)
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
