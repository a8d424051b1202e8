import Foundation
import Kader
import SiteFormats

/// What the browser form (`static/invullen.js`) gets as data in its page: the assessment format
/// (`AssessmentFormat.description`, with each status's shape) and its interface words (the
/// `fill` table of the strings file), as JSON in a `<script type="application/json">` element.
/// The script holds no copy of either.
package enum FillData {
    /// The id of the element that carries the data.
    package static let elementID = "kb-invuldata"

    private struct Payload: Encodable {
        var format: AssessmentFormat.Description
        var symbols: [String: String]
        var labels: JSONValue
    }

    /// The JSON text, safe inside a `<script>` element (`<`, `>`, `&` and the line separators
    /// are written as `\u` escapes, so no text in it can end the element).
    package static func json(strings: InterfaceStrings) -> String {
        let payload = Payload(format: AssessmentFormat.description,
                              symbols: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, $0.symbol) }),
                              labels: JSONValue(strings.value("fill") ?? .table([:])))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped += "\\u003c"
            case ">": escaped += "\\u003e"
            case "&": escaped += "\\u0026"
            case "\u{2028}": escaped += "\\u2028"
            case "\u{2029}": escaped += "\\u2029"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A value of the strings file as JSON.
    private enum JSONValue: Encodable {
        case text(String), list([String]), object([String: JSONValue])

        init(_ value: InterfaceStrings.Value) {
            switch value {
            case .text(let text): self = .text(text)
            case .list(let list): self = .list(list)
            case .plural(let one, let other): self = .object(["one": .text(one), "other": .text(other)])
            case .table(let table): self = .object(table.mapValues(JSONValue.init))
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .list(let list): try container.encode(list)
            case .object(let object): try container.encode(object)
            }
        }
    }
}
