import Foundation

/// Turns titles and file names into URL- and id-safe slugs: lower case ASCII letters,
/// digits and single hyphens. Dutch (and other) diacritics are folded: `één` becomes `een`.
public enum Slug {
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeFromASCII(text) }
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

    /// `make` for ASCII text, which needs no decomposition or folding (apostrophes aside).
    private static func makeFromASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "'"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            default:
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
