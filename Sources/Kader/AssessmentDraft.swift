/// A value as written in a file, with its line.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// An assessment file as the loader read it, with source positions, before validation.
public struct AssessmentDraft: Sendable {
    /// Path shown in diagnostics, such as `content/zelfevaluaties/voorbeeldstad-2025.md`.
    public var file: String
    public var source: String
    public var practice: Located<String>?
    public var region: String?
    public var date: Located<String>?
    public var kaderVersion: Located<String>?
    /// Each organisation's name and role as written.
    public var organisations: [(name: String, role: Located<String>)]
    public var facilitator: String?
    public var visibility: Located<String>?
    public var code: Located<String>?
    /// `voorbereiding:`, `namens:` and `sessie:` of a participant's preparation file.
    public var preparation: Located<String>?
    public var party: Located<String>?
    public var session: Located<String>?
    /// `deelnemer:`, the participant's name or role.
    public var participant: Located<String>?
    /// `persoonsgegevens_gecontroleerd:` and `voorbeeld:` as written.
    public var personalDataChecked: Located<String>?
    public var example: Located<String>?
    public var publication: Located<String>?
    public var indicators: [IndicatorEntry]
    public var plan: [PlanDraft]

    /// One indicator section: `## P1.05 ...` with its `**Kleurscore:**` line.
    public struct IndicatorEntry: Sendable {
        public var idText: Located<String>
        public var status: Located<String>?
        public var hasReflection: Bool
        public var hasActions: Bool

        public init(idText: Located<String>, status: Located<String>?, hasReflection: Bool, hasActions: Bool) {
            self.idText = idText
            self.status = status
            self.hasReflection = hasReflection
            self.hasActions = hasActions
        }
    }

    /// One action of the Plan van aanpak: `### what` with its labelled items.
    public struct PlanDraft: Sendable {
        public var what: Located<String>
        public var who: String?
        public var when: String?
        public var goal: String?
        public var indicators: [Located<String>]

        public init(what: Located<String>, who: String?, when: String?, goal: String?, indicators: [Located<String>]) {
            self.what = what
            self.who = who
            self.when = when
            self.goal = goal
            self.indicators = indicators
        }
    }

    public init(file: String, source: String) {
        self.file = file
        self.source = source
        organisations = []
        indicators = []
        plan = []
    }
}
