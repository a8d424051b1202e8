/// A completed self-evaluation: how one practice scored the kader in one joint session.
/// A pure value: the Markdown of reflections and actions stays with the loader and renderer.
public struct Assessment: Sendable, Equatable {
    /// Path of the source relative to the content folder.
    public var source: String
    public var practice: String
    /// Municipality or region.
    public var region: String?
    public var date: SessionDate
    public var kaderVersion: String
    public var organisations: [Organisation]
    public var facilitator: String?
    public var visibility: Visibility
    /// The unguessable part of an unlisted assessment's address.
    public var code: String?
    /// The score of each indicator that was filled in (status, or only text).
    public var scores: [IndicatorID: IndicatorScore]
    public var plan: [PlanEntry]
    /// Set for one participant's provisional scores before the joint session.
    public var preparation: Preparation?
    /// `voorbeeld: true`: a fictional practice, shown with a notice that says so.
    public var isExample: Bool
    /// `persoonsgegevens_gecontroleerd: true`: checked for personal data (a public one always is).
    public var personalDataChecked: Bool
    /// `publicatie:`: everything, or a summary without reflections and actions.
    public var publication: AssessmentFormat.Publication = .full

    public init(source: String, practice: String, region: String?, date: SessionDate, kaderVersion: String,
                organisations: [Organisation], facilitator: String?, visibility: Visibility, code: String?,
                scores: [IndicatorID: IndicatorScore], plan: [PlanEntry], preparation: Preparation? = nil,
                isExample: Bool = false, personalDataChecked: Bool = false) {
        self.isExample = isExample
        self.personalDataChecked = personalDataChecked
        self.source = source
        self.practice = practice
        self.region = region
        self.date = date
        self.kaderVersion = kaderVersion
        self.organisations = organisations
        self.facilitator = facilitator
        self.visibility = visibility
        self.code = code
        self.scores = scores
        self.plan = plan
        self.preparation = preparation
    }

    /// The status of an indicator; nil when it was left open.
    public func status(_ id: IndicatorID) -> Status? {
        scores[id]?.status
    }

    /// Indicators of `kader` without a status.
    public func openIndicators(in kader: Kader) -> [IndicatorID] {
        kader.indicators.map(\.id).filter { status($0) == nil }
    }
}

/// Whom a preparation file speaks for, and the joint session it prepares.
public struct Preparation: Sendable, Equatable {
    public var party: Role
    /// The name all participants of one session use, such as `duinmeer-2025`.
    public var session: String
    /// The participant's name or role (`deelnemer:`), free text of one line; nil when not
    /// given. Several participants may prepare for one party when each gives another.
    public var participant: String?

    public init(party: Role, session: String, participant: String? = nil) {
        self.party = party
        self.session = session
        self.participant = participant
    }
}

/// The score of one indicator in an assessment.
public struct IndicatorScore: Sendable, Equatable {
    /// Nil when only reflections or actions were written and no colour was chosen.
    public var status: Status?
    public var hasReflection: Bool
    public var hasActions: Bool

    public init(status: Status?, hasReflection: Bool, hasActions: Bool) {
        self.status = status
        self.hasReflection = hasReflection
        self.hasActions = hasActions
    }
}

/// An organisation present at the session, with the role it had.
public struct Organisation: Sendable, Equatable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

/// The roles of those present at a joint session. Pages show them in the site's language (the
/// strings file's `roles.KEY`); files write the raw value.
public enum Role: String, CaseIterable, Sendable, Equatable {
    case zorgorganisatie, woningcorporatie, gemeente, ervaringsdeskundige, belangenbehartiger, anders
}

/// Who may find an assessment.
public enum Visibility: String, CaseIterable, Sendable, Equatable {
    /// Only those who have the link (the default): not in navigation, lists, sitemap or search.
    case unlisted
    /// Listed on the overview of published self-evaluations.
    case `public`
}

/// One action of the Plan van aanpak.
public struct PlanEntry: Sendable, Equatable {
    public var what: String
    public var who: String?
    public var when: String?
    public var goal: String?
    public var indicators: [IndicatorID]

    public init(what: String, who: String?, when: String?, goal: String?, indicators: [IndicatorID]) {
        self.what = what
        self.who = who
        self.when = when
        self.goal = goal
        self.indicators = indicators
    }
}

/// A calendar date (`2025-03-14`), without time or time zone.
public struct SessionDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Reads `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (lhs: SessionDate, rhs: SessionDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
