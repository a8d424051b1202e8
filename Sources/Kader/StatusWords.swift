extension Status {
    /// Every word a file may use for a status, in the kader's own words and colours.
    public static let words: [String: Status] = [
        "op orde": .opOrde, "groen": .opOrde,
        "in ontwikkeling": .inOntwikkeling, "oranje": .inOntwikkeling,
        "niet op orde": .nietOpOrde, "rood": .nietOpOrde,
    ]

    /// Words that leave an indicator open on purpose.
    public static let openWords: Set<String> = ["open", "-", ""]

    /// What a status word means: `.some(status)`, `.some(nil)` for an open indicator, or nil
    /// when the word is not valid. Case and repeated spaces do not matter.
    public static func parse(_ word: String) -> Status?? {
        let normal = word.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if openWords.contains(normal) { return .some(nil) }
        if let status = words[normal] { return .some(status) }
        return nil
    }

    /// Higher is better: rood 0, oranje 1, groen 2.
    public var rank: Int {
        switch self {
        case .nietOpOrde: 0
        case .inOntwikkeling: 1
        case .opOrde: 2
        }
    }
}
