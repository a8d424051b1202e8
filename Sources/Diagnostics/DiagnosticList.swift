/// Collects every problem of a run so that all of them can be reported at once.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        items.append(contentsOf: other.items)
    }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var notes: [Diagnostic] { items.filter { $0.severity == .note } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Every diagnostic once, in file and line order.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }
}
