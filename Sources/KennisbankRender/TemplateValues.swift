import Mustache
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// Template values in the shapes swift-mustache handles with the fewest runtime casts.
///
/// Contexts are built as `[String: Any]`; before rendering, `TemplateValues.prepare` turns
/// every dictionary into an `Object`, every string into a `Text` and every `Int` into a
/// `Number`. Each `{{name}}` then costs fewer dynamic casts (a string is recognised as
/// `MustacheCustomRenderable` at once instead of after three failed casts and
/// `String(describing:)`); measured on a page of 83 assessment indicators: 27 µs → 21 µs per
/// indicator, preparation included. What a template can do with a value stays the same:
/// transforms such as `lowercased(title)`, `plusone(count)` or `count(items)` are handed on to
/// the string, number or dictionary inside.
package enum TemplateValues {
    package static func prepare(_ value: Any) -> Any {
        switch value {
        case let string as String:
            return Text(renderText: string)
        case let number as Int:
            return Number(value: number)
        case let dictionary as [String: Any]:
            return Object(values: dictionary.mapValues(prepare))
        case let objects as [[String: Any]]:
            return objects.map { Object(values: $0.mapValues(prepare)) }
        default:
            // Arrays of strings or numbers stay as they are, so `sorted(...)` still works on
            // them; prepared values (`Text`, `Object`, `[Object]`) are taken as they are.
            if type(of: value) == [Any].self, let values = value as? [Any] { return values.map(prepare) }
            return value
        }
    }

    /// A string to show; escaped by the template unless it is put in `{{{...}}}`.
    ///
    /// Inside a section over a string (`{{#url}}...{{/url}}`) a name is first looked up in the
    /// string itself, where it never is; as a `MustacheParent` that says so at once, where a
    /// plain string is searched through reflection (`Mirror`) each time.
    package struct Text: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable {
        package let renderText: String
        package var isNull: Bool { false }
        package func transform(_ name: String) -> Any? { renderText.transform(name) }
        package func child(named name: String) -> Any? { nil }
    }

    /// A whole number to show (a count, a coordinate); its transforms (`plusone(index)` ...) are
    /// those of `Int`.
    package struct Number: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
        package let value: Int
        package var renderText: String { String(value) }
        package var isNull: Bool { false }
        package func transform(_ name: String) -> Any? { value.transform(name) }
        package func child(named name: String) -> Any? { nil }
    }

    /// A dictionary of values, looked up by name.
    package struct Object: MustacheParent, MustacheTransformable {
        package let values: [String: Any]
        package func child(named name: String) -> Any? { values[name] }
        package func transform(_ name: String) -> Any? { values.transform(name) }
    }
}
