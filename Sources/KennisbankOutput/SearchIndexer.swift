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
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["-c", "import pagefind_bin"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return [python, "-m", "pagefind_bin"] }
            return nil
        }
        return nil
    }

    /// Indexes the site in `site`; returns an error message when Pagefind failed.
    package static func index(site: URL, language: String, command: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", site.path, "--output-subdir", folder,
                                                          "--force-language", language, "--keep-index-url", "--silent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            return "cannot start Pagefind: \(error.localizedDescription)"
        }
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "Pagefind could not index the site: \(SystemError.lastLine(output))"
    }
}
