/// The Kwaliteitskader Housing First: ten parts with their indicators. A pure value,
/// free of file access and HTML.
public struct Kader: Sendable, Equatable {
    /// The kader version, such as `2025`; printed on every kader page, form and assessment.
    public var version: String
    /// The ten parts, in the kader's order.
    public var parts: [KaderPart]

    public init(version: String, parts: [KaderPart]) {
        self.version = version
        self.parts = parts
    }

    public var indicators: [Indicator] { parts.flatMap(\.indicators) }

    public func indicator(_ id: IndicatorID) -> Indicator? {
        parts.first { $0.id == id.part }?.indicators.first { $0.id == id }
    }

    public func part(_ id: PartID) -> KaderPart? {
        parts.first { $0.id == id }
    }
}

/// One part of the kader: a principle, Samenwerking or Kwaliteitsbewaking.
public struct KaderPart: Sendable, Equatable {
    public var id: PartID
    public var title: String
    /// Source of the part (relative to the content folder).
    public var source: String
    public var indicators: [Indicator]

    public init(id: PartID, title: String, source: String, indicators: [Indicator]) {
        self.id = id
        self.title = title
        self.source = source
        self.indicators = indicators
    }

    /// The sub-headings that group indicators, in order, each once.
    public var groups: [String] {
        var seen: [String] = []
        for indicator in indicators {
            if let group = indicator.group, !seen.contains(group) { seen.append(group) }
        }
        return seen
    }
}

/// One statement of the kader that a practice scores.
public struct Indicator: Sendable, Equatable {
    public var id: IndicatorID
    /// A few words, used in summaries.
    public var title: String
    /// The sub-heading it stands under, if any.
    public var group: String?
    /// The parties it concerns in particular; empty when it concerns them all.
    public var parties: [Party]
    /// The statement as plain text (for spreadsheets); the page shows it from its Markdown.
    public var text: String

    public init(id: IndicatorID, title: String, group: String?, parties: [Party], text: String = "") {
        self.id = id
        self.title = title
        self.group = group
        self.parties = parties
        self.text = text
    }
}
