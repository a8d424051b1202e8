/// Hands out ids that are unique within one document: a taken id gets `-2`, `-3` ... appended.
public struct UniqueIDs: Sendable {
    private var used: Set<String>

    /// `reserved` ids are never handed out.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// `base`, or `base` with the first free number appended.
    public mutating func claim(_ base: String) -> String {
        var id = base
        var counter = 2
        while used.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(id)
        return id
    }
}
