import Kader

/// The interface words of the site in one language, from `templates/strings/LANGUAGE.yml`:
/// what templates show as `{{strings.KEY}}` and what the generator writes itself (titles of
/// generated pages, labels of bars, dates). A value is a text with `{name}` placeholders, a list
/// of texts, a plural (`one:` and `other:`), or a table of further keys.
public struct InterfaceStrings: Sendable, Equatable {
    /// One value of the strings file.
    public indirect enum Value: Sendable, Equatable {
        case text(String)
        case list([String])
        case plural(one: String, other: String)
        case table([String: Value])
    }

    public let language: String
    public let root: [String: Value]
    /// Every value by its dotted key, for lookups without walking the tables.
    private let flat: [String: Value]

    public init(language: String, root: [String: Value]) {
        self.language = language
        self.root = root
        var flat: [String: Value] = [:]
        func add(_ table: [String: Value], prefix: String) {
            for (name, value) in table {
                flat[prefix + name] = value
                if case .table(let inner) = value { add(inner, prefix: prefix + name + ".") }
            }
        }
        add(root, prefix: "")
        self.flat = flat
    }

    public static func == (lhs: InterfaceStrings, rhs: InterfaceStrings) -> Bool {
        lhs.language == rhs.language && lhs.root == rhs.root
    }

    /// The keys the generator itself uses; the reader reports each one that is missing.
    public static let requiredKeys = [
        "dates.months", "dates.format",
        "search.title", "notFound.title", "sidebar.allPages",
        "assessment.title", "assessment.titleWithDate", "assessment.description", "assessment.allParts",
        "assessment.partBar", "assessment.barCount", "assessment.changes.better", "assessment.changes.worse",
        "assessment.changes.same", "assessment.changes.new", "assessment.changes.dropped",
        "preparation.title", "preparation.overviewTitle", "preparation.attention.disagreement",
        "preparation.attention.nietOpOrde", "preparation.attention.inOntwikkeling",
        "forms.whole", "forms.preparation", "forms.part", "forms.plan", "forms.subtitles.whole",
        "forms.subtitles.preparation", "forms.subtitles.part", "forms.subtitles.plan", "forms.roles", "forms.otherParty",
        "markdown.table",
    ]

    /// The value at a dotted key such as `forms.subtitles.part`.
    public func value(_ key: String) -> Value? {
        flat[key]
    }

    /// The text at `key` with its `{name}` placeholders filled in from `values`.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard case .text(let text)? = value(key) else { return "" }
        return Self.fill(text, values)
    }

    /// The list at `key`.
    public func list(_ key: String) -> [String] {
        guard case .list(let list)? = value(key) else { return [] }
        return list
    }

    /// The plural at `key` for `count` (`one` for 1, `other` otherwise), with `{count}` and the
    /// other placeholders filled in. A plain text is taken for both forms.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var all = values
        all["count"] = String(count)
        switch value(key) {
        case .plural(let one, let other)?: return Self.fill(count == 1 ? one : other, all)
        case .text(let text)?: return Self.fill(text, all)
        default: return ""
        }
    }

    /// A date in this language, such as `14 maart 2025`.
    public func date(_ date: SessionDate) -> String {
        let months = list("dates.months")
        let month = months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
        return text("dates.format", ["day": String(date.day), "month": month, "year": String(date.year)])
    }

    /// The keys of `requiredKeys` this file lacks, or holds with the wrong kind of value.
    public var missingKeys: [String] {
        Self.requiredKeys.filter { key in
            switch value(key) {
            case nil, .table?: true
            case .list?: key != "dates.months" && key != "forms.roles"
            default: key == "dates.months" || key == "forms.roles"
            }
        }
    }

    private static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
