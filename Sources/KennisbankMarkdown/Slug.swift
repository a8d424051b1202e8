import Foundation

/// Turns titles and file names into URL- and id-safe slugs: lower case ASCII letters,
/// digits and single hyphens. Dutch (and other) diacritics are folded: `één` becomes `een`.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        // Canonical decomposition (NFD) turns `é` into `e` + U+0301; the mark is then dropped.
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            for folded in fold(scalar).unicodeScalars {
                if folded.isASCII, folded.properties.isAlphabetic || ("0"..."9").contains(folded) {
                    if pendingHyphen, !result.isEmpty { result.append("-") }
                    pendingHyphen = false
                    result.unicodeScalars.append(contentsOf: String(folded).lowercased().unicodeScalars)
                } else {
                    pendingHyphen = true
                }
            }
        }
        return result
    }

    /// Whether `text` is already a slug (what `make` would return unchanged).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }

    /// Letters that do not decompose into a base letter plus a mark, and apostrophes,
    /// which join words rather than separate them.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "ß": "ss"
        case "æ", "Æ": "ae"
        case "œ", "Œ": "oe"
        case "ø", "Ø": "o"
        case "ĳ", "Ĳ": "ij"
        case "ł", "Ł": "l"
        case "đ", "Đ": "d"
        case "'", "’", "‘": ""
        default: String(scalar)
        }
    }
}
