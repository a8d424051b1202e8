/// Hands out ids that are unique within one document: a taken id gets `-2`, `-3` ... appended.
/// Claiming is linear in all: each base remembers the next number to try, so a thousand equal
/// headings cost a thousand look-ups, not half a million.
public struct UniqueIDs: Sendable {
    private var used: Set<String>
    /// Per base id, the next number to try. Every number below it was taken when it was tried,
    /// and a taken id stays taken, so starting there gives what counting up from 2 would.
    private var nextNumber: [String: Int] = [:]
    /// How many taken ids `claim` has run into so far (for tests of the linear bound).
    package private(set) var collisions = 0

    /// `reserved` ids are never handed out.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// `base`, or `base` with the first free number appended.
    public mutating func claim(_ base: String) -> String {
        var id = base
        var counter = nextNumber[base] ?? 2
        while used.contains(id) {
            collisions += 1
            id = "\(base)-\(counter)"
            counter += 1
        }
        if id != base { nextNumber[base] = counter }
        used.insert(id)
        return id
    }
}
