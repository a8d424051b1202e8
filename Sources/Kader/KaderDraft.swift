/// One part file as the loader read it, with source positions, before validation.
public struct PartDraft: Sendable {
    /// Path shown in diagnostics, such as `content/kader/p1.md`.
    public var file: String
    /// Path relative to the content folder.
    public var source: String
    /// The `part:` value as written (`P1`, `S`, ...), and its line.
    public var partText: String?
    public var partLine: Int
    public var title: String
    public var indicators: [IndicatorDraft]

    public init(file: String, source: String, partText: String?, partLine: Int, title: String,
                indicators: [IndicatorDraft]) {
        self.file = file
        self.source = source
        self.partText = partText
        self.partLine = partLine
        self.title = title
        self.indicators = indicators
    }
}

/// One indicator heading and what follows it, as written.
public struct IndicatorDraft: Sendable {
    /// The first word of the heading, which must be the indicator's ID.
    public var idText: String
    /// The rest of the heading: the short title.
    public var title: String
    public var line: Int
    public var column: Int
    public var group: String?
    /// Whether a statement follows the heading.
    public var hasText: Bool
    /// The statement as plain text.
    public var text: String = ""
    /// Party names from the `**Partijen:**` line, with its line.
    public var parties: [String]
    public var partiesLine: Int?

    public init(idText: String, title: String, line: Int, column: Int = 1, group: String?, hasText: Bool,
                parties: [String] = [], partiesLine: Int? = nil) {
        self.idText = idText
        self.title = title
        self.line = line
        self.column = column
        self.group = group
        self.hasText = hasText
        self.parties = parties
        self.partiesLine = partiesLine
    }
}
