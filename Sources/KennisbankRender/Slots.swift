import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics
/// Place holders for text that a template should show unchanged and unescaped (rendered page
/// bodies, an indicator's reflection): a template is rendered once with markers in their place,
/// and the text goes in afterwards. The output of the template is then reused (the indicator
/// blocks) or never joined into one string (the book).
///
/// A marker is two noncharacters (U+FFFF) around an apostrophe, two letters of different case
/// and a number: escaping changes the apostrophe and `lowercased`, `uppercased`, `capitalized`
/// or `reversed` change the letters, so a marker that a template escaped or transformed is not
/// taken for one, and the caller renders with the real text instead.
package enum Slots {
    package static func marker(_ number: Int) -> String { "\u{FFFF}'kB\(number)\u{FFFF}" }

    /// A piece of a template's output: text as rendered, or the place of slot `number`.
    package enum Piece: Sendable {
        case text(String)
        case slot(Int)
    }

    /// Cuts `output` at its markers; nil when something between two U+FFFF is not an unchanged
    /// marker of one of `count` slots.
    package static func cut(_ output: String, slots count: Int) -> [Piece]? {
        var output = output
        return output.withUTF8 { bytes -> [Piece]? in
            // U+FFFF is EF BF BF in UTF-8.
            var pieces: [Piece] = []
            var start = 0
            var index = 0
            var inMarker = false
            while index + 2 < bytes.count {
                guard bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBF else {
                    index += 1
                    continue
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if inMarker {
                    guard text.hasPrefix("'kB"), let number = Int(text.dropFirst(3)), (0..<count).contains(number) else { return nil }
                    pieces.append(.slot(number))
                } else if !text.isEmpty {
                    pieces.append(.text(text))
                }
                inMarker.toggle()
                index += 3
                start = index
            }
            guard !inMarker else { return nil }
            if start < bytes.count {
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)))
            }
            return pieces
        }
    }

    /// The output with the texts put into their slots.
    package static func fill(_ pieces: [Piece], with texts: [String]) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .slot(let number): result += texts[number]
            }
        }
        return result
    }
}
