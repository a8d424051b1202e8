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
                switch value {
                case .table(let inner): add(inner, prefix: prefix + name + ".")
                case .plural(let one, let other):
                    flat[prefix + name + ".one"] = .text(one)
                    flat[prefix + name + ".other"] = .text(other)
                default: break
                }
            }
        }
        add(root, prefix: "")
        self.flat = flat
    }

    public static func == (lhs: InterfaceStrings, rhs: InterfaceStrings) -> Bool {
        lhs.language == rhs.language && lhs.root == rhs.root
    }

    /// The keys the generator itself uses, each with what it is used for; the reader reports
    /// each one that is missing. The keys templates show are checked against the templates
    /// themselves, and those of the browser form against its script.
    public static let requiredKeys: [(key: String, use: String)] = {
        var keys: [(String, String)] = [
            ("locale", "the `og:locale` of every page"),
            ("dates.months", "every date shown"), ("dates.format", "every date shown"),
            ("print.pageCounter", "the page numbers of printed pages, forms and the book"),
            ("kader.title", "the kader's name on forms, result pages and preparation overviews"),
            ("search.title", "the title of the search page"), ("notFound.title", "the title of the 404 page"),
            ("sessionStart.title", "the title of the page that starts a session"),
            ("bundle.title", "the title of the page that bundles a session's preparations"),
            ("sidebar.allPages", "the link to a long section's landing page in the section menu"),
            ("assessment.title", "the title of a result page"), ("assessment.titleWithDate", "the title of a result page"),
            ("assessment.description", "the description of a result page"),
            ("assessment.allParts", "the bar of all parts on a result page"),
            ("assessment.partBar", "the title of a part's bar on a result page"),
            ("assessment.barCount", "the text of a bar on a result page"),
            ("fill.notScored", "an indicator without a score, in the browser form and on result pages"),
            ("preparation.heading", "the heading of a preparation page"),
            ("preparation.title", "the title of a preparation page"),
            ("preparation.overviewTitle", "the title of a preparation overview"),
            ("forms.whole", "the title of a form"), ("forms.preparation", "the title of a form"),
            ("forms.part", "the title of a form"), ("forms.plan", "the title of a form"),
            ("forms.subtitles.whole", "the subtitle of a form"), ("forms.subtitles.preparation", "the subtitle of a form"),
            ("forms.subtitles.part", "the subtitle of a form"), ("forms.subtitles.plan", "the subtitle of a form"),
            ("forms.roles", "the rows of those present on a printed form"),
            ("forms.otherParty", "the last choice of party on a printed preparation form"),
            ("search.searching", "the search page's script"), ("search.noResults", "the search page's script"),
            ("search.results", "the search page's script"), ("search.failed", "the search page's script"),
        ]
        for change in ["better", "worse", "same", "new", "dropped"] {
            keys.append(("assessment.changes." + change, "the change of an indicator since the previous round"))
        }
        for attention in ["disagreement", "nietOpOrde", "inOntwikkeling"] {
            keys.append(("preparation.attention." + attention, "the attention column of a preparation overview"))
        }
        for status in Status.allCases {
            for part in ["label", "colour", "meaning"] {
                keys.append(("status.\(status.rawValue).\(part)", "the status `\(AssessmentFormat.word(for: status))` as pages and forms show it"))
            }
        }
        for role in Role.allCases {
            keys.append(("roles.\(role.rawValue)", "the role `\(role.rawValue)` as pages and forms show it"))
        }
        for visibility in Visibility.allCases {
            keys.append(("visibility.\(visibility.rawValue)", "the choice `\(visibility.rawValue)` of the browser form"))
        }
        for kind in ["note", "tip", "important", "warning", "caution"] {
            keys.append(("markdown.callout." + kind, "the title of a callout (`> [!\(kind.uppercased())]`)"))
        }
        keys.append(("markdown.task.done", "the name of a ticked task box (`- [x]`)"))
        keys.append(("markdown.task.open", "the name of an open task box (`- [ ]`)"))
        keys.append(("markdown.table", "the name of a table's scrolling region"))
        for field in ["who", "when", "goal", "indicators"] {
            keys.append(("assessment.plan." + field, "the fields of a plan action in the browser form"))
        }
        // The running header of every printed page of a blank form.
        keys.append(("forms.pageHeader.practice", "the practice field at the top of every page of a printed form"))
        keys.append(("forms.pageHeader.date", "the date field at the top of every page of a printed form"))
        keys.append(("kader.versionWord", "the kader's version at the foot of every page of a printed form"))
        return keys
    }()

    /// The keys whose value is a list; every other key of `requiredKeys` is a text (or a plural).
    public static let listKeys: Set<String> = ["dates.months", "forms.roles"]

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

    /// The keys of `requiredKeys` this file lacks, or holds with the wrong kind of value, with
    /// what each is used for.
    public var missingKeys: [(key: String, use: String)] {
        Self.requiredKeys.filter { required in
            switch value(required.key) {
            case nil, .table?: true
            case .list?: !Self.listKeys.contains(required.key)
            default: Self.listKeys.contains(required.key)
            }
        }
    }

    /// A status as pages and forms show it (`status.KEY.label`), such as `Op orde`.
    public func label(_ status: Status) -> String { text("status.\(status.rawValue).label") }
    /// The colour of a status as pages show it, such as `groen`.
    public func colour(_ status: Status) -> String { text("status.\(status.rawValue).colour") }
    /// What a status means (`status.KEY.meaning`), for the forms' legend.
    public func meaning(_ status: Status) -> String { text("status.\(status.rawValue).meaning") }
    /// A role (or party) as pages and forms show it (`roles.KEY`), such as `Gemeente`.
    public func label(_ role: Role) -> String { text("roles.\(role.rawValue)") }
    /// A party as pages and forms show it: the label of the role of the same name.
    public func label(_ party: Party) -> String { text("roles.\(party.rawValue)") }
    /// A preparation's party as pages show it, with its participant when the file names one:
    /// `preparation.participant`, such as `Zorgorganisatie (Persoonlijk begeleider)`.
    public func label(_ preparation: Preparation) -> String {
        party(label(preparation.party), participant: preparation.participant)
    }
    /// `partyLabel` with `participant` when that is not empty (`preparation.participant`).
    public func party(_ partyLabel: String, participant: String?) -> String {
        guard let participant, !participant.isEmpty else { return partyLabel }
        return text("preparation.participant", ["party": partyLabel, "participant": participant])
    }

    /// The page counter of printed pages as the value of a CSS `content:` property, such as
    /// `"pagina " counter(page) " van " counter(pages)` (each text a CSS string, escaped).
    public var pageCounterCSS: String {
        let text = text("print.pageCounter")
        var parts: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if name == "page" || name == "pages" {
                if open > rest.startIndex { parts.append(Self.cssString(rest[..<open])) }
                parts.append("counter(\(name))")
            } else {
                parts.append(Self.cssString(rest[...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(Self.cssString(rest)) }
        return parts.isEmpty ? "none" : parts.joined(separator: " ")
    }

    /// `text` as a CSS string (a `content:` value, such as that of a page's margin box): quoted,
    /// with every character that could end it or the `<style>` element written as a CSS escape.
    public static func cssString(_ text: String) -> String { cssString(text[...]) }

    private static func cssString(_ text: Substring) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "\n", "\r", "\u{0C}": result += "\\" + String(scalar.value, radix: 16) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        // A `{` without a `}` after it is text, as is everything after it.
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
