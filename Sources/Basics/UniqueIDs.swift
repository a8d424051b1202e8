/// Hands out ids that are unique within one document: a taken id gets a number appended,
/// `-2`, `-3` ... by default, or as another tool counts (GitHub: `-1`, `-2` ...; MkDocs: `_1`).
/// Claiming is linear in all: each base remembers the next number to try, so a thousand equal
/// headings cost a thousand look-ups, not half a million.
public struct UniqueIDs: Sendable {
    private var used: Set<String>
    /// Per base id (and first number), the next number to try. Every number from the first to
    /// the one before it was taken when it was tried, and a taken id stays taken, so starting
    /// there gives what counting up from the first number would.
    private var nextNumber: [String: Int] = [:]
    private let firstNumber: Int
    private let separator: String
    /// How many taken ids `claim` has run into so far (for tests of the linear bound).
    package private(set) var collisions = 0

    /// `reserved` ids are never handed out. The first repeat of `x` is `x` + `separator` +
    /// `firstNumber`.
    public init(reserved: Set<String> = [], firstNumber: Int = 2, separator: String = "-") {
        used = reserved
        self.firstNumber = firstNumber
        self.separator = separator
    }

    /// GitHub's numbering (github-slugger): the first repeat of `x` is `x-1`.
    public static func github(reserved: Set<String> = []) -> UniqueIDs {
        UniqueIDs(reserved: reserved, firstNumber: 1)
    }

    /// `base`, or `base` with the first free number appended.
    public mutating func claim(_ base: String) -> String {
        claim(base, stem: base, from: firstNumber)
    }

    /// MkDocs' numbering (Python-Markdown's `toc`): a taken `x` becomes `x_1`, and a taken
    /// `x_4` becomes `x_5` (its number counts on); an empty id counts as taken.
    public mutating func claimAsMkDocs(_ base: String) -> String {
        if let underscore = base.lastIndex(of: "_"), base.index(after: underscore) < base.endIndex,
           base[base.index(after: underscore)...].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           let number = Int(base[base.index(after: underscore)...]), number < Int.max {
            return claim(base, stem: String(base[..<underscore]), from: number + 1)
        }
        return claim(base, stem: base, from: 1, emptyIsTaken: true)
    }

    private mutating func claim(_ base: String, stem: String, from first: Int, emptyIsTaken: Bool = false) -> String {
        var id = base
        let key = first == firstNumber && stem == base ? base : "\(stem)\u{0}\(first)"
        var counter = nextNumber[key] ?? first
        while used.contains(id) || (emptyIsTaken && id.isEmpty) {
            collisions += 1
            id = "\(stem)\(separator)\(counter)"
            counter += 1
        }
        if id != base { nextNumber[key] = counter }
        used.insert(id)
        return id
    }
}
