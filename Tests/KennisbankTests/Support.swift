import Diagnostics
import Kader
import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// The repository's root folder, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `kennisbank` program of this build (the test target depends on it, so it is built with
/// the tests, next to them).
var kennisbankProgram: URL {
    let folder = Bundle.main.bundleURL.deletingLastPathComponent()
    // The test bundle's folder, or (with `swift test` on Linux) the folder of the test program.
    let programFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [folder, folder.deletingLastPathComponent(), programFolder] {
        let program = candidate.appendingPathComponent("kennisbank")
        if FileManager.default.isExecutableFile(atPath: program.path) { return program }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/kennisbank")
}

/// A throwaway project folder with content written by a test and the repository's templates.
struct TestProject {
    let root: URL

    init(files: [String: String], config: String? = nil, copyTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if copyTemplates {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"),
                                             to: root.appendingPathComponent("templates"))
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (path, text) in files { try write(text, to: "content/" + path) }
        if let config { try write(config, to: "kennisbank.yml") }
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Whether builds of this project make PDFs (slow: only for tests that read them).
    var makePDFs = false

    /// Options for this project; search and PDFs are left out (tests that need them switch them on).
    var options: BuildOptions {
        var options = BuildOptions(content: root.appendingPathComponent("content").path,
                                   templates: root.appendingPathComponent("templates").path,
                                   output: root.appendingPathComponent("_site").path,
                                   config: root.appendingPathComponent("kennisbank.yml").path)
        options.makeSearch = false
        options.makePDFs = makePDFs
        return options
    }

    func build() -> BuildReport { SiteBuilder.build(options) }
    func check() -> BuildReport { SiteBuilder.check(options) }

    func output(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("_site/" + path), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The diagnostic lines with the project folder cut off the paths.
    func lines(_ report: BuildReport) -> [String] {
        report.diagnostics.items.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
    }
}

/// A minimal valid site: home page, one section with two pages.
let minimalSite: [String: String] = [
    "_index.md": "---\ntitle: Start\n---\nWelkom. [Sectie](sectie/_index.md)\n",
    "sectie/_index.md": "# Sectie\n\nIntro.\n",
    "sectie/een.md": "---\ntitle: Een\norder: 1\n---\n## Kop een\n\nTekst.\n\n## Kop twee\n",
    "sectie/twee.md": "---\ntitle: Twee\norder: 2\n---\nZie [een](een.md#kop-twee).\n",
]

/// The minimal site with a kader of ten small parts, one indicator each.
let minimalKaderSite: [String: String] = {
    var files = minimalSite
    files["kader/_index.md"] = "---\ntitle: Kader\nversion: \"2025\"\n---\nHet kader.\n"
    for (index, part) in PartID.all.enumerated() {
        files["kader/\(part.description.lowercased()).md"] =
            "---\ntitle: Deel \(part)\npart: \(part)\norder: \(index + 1)\n---\n### \(part).01 Iets\n\nTekst over \(part).\n"
    }
    return files
}()

/// Every file below `folder`, by relative path, with its bytes.
func filesBelow(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
        result[relative] = try? Data(contentsOf: url)
    }
    return result
}

/// Values of an attribute (`href`, `src`, `id`) in generated HTML.
func attributeValues(_ name: String, in html: String) -> [String] {
    let pattern = try! Regex("\\s\(name)=\"([^\"]*)\"")
    return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
}

/// Runs a program found on the PATH; returns its exit status and its output (standard output
/// and standard error together).
func runProgram(_ arguments: [String]) throws -> (status: Int32, output: String) {
    try runProgram(URL(fileURLWithPath: "/usr/bin/env"), arguments)
}

/// Runs `program` (in `folder` and with only `environment` when given); returns its exit status
/// and its output (standard output and standard error together).
func runProgram(_ program: URL, _ arguments: [String], in folder: URL? = nil,
                environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs a tool installed by `scripts/setup.sh --test` (such as pdftotext) and returns its output;
/// records an issue when it fails.
func runTool(_ arguments: String...) throws -> String {
    let result = try runProgram(arguments)
    if result.status != 0 {
        Issue.record("\(arguments[0]) failed (exit \(result.status)); run scripts/setup.sh --test\n\(result.output)")
    }
    return result.output
}

/// `runProgram`, waiting on a thread of its own: the test's thread of the shared pool stays free
/// meanwhile (the development server's tests need that pool to answer while others wait).
func runProgramAwaiting(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await onOwnThread { try runProgram(arguments) }
}

/// Runs blocking `work` on a thread of its own and waits for it without holding a thread of
/// Swift's cooperative pool (two on two cores: tests that block them starve the server tests).
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A new, empty folder for the browser's downloads.
func downloadsFolder() throws -> URL {
    let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-downloads-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
    return downloads
}

/// Runs one of the browser tests in Tests/browser (selenium with headless Chromium).
func runBrowserScript(_ name: String, _ arguments: String...) async throws -> (status: Int32, output: String) {
    try await runProgramAwaiting(["python3", repositoryRoot.appendingPathComponent("Tests/browser/\(name)").path] + arguments)
}
