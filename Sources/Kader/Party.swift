/// The three parties that carry a Housing First practice together. Pages show them in the
/// site's language (the strings file's `roles.KEY`).
public enum Party: String, CaseIterable, Sendable, Hashable {
    case zorgorganisatie
    case woningcorporatie
    case gemeente
}

/// The colour score of the kader. Never shown by colour alone: each status has a label, a
/// colour name (both in the site's language, from the strings file's `status.KEY`) and a shape
/// that survive printing in black and white.
public enum Status: String, CaseIterable, Sendable, Hashable {
    case opOrde
    case inOntwikkeling
    case nietOpOrde

    /// The kader's own words, as the file format writes them (`**Kleurscore:** op orde`);
    /// pages show the strings file's `status.KEY.label`.
    public var kaderName: String {
        switch self {
        case .opOrde: "Op orde"
        case .inOntwikkeling: "In ontwikkeling"
        case .nietOpOrde: "Niet op orde"
        }
    }

    /// A shape that tells the statuses apart without colour: circle, triangle, square.
    public var symbol: String {
        switch self {
        case .opOrde: "●"
        case .inOntwikkeling: "▲"
        case .nietOpOrde: "■"
        }
    }
}
