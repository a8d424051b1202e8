import Foundation
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// The state the browser pages follow: a build number that goes up after every successful
/// rebuild, and the diagnostics of the last failed one (shown as an overlay). A page is served
/// with the build number it shows and gets the current one when it connects, so that a rebuild
/// that finished before its WebSocket opened still reloads it.
public actor LiveReload {
    public private(set) var build = 0
    public private(set) var errors: [String] = []
    private var waiters: [UUID: AsyncStream<String>.Continuation] = [:]

    public init() {}

    /// A message for the browser: `build N` after a successful build, or `errors` followed by
    /// the diagnostics, one per line.
    public static func message(build: Int, errors: [String]) -> String {
        errors.isEmpty ? "build \(build)" : (["errors"] + errors).joined(separator: "\n")
    }

    /// Records a finished rebuild and tells every connected page.
    public func finished(errors: [String]) {
        if errors.isEmpty { build += 1 }
        self.errors = errors
        let message = Self.message(build: build, errors: errors)
        for continuation in waiters.values { continuation.yield(message) }
    }

    /// The messages for one connected page, starting with the current build number and then
    /// the current errors if there are any.
    public func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        waiters[id] = continuation
        continuation.yield(Self.message(build: build, errors: []))
        if !errors.isEmpty { continuation.yield(Self.message(build: build, errors: errors)) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        waiters[id] = nil
    }
}
