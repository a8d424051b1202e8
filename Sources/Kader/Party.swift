/// The three parties that carry a Housing First practice together.
public enum Party: String, CaseIterable, Sendable, Hashable {
    case zorgorganisatie
    case woningcorporatie
    case gemeente

    /// The Dutch label, as printed.
    public var label: String {
        switch self {
        case .zorgorganisatie: "Zorgorganisatie"
        case .woningcorporatie: "Woningcorporatie"
        case .gemeente: "Gemeente"
        }
    }
}

/// The colour score of the kader. Never shown by colour alone: each status has a label, a
/// colour name and a shape that survive printing in black and white.
public enum Status: String, CaseIterable, Sendable, Hashable {
    case opOrde
    case inOntwikkeling
    case nietOpOrde

    /// The kader's own words.
    public var label: String {
        switch self {
        case .opOrde: "Op orde"
        case .inOntwikkeling: "In ontwikkeling"
        case .nietOpOrde: "Niet op orde"
        }
    }

    /// The colour of the score in the kader.
    public var colour: String {
        switch self {
        case .opOrde: "groen"
        case .inOntwikkeling: "oranje"
        case .nietOpOrde: "rood"
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

    /// What the score means, in the kader's sense.
    public var meaning: String {
        switch self {
        case .opOrde:
            "De indicator wordt volledig en structureel toegepast; er zijn geen wezenlijke belemmeringen."
        case .inOntwikkeling:
            "Er zijn eerste stappen gezet, maar de uitvoering is nog onvoldoende; verdere ontwikkeling is nodig."
        case .nietOpOrde:
            "De indicator wordt nu niet of structureel onvoldoende nageleefd; er zijn knelpunten die aandacht en actie vragen."
        }
    }
}
