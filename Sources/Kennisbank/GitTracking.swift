import Foundation
import KennisbankOutput

/// Which files a git repository tracks, asked of `git ls-files` (one call per folder). An
/// unlisted self-evaluation in a tracked folder is in every copy of the repository, with its code;
/// `check` and `build` warn about it. Without git, or outside a repository, nothing is tracked.
enum GitTracking {
    /// How long one `git ls-files` may take.
    static let timeLimit: TimeInterval = 30

    /// The absolute paths among `files` that git tracks.
    static func tracked(_ files: [String], searchPath: String? = nil) -> Set<String> {
        guard !files.isEmpty, let git = program(searchPath: searchPath) else { return [] }
        var tracked = Set<String>()
        let byFolder = Dictionary(grouping: files) { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        for (folder, paths) in byFolder.sorted(by: { $0.key < $1.key }) {
            let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
            let process = ChildProcess.make(git, ["-C", folder, "ls-files", "-z", "--"] + names)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            let timer = ChildProcess.limit(process, until: Date().addingTimeInterval(timeLimit))
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            timer.cancel()
            guard process.terminationStatus == 0 else { continue }
            for name in data.split(separator: 0) where !name.isEmpty {
                tracked.insert(folder + "/" + String(decoding: name, as: UTF8.self))
            }
        }
        return tracked
    }

    /// `git` on the search path (`PATH` by default).
    private static func program(searchPath: String?) -> URL? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("git") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
