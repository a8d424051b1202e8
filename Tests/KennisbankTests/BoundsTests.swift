import Foundation
import Kennisbank
import Testing
import KennisbankMarkdown
import KennisbankOutput
import Basics
#if canImport(Glibc)
import Glibc
#endif

/// Bounds on what one input may cost: anchors numbered in linear time, and the programs a build
/// runs stopped at a time limit and ended with the build. (The limits on folder depth, headings
/// and file size are in the hostile-input suite.)
@Suite("Bounds", .serialized)
struct BoundsTests {
    /// 40,000 equal headings took 47 s: each claim counted up from `-2` again.
    @Test func equalHeadingsAreNumberedInLinearTime() {
        var ids = UniqueIDs()
        let claimed = (0..<5_000).map { _ in ids.claim("kop") }
        #expect(claimed.prefix(3) == ["kop", "kop-2", "kop-3"] && claimed.last == "kop-5000")
        #expect(ids.collisions <= 2 * 5_000, "\(ids.collisions) taken ids tried for 5,000 claims")
        // A heading that takes a numbered id itself is skipped over, as before.
        var mixed = UniqueIDs(reserved: ["kop-3"])
        #expect(["kop", "kop-2", "kop", "kop", "kop-5"].map { mixed.claim($0) } == ["kop", "kop-2", "kop-4", "kop-5", "kop-5-2"])
        let document = MarkdownDocument(String(repeating: "## Kop\n\n", count: 3) + "## Kop 2\n\n## Kop\n")
        // Heading anchors count as GitHub does: the first repeat is `-1`.
        #expect(document.assignHeadingAnchors().map(\.id) == ["kop", "kop-1", "kop-2", "kop-2-1", "kop-3"])
    }

    @Test func pagefindIsStoppedAtItsTimeLimit() throws {
        let folder = try FakePrograms()
        defer { folder.remove() }
        let pagefind = try folder.hanging("pagefind")
        let started = Date()
        let failure = SearchIndexer.index(site: folder.root, language: "nl", command: [pagefind.path], timeLimit: 1)
        #expect(failure == "Pagefind did not finish indexing the site within 1 s and was stopped; build with `--no-search` to make the site without search")
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(folder.runningPrograms().isEmpty)
    }

    /// WeasyPrint and Pagefind end with a build that is stopped (`kill -9`, SIGTERM, Ctrl-C):
    /// within a second, none is left.
    @Test(arguments: [("weasyprint", SIGKILL), ("weasyprint", SIGTERM), ("weasyprint", SIGINT), ("pagefind", SIGKILL)])
    func programsEndWithAStoppedBuild(program: String, signal: Int32) async throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let folder = try FakePrograms()
        defer { folder.remove() }
        if program == "weasyprint" {
            // The PDFs are made by the Python named in `weasyprint`'s first line (not one named
            // `python3`: the build asks that one whether it has Pagefind).
            let python = try folder.hanging("weasyprint-python")
            try folder.write("#!\(python.path)\n", to: "weasyprint")
        } else {
            _ = try folder.hanging("pagefind")
        }
        let build = Process()
        build.executableURL = kennisbankProgram
        build.arguments = ["build", "--content", project.root.appendingPathComponent("content").path,
                           "--templates", project.root.appendingPathComponent("templates").path,
                           "--config", project.root.appendingPathComponent("none.yml").path,
                           "--output", project.root.appendingPathComponent("_site").path] + (program == "pagefind" ? ["--no-pdf"] : [])
        build.environment = ProcessInfo.processInfo.environment.merging(["PATH": folder.root.path + ":/usr/bin:/bin"]) { $1 }
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        var started: [Int32] = []
        for _ in 0..<600 where started.isEmpty {
            try await Task.sleep(nanoseconds: 100_000_000)
            started = folder.startedPrograms()
        }
        #expect(!started.isEmpty, "\(program) was never started")
        kill(build.processIdentifier, signal)
        build.waitUntilExit()
        try await Task.sleep(nanoseconds: 1_000_000_000)
        #expect(folder.runningPrograms().isEmpty, "\(program) outlived the build stopped by signal \(signal)")
        for pid in folder.runningPrograms() { kill(pid, SIGKILL) }
    }
}

/// A folder of stand-in programs that start and then hang, each writing its process id first.
private struct FakePrograms {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-programs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func write(_ text: String, to name: String) throws {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        chmod(url.path, 0o755)
    }

    /// A program `name` that records its process id and sleeps for five minutes (as itself:
    /// `exec`, so the recorded process is the one that hangs).
    func hanging(_ name: String) throws -> URL {
        try write("#!/bin/sh\necho $$ >> '\(root.path)/pids'\nexec sleep 300\n", to: name)
        return root.appendingPathComponent(name)
    }

    func startedPrograms() -> [Int32] {
        let text = (try? String(contentsOf: root.appendingPathComponent("pids"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int32($0) }
    }

    /// The started programs still running (an ended one left unreaped counts as ended).
    func runningPrograms() -> [Int32] {
        startedPrograms().filter { pid in
            // `PID (sleep) S ...`: another program may have the number since.
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  stat.contains("(sleep)"), let close = stat.lastIndex(of: ")") else { return false }
            return !stat[close...].hasPrefix(") Z")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
