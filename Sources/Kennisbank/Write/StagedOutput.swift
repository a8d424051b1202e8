import Foundation

/// Writes a site into a staging folder beside the output folder and swaps it in only when
/// everything succeeded, so that a failed build never leaves a half-written or empty site.
struct StagedOutput {
    let destination: URL
    let staging: URL

    enum Failure: Error, CustomStringConvertible {
        case io(String)
        var description: String {
            switch self { case .io(let message): message }
        }
    }

    static func begin(destination: URL) throws -> StagedOutput {
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create `\(staging.path)`: \(error.localizedDescription)")
        }
        return StagedOutput(destination: destination, staging: staging)
    }

    /// Writes `data` at `path` (relative to the site root), creating folders as needed.
    func write(_ data: Data, to path: String) throws {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw Failure.io("cannot write `\(path)`: \(error.localizedDescription)")
        }
    }

    /// Copies the file at `source` to `path` (relative to the site root).
    func copy(_ source: URL, to path: String) throws {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw Failure.io("cannot copy `\(source.path)` to `\(path)`: \(error.localizedDescription)")
        }
    }

    /// Replaces the output folder with the staging folder. The old output is moved aside
    /// first and put back if the swap fails.
    func commit() throws {
        let fileManager = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        try? fileManager.removeItem(at: old)
        let hadOutput = fileManager.fileExists(atPath: destination.path)
        do {
            if hadOutput { try fileManager.moveItem(at: destination, to: old) }
        } catch {
            discard()
            throw Failure.io("cannot replace `\(destination.path)`: \(error.localizedDescription)")
        }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: old, to: destination) }
            discard()
            throw Failure.io("cannot move the new site into `\(destination.path)`: \(error.localizedDescription)")
        }
        try? fileManager.removeItem(at: old)
    }

    /// Removes the staging folder; the output folder stays as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
