import Foundation
import Kader
import KennisbankLoad
import SiteFormats

/// What the browser form (`static/invullen.js`) gets as data in its page: the assessment format
/// (`AssessmentFormat.description`, with each status's shape), its interface words (the `fill`
/// table of the strings file) and the names it shows for the format's statuses, roles,
/// visibilities and plan fields in the site's language, the kader's parts and indicators (for
/// the pages that show a result or an overview), and where a page saves a self-contained copy
/// of what it shows, the stylesheet that copy carries, as JSON in a
/// `<script type="application/json">` element. The scripts hold no copy of any of them.
package enum FillData {
    /// The id of the element that carries the data.
    package static let elementID = "kb-invuldata"

    private struct Payload: Encodable {
        var format: AssessmentFormat.Description
        var symbols: [String: String]
        var labels: JSONValue
        /// The tables of `ScriptStrings.sharedTables`, by name.
        var words: [String: JSONValue]
        var names: Names
        var kader: KaderData
        var styles: String?
        var published: Published?
    }

    /// Where the site publishes a self-evaluation: its address (`base_url`, if set) and the
    /// folder of the assessments' pages, relative to the site root (`zelfevaluaties/`).
    package struct Published: Encodable, Sendable {
        package var baseURL: String?
        package var assessments: String

        package init(baseURL: String?, assessments: String) {
            self.baseURL = baseURL
            self.assessments = assessments
        }
    }

    /// The kader as the scripts show it: its version, and its parts with their indicators in
    /// the kader's order, each with the anchor its page and the generated pages give it.
    private struct KaderData: Encodable {
        struct Part: Encodable {
            var id: String
            var number: Int
            var title: String
            var indicators: [Item]
        }
        struct Item: Encodable {
            var id: String
            var title: String
            var anchor: String
        }
        var version: String
        var parts: [Part]

        init(_ kader: Kader) {
            version = kader.version
            parts = kader.parts.map { part in
                Part(id: part.id.description, number: part.id.number, title: part.title,
                     indicators: part.indicators.map { Item(id: $0.id.description, title: $0.title, anchor: $0.id.anchor) })
            }
        }
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
    /// `styles`: the stylesheet of the self-contained copy a page saves, if it saves one;
    /// `published`: where the site publishes the self-evaluation a page makes.
    package static func json(strings: InterfaceStrings, kader: Kader, styles: String? = nil, published: Published? = nil) -> String {
        let payload = Payload(format: AssessmentFormat.description,
                              symbols: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, $0.symbol) }),
                              labels: JSONValue(strings.value("fill") ?? .table([:])),
                              words: Dictionary(uniqueKeysWithValues: ScriptStrings.sharedTables.compactMap { name in
                                  strings.value(name).map { (name, JSONValue($0)) }
                              }),
                              names: names(strings), kader: KaderData(kader), styles: styles, published: published)
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
