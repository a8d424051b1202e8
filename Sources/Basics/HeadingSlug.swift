import Foundation

/// The anchors other tools give a heading, so that a link written for one of them works here:
/// GitHub's (which the site writes) and the ASCII-folded one of MkDocs (accepted with a warning).
/// Page addresses keep `Slug.make`.
public enum HeadingSlug {
    /// The start of every id the generator writes itself (`kb-inhoud`, `kb-toc` ...); no
    /// heading's anchor starts with it (see `anchor(github:)`), so none can collide with them.
    public static let generatorPrefix = "kb-"

    /// The id the site gives a heading whose GitHub anchor (before numbering) is `github`: the
    /// same, except that an empty one (a heading of only signs) becomes `kop`, and one that
    /// starts with `kb-` gets `kop-` before it (`kb-x` becomes `kop-kb-x`).
    public static func anchor(github: String) -> String {
        if github.isEmpty { return "kop" }
        return github.hasPrefix(generatorPrefix) ? "kop-" + github : github
    }

    /// GitHub's anchor for a heading's text, before repeats are numbered (github-slugger's rule):
    /// lower case; every character removed that is not a letter, a mark, a decimal or letter
    /// number, connector punctuation (`_`), `-` or a space (so other numbers, all other
    /// punctuation, symbols and emoji, control and format characters, unassigned code points and
    /// other separators go, except alphabetic symbols such as `Ⓐ`); then each space becomes `-`,
    /// without collapsing or trimming. `Één vraag: wat?` gives `één-vraag-wat`.
    public static func github(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || isKeptByGitHub(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether GitHub keeps `scalar` in an anchor: a letter, mark, decimal or letter number,
    /// connector punctuation, or another alphabetic character.
    public static func isKeptByGitHub(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation:
            true
        default:
            scalar.properties.isAlphabetic
        }
    }

    /// MkDocs' default anchor (Python-Markdown's `toc` slugify): the text folded to ASCII
    /// (accents dropped, other letters removed), everything but letters, digits, `_`, `-` and
    /// white space removed, trimmed, lower case, and each run of hyphens and white space one `-`.
    public static func mkdocs(_ text: String) -> String {
        var kept: [UInt8] = []
        // NFKD splits `é` into `e` and a combining mark; what is not ASCII then is dropped.
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where scalar.isASCII {
            let byte = UInt8(scalar.value)
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                kept.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                kept.append(byte | 0x20)
            case UInt8(ascii: " "), 0x09...0x0D:
                kept.append(UInt8(ascii: " "))
            default:
                continue
            }
        }
        // Trimmed of white space (not of hyphens), then each run of `-` and spaces one `-`.
        while kept.last == UInt8(ascii: " ") { kept.removeLast() }
        var result: [UInt8] = []
        var inRun = false
        for byte in kept.drop(while: { $0 == UInt8(ascii: " ") }) {
            let separates = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")
            if separates {
                if !inRun { result.append(UInt8(ascii: "-")) }
            } else {
                result.append(byte)
            }
            inRun = separates
        }
        return String(decoding: result, as: UTF8.self)
    }
}
