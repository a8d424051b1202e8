/// A value under `extra:` in front matter, passed through to templates as
/// `{{page.extra.KEY}}`: text (numbers and dates as written), `true`/`false`, a list or a map
/// (keys in the order written). Typed, so a template sees exactly what the YAML held.
public indirect enum ExtraValue: Sendable, Hashable {
    case text(String)
    case bool(Bool)
    case list([ExtraValue])
    case map([(key: String, value: ExtraValue)])

    /// How deep `extra` may nest (a map in a map is two deep); deeper is an error at the key.
    public static let maximumDepth = 20

    public static func == (lhs: ExtraValue, rhs: ExtraValue) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .text(let text): hasher.combine(0); hasher.combine(text)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .list(let items): hasher.combine(2); hasher.combine(items)
        case .map(let entries):
            hasher.combine(3)
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }

    /// How deep the value nests: 1 for text or a flag, one more for each list or map around it.
    public var depth: Int {
        switch self {
        case .text, .bool: 1
        case .list(let items): 1 + (items.map(\.depth).max() ?? 0)
        case .map(let entries): 1 + (entries.map(\.value.depth).max() ?? 0)
        }
    }

    /// The value of `key` in a map; nil in anything else or when the map has no such key.
    public subscript(key: String) -> ExtraValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}

/// An old address of a page (`aliases:`), as written, with its place in the file.
public struct PageAlias: Sendable, Hashable {
    /// As written: `/oud/pad/`, `oud-adres` or `../elders/`.
    public var written: String
    public var line: Int
    public var column: Int

    /// A page with more aliases is an error: each one is a page of its own in the output.
    public static let maximumPerPage = 1_000

    public init(written: String, line: Int, column: Int) {
        self.written = written
        self.line = line
        self.column = column
    }
}
