/// How many indicators of each status a part (or the whole kader) has in an assessment.
/// Counts only: the kader is a learning instrument, so there is no average, grade or rank.
public struct StatusCounts: Sendable, Equatable {
    public var opOrde = 0
    public var inOntwikkeling = 0
    public var nietOpOrde = 0
    public var open = 0

    public init() {}

    public subscript(status: Status?) -> Int {
        switch status {
        case .opOrde?: opOrde
        case .inOntwikkeling?: inOntwikkeling
        case .nietOpOrde?: nietOpOrde
        case nil: open
        }
    }

    public var total: Int { opOrde + inOntwikkeling + nietOpOrde + open }
    public var filled: Int { opOrde + inOntwikkeling + nietOpOrde }

    mutating func add(_ status: Status?) {
        switch status {
        case .opOrde?: opOrde += 1
        case .inOntwikkeling?: inOntwikkeling += 1
        case .nietOpOrde?: nietOpOrde += 1
        case nil: open += 1
        }
    }
}

/// The spread of statuses per part and in total.
public struct AssessmentSummary: Sendable, Equatable {
    public var parts: [(part: PartID, counts: StatusCounts)]
    public var total: StatusCounts

    public init(_ assessment: Assessment, kader: Kader) {
        parts = kader.parts.map { part in
            var counts = StatusCounts()
            for indicator in part.indicators { counts.add(assessment.status(indicator.id)) }
            return (part.id, counts)
        }
        total = StatusCounts()
        for (_, counts) in parts {
            total.opOrde += counts.opOrde
            total.inOntwikkeling += counts.inOntwikkeling
            total.nietOpOrde += counts.nietOpOrde
            total.open += counts.open
        }
    }

    public static func == (lhs: AssessmentSummary, rhs: AssessmentSummary) -> Bool {
        lhs.total == rhs.total && lhs.parts.map(\.part) == rhs.parts.map(\.part) && lhs.parts.map(\.counts) == rhs.parts.map(\.counts)
    }
}

/// What changed for one indicator since the previous round.
public enum Change: String, Sendable, Equatable, CaseIterable {
    /// A higher status than before (rood → oranje → groen).
    case better
    case worse
    case same
    /// Scored now, open (or absent) last time.
    case new
    /// Scored last time, open now.
    case dropped

    public var label: String {
        switch self {
        case .better: "beter"
        case .worse: "minder goed"
        case .same: "gelijk"
        case .new: "nieuw gescoord"
        case .dropped: "nu open"
        }
    }
}

/// The comparison of an assessment with the previous round of the same practice.
public struct RoundComparison: Sendable, Equatable {
    public var previousDate: SessionDate
    /// The change of each indicator scored in either round.
    public var changes: [IndicatorID: Change]

    public init(current: Assessment, previous: Assessment, kader: Kader) {
        previousDate = previous.date
        changes = [:]
        for indicator in kader.indicators {
            let now = current.status(indicator.id), before = previous.status(indicator.id)
            switch (before, now) {
            case (nil, nil): continue
            case (nil, _?): changes[indicator.id] = .new
            case (_?, nil): changes[indicator.id] = .dropped
            case (let before?, let now?):
                changes[indicator.id] = now.rank > before.rank ? .better : now.rank < before.rank ? .worse : .same
            }
        }
    }

    /// How many indicators of `part` changed in each way.
    public func counts(for part: KaderPart) -> [Change: Int] {
        var counts: [Change: Int] = [:]
        for indicator in part.indicators {
            if let change = changes[indicator.id] { counts[change, default: 0] += 1 }
        }
        return counts
    }
}
