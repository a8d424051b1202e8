/// Which part of the Kwaliteitskader: one of the eight principles, Samenwerking or Kwaliteitsbewaking.
public enum PartID: Hashable, Sendable, Comparable, CustomStringConvertible {
    case principle(Int)
    case samenwerking
    case kwaliteitsbewaking

    /// The ten parts in the kader's own order.
    public static let all: [PartID] = (1...8).map { .principle($0) } + [.samenwerking, .kwaliteitsbewaking]

    /// Reads `P1` ... `P8`, `S` or `K`.
    public init?(_ text: String) {
        switch text {
        case "S": self = .samenwerking
        case "K": self = .kwaliteitsbewaking
        default:
            guard text.hasPrefix("P"), text.count == 2, let number = Int(text.dropFirst()), (1...8).contains(number) else {
                return nil
            }
            self = .principle(number)
        }
    }

    /// `P1` ... `P8`, `S`, `K`: the prefix of its indicator IDs.
    public var description: String {
        switch self {
        case .principle(let number): "P\(number)"
        case .samenwerking: "S"
        case .kwaliteitsbewaking: "K"
        }
    }

    /// Position in the kader, 1 to 10.
    public var number: Int {
        switch self {
        case .principle(let number): number
        case .samenwerking: 9
        case .kwaliteitsbewaking: 10
        }
    }

    public static func < (lhs: PartID, rhs: PartID) -> Bool { lhs.number < rhs.number }
}

/// The stable ID of an indicator, such as `P1.05`, `S.03` or `K.02`. Written in the source,
/// never derived from an indicator's position: completed assessments refer to it.
public struct IndicatorID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let part: PartID
    public let number: Int

    public init(part: PartID, number: Int) {
        self.part = part
        self.number = number
    }

    /// Reads `P1.05`, `S.03`, `K.02` (two digits after the dot).
    public init?(_ text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, let part = PartID(String(pieces[0])), pieces[1].count == 2,
              pieces[1].allSatisfy(\.isASCII), let number = Int(pieces[1]), number > 0 else { return nil }
        self.init(part: part, number: number)
    }

    public var description: String {
        let digits = number < 10 ? "0\(number)" : "\(number)"
        return "\(part).\(digits)"
    }

    /// The anchor of the indicator on its part's page: `p1-05`, `s-03`.
    public var anchor: String {
        String(description.lowercased().map { $0 == "." ? "-" : $0 })
    }

    public static func < (lhs: IndicatorID, rhs: IndicatorID) -> Bool {
        (lhs.part, lhs.number) < (rhs.part, rhs.number)
    }
}

private func < (lhs: (PartID, Int), rhs: (PartID, Int)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : lhs.1 < rhs.1
}
