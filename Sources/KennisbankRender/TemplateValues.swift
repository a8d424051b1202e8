import Mustache

/// Template values in the shapes swift-mustache handles with the fewest runtime casts: the
/// typed values (`TypedContext`) answer with these.
///
/// A string is a `Text` and an `Int` a `Number`, so each `{{name}}` costs few dynamic casts (a
/// `Text` is recognised as `MustacheCustomRenderable` at once instead of after three failed
/// casts and `String(describing:)`); measured on a page of 83 assessment indicators with the
/// dictionaries of before: 27 µs → 21 µs per indicator. What a template can do with a value
/// stays that of the string or number inside: transforms such as `lowercased(title)` or
/// `plusone(count)` are handed on to it.
package enum TemplateValues {
    /// A string to show; escaped by the template unless it is put in `{{{...}}}`.
    ///
    /// Inside a section over a string (`{{#url}}...{{/url}}`) a name is first looked up in the
    /// string itself, where it never is; as a `MustacheParent` that says so at once, where a
    /// plain string is searched through reflection (`Mirror`) each time.
    ///
    /// Texts compare as their strings do, so that `sorted(names)` works on a list of them.
    package struct Text: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable, Comparable {
        package let renderText: String
        package static func < (lhs: Text, rhs: Text) -> Bool { lhs.renderText < rhs.renderText }
        package var isNull: Bool { false }
        package func transform(_ name: String) -> Any? { renderText.transform(name) }
        package func child(named name: String) -> Any? { nil }
    }

    /// A whole number to show (a count, a coordinate); its transforms (`plusone(index)` ...) are
    /// those of `Int`.
    package struct Number: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable {
        package let value: Int
        package var renderText: String { String(value) }
        package var isNull: Bool { false }
        package func transform(_ name: String) -> Any? { value.transform(name) }
        package func child(named name: String) -> Any? { nil }
    }
}
