import Basics
import Foundation

/// Builds the full-text search index of a written site with Pagefind (PyPI `pagefind-bin`).
/// Pages take part only when their `<main>` carries `data-pagefind-body`: knowledge pages and
/// public assessments do, unlisted pages, forms and the 404 page do not.
package enum SearchIndexer {
    /// Folder of the index inside the site.
    package static let folder = "pagefind"

    /// The command that runs Pagefind: `pagefind` on `searchPath` (the PATH when nil), or the
    /// binary that the `pagefind_bin` Python package carries.
    package static func command(searchPath: String? = nil) -> [String]? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["pagefind", "pagefind_extended"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate) { return [candidate] }
            }
        }
        for folder in path.split(separator: ":") {
            let python = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3").path
            guard FileManager.default.isExecutableFile(atPath: python) else { continue }
            // Killed with the build too, and at a time limit: this thread waits for it.
            let probe = ChildProcess.make(URL(fileURLWithPath: python), ["-c", "import pagefind_bin"])
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            let timer = ChildProcess.limit(probe, until: Date().addingTimeInterval(30))
            probe.waitUntilExit()
            timer.cancel()
            if probe.terminationStatus == 0 { return [python, "-m", "pagefind_bin"] }
            return nil
        }
        return nil
    }

    /// How long Pagefind may take to index a site (10,000 pages take it about 10 s here).
    package static let timeLimit: TimeInterval = 600

    /// Indexes the site in `site`; returns an error message when Pagefind failed or did not
    /// finish within `timeLimit` seconds (it is stopped then).
    package static func index(site: URL, language: String, command: [String], timeLimit: TimeInterval = timeLimit) -> String? {
        // Killed with the build: this thread waits for it below.
        let process = ChildProcess.make(URL(fileURLWithPath: command[0]),
                                        Array(command.dropFirst()) + ["--site", site.path, "--output-subdir", folder,
                                                                      "--force-language", language, "--keep-index-url", "--silent"])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            return "cannot start Pagefind: \(error.localizedDescription)"
        }
        let deadline = Date().addingTimeInterval(timeLimit)
        let timer = ChildProcess.limit(process, until: deadline)
        defer { timer.cancel() }
        let collected = PipeText(errors)
        process.waitUntilExit()
        let output = collected.wait(atMost: 2)
        if process.terminationReason == .uncaughtSignal, Date() >= deadline {
            return "Pagefind did not finish indexing the site within \(Int(timeLimit)) s and was stopped; build with `--no-search` to make the site without search"
        }
        return process.terminationStatus == 0 ? nil : "Pagefind could not index the site: \(SystemError.lastLine(output))"
    }
}
