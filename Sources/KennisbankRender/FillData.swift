import Foundation
import Kader
import SiteFormats

/// What the browser form (`static/invullen.js`) gets as data in its page: the assessment format
/// (`AssessmentFormat.description`, with each status's shape), its interface words (the `fill`
/// table of the strings file) and the names it shows for the format's statuses, roles,
/// visibilities and plan fields in the site's language, as JSON in a
/// `<script type="application/json">` element. The script holds no copy of any of them.
package enum FillData {
    /// The id of the element that carries the data.
    package static let elementID = "kb-invuldata"

    private struct Payload: Encodable {
        var format: AssessmentFormat.Description
        var symbols: [String: String]
        var labels: JSONValue
        var names: Names
    }

    /// The names the form shows for the choices the file writes in the format's own words.
    private struct Names: Encodable {
        var statuses: [String: String]
        var roles: [String: String]
        var visibilities: [String: String]
        var planFields: [String: String]
    }

    /// The JSON text, safe inside a `<script>` element (`<`, `>`, `&` and the line separators
    /// are written as `\u` escapes, so no text in it can end the element).
    package static func json(strings: InterfaceStrings) -> String {
        let payload = Payload(format: AssessmentFormat.description,
                              symbols: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, $0.symbol) }),
                              labels: JSONValue(strings.value("fill") ?? .table([:])),
                              names: names(strings))
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

    private static func names(_ strings: InterfaceStrings) -> Names {
        Names(
            statuses: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, strings.label($0)) }),
            roles: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.rawValue, strings.label($0)) }),
            visibilities: Dictionary(uniqueKeysWithValues: Visibility.allCases.map { ($0.rawValue, strings.text("visibility.\($0.rawValue)")) }),
            // The plan's fields have the names of their keys in the strings file (`assessment.plan.who`).
            planFields: Dictionary(uniqueKeysWithValues: AssessmentFormat.PlanField.allCases.map { ("\($0)", strings.text("assessment.plan.\($0)")) }))
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
