/// The provisional scores of each party for one joint session, side by side, with the
/// indicators ordered by how much attention they need: disagreement first, then red, then
/// orange, then the rest, each in the kader's order.
public struct PreparationOverview: Sendable {
    public var session: String
    /// The preparations, one per participant, grouped by party in role order (zorgorganisatie,
    /// woningcorporatie, gemeente, ...), within a party by participant (one without a
    /// `deelnemer:` first), then by file.
    public var preparations: [Assessment]
    public var rows: [Row]

    /// One indicator with each participant's provisional status.
    public struct Row: Sendable, Equatable {
        public var id: IndicatorID
        /// One status per preparation, in the order of `preparations`; nil where left open.
        public var statuses: [Status?]
        /// Two or more participants chose different statuses (of one party or of several).
        public var disagreement: Bool
        /// 0 disagreement, 1 a red score, 2 an orange score, 3 the rest.
        public var attention: Int
    }

    public init(session: String, preparations: [Assessment], kader: Kader) {
        self.session = session
        let order = Role.allCases
        self.preparations = preparations.sorted {
            let (lhs, rhs) = (order.firstIndex(of: $0.preparation?.party ?? .anders)!, order.firstIndex(of: $1.preparation?.party ?? .anders)!)
            if lhs != rhs { return lhs < rhs }
            let (left, right) = ($0.preparation?.participant ?? "", $1.preparation?.participant ?? "")
            if left != right { return left < right }
            return $0.source < $1.source
        }
        var rows: [Row] = []
        for indicator in kader.indicators {
            let statuses = self.preparations.map { $0.status(indicator.id) }
            let chosen = Set(statuses.compactMap { $0 })
            let disagreement = chosen.count > 1
            let attention = disagreement ? 0 : chosen.contains(.nietOpOrde) ? 1 : chosen.contains(.inOntwikkeling) ? 2 : 3
            rows.append(Row(id: indicator.id, statuses: statuses, disagreement: disagreement, attention: attention))
        }
        // A stable sort keeps the kader's order within each level of attention.
        self.rows = rows.enumerated().sorted { ($0.element.attention, $0.offset) < ($1.element.attention, $1.offset) }.map(\.element)
    }

    public var disagreements: Int { rows.filter(\.disagreement).count }
}
