import Foundation
import Kennisbank
import Testing
import KennisbankOutput
import Basics
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `kennisbank` program in `folder`; kills it after `timeout` seconds (status -1 then).
private func runKennisbank(_ arguments: [String], in folder: URL, timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = kennisbankProgram
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let timer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    let killed = process.terminationReason == .uncaughtSignal
    return (killed ? -1 : process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The pid of a process that has ended (and was reaped): `kill(pid, 0)` gives ESRCH.
private func endedProcessID() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

/// A small tmpfs of `size` mounted for one test (needs root, as the test machines run), removed after.
private struct SmallDisk {
    let root: URL

    init(size: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let result = try runProgram(["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", root.path])
        if result.status != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.output]) }
    }

    /// Fills the disk up to the last byte.
    func fill() {
        let descriptor = open(root.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0x78, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress!, 4096) }) > 0 {}
        // The last partial block.
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress!, 1) }) > 0 {}
        close(descriptor)
    }

    func remove() {
        _ = try? runProgram(["umount", root.path])
        try? FileManager.default.removeItem(at: root)
    }
}

/// A project with a copy of the shipped content (its kader, for the assessment commands).
private func shippedContentProject() throws -> TestProject {
    let project = try TestProject(files: [:])
    let content = project.root.appendingPathComponent("content")
    try FileManager.default.removeItem(at: content)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
    return project
}

private let isRoot = getuid() == 0

@Suite("The output folder is the generator's own", .serialized)
struct OutputSafetyTests {
    // MARK: Which folders a build writes into

    @Test func aFolderOfTheUsersIsRefusedAndLeftAlone() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        try project.write("mijn aantekeningen", to: "_site/notities.txt")
        for _ in 1...2 {
            let report = project.build()
            #expect(!report.succeeded)
            #expect(project.lines(report) == ["_site: error: this folder holds files that the generator did not write (it has no `.kennisbank-output` file), and a build replaces the whole folder; choose another --output, or empty the folder first"])
        }
        #expect(try String(contentsOf: project.root.appendingPathComponent("_site/notities.txt"), encoding: .utf8) == "mijn aantekeningen")
        // Nothing was touched: no staging folder, no previous output beside it.
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted()
        #expect(beside == ["_site", "content", "templates"])
    }

    @Test func foldersInsideTheSourcesOrHoldingThemAreRefused() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let cases: [(output: String, expected: String)] = [
            ("content/archief", "content/archief: error: the output folder is inside the content folder `content`, so the site would be written among your sources; choose an --output outside it, such as `_site`"),
            ("content", "content: error: the output folder is inside the content folder `content`, so the site would be written among your sources; choose an --output outside it, such as `_site`"),
            ("templates/static", "templates/static: error: the output folder is inside the templates folder `templates`, so the site would be written among your sources; choose an --output outside it, such as `_site`"),
            (".", ".: error: the output folder contains the project's own files (\(project.root.resolvingSymlinksInPath().path)/content), which the build would replace; choose an output folder of its own, such as `_site`"),
        ]
        let before = filesBelow(project.root)
        for (output, expected) in cases {
            let result = try runKennisbank(["build", "--no-pdf", "--no-search", "--output", output], in: project.root)
            #expect(result.status == 1, "\(output): \(result.output)")
            #expect(result.output.split(separator: "\n").first.map(String.init) == expected)
        }
        #expect(filesBelow(project.root) == before)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/archief").path))
    }

    /// A file of the user's where the output or the previous output goes is refused and kept.
    @Test(arguments: [
        ("_site", "_site: error: the output is a file, not a folder; choose another --output, or move the file away"),
        ("._site.previous/brief.txt", "_site: error: `._site.previous` beside this output folder is not one the generator wrote, and a build would replace it (the site a build replaces is kept there); move it away, or choose another --output than `_site`"),
    ])
    func aFileOfTheUsersWhereTheOutputGoesIsRefused(_ path: String, _ expected: String) throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        try project.write("van mij", to: path)
        #expect(project.lines(project.build()) == [expected])
        #expect(try String(contentsOf: project.root.appendingPathComponent(path), encoding: .utf8) == "van mij")
    }

    @Test func serveRefusesTheSameFolders() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        try project.write("mijn aantekeningen", to: "eigen/notities.txt")
        let result = try runKennisbank(["serve", "--port", "0", "--output", "eigen"], in: project.root, timeout: 30)
        #expect(result.status == 1, "serve did not stop: \(result.output)")
        #expect(result.output.hasPrefix("eigen: error: this folder holds files that the generator did not write (it has no `.kennisbank-output` file)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("eigen").path) == ["notities.txt"])
    }

    @Test func absentEmptyMarkedAndEarlierOutputsAreTheGenerators() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let site = project.root.appendingPathComponent("_site")
        let marker = site.appendingPathComponent(".kennisbank-output")
        // Absent: built, with the marker.
        #expect(project.build().succeeded)
        #expect(try String(contentsOf: marker, encoding: .utf8).hasPrefix("This folder is written by `kennisbank build`"))
        // Marked: built again.
        #expect(project.build().succeeded)
        // An output of a version before the marker, built once: the files every build wrote.
        try FileManager.default.removeItem(at: marker)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("._site.previous"))
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        #expect(FileManager.default.fileExists(atPath: marker.path))
        // An earlier version's output with its previous output beside it (and a theme without robots.txt).
        for folder in [site, project.root.appendingPathComponent("._site.previous")] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(".kennisbank-output"))
        }
        try FileManager.default.removeItem(at: site.appendingPathComponent("robots.txt"))
        #expect(project.build().succeeded)
        // Empty: built.
        try FileManager.default.removeItem(at: site)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("._site.previous"))
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: false)
        #expect(project.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("sectie/een/index.html").path))
    }

    // MARK: The swap and the staging folders

    @Test func theMarkerIsInTheStagingFolderAndSurvivesTheSwap() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("_site")
        for round in 1...3 {
            let staged = try StagedOutput.begin(destination: destination)
            #expect(FileManager.default.fileExists(atPath: staged.staging.appendingPathComponent(".kennisbank-output").path), "round \(round)")
            try staged.emit(Data("ronde \(round)".utf8), at: "index.html")
            staged.removeLeftovers()
            try staged.commit()
            #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(".kennisbank-output").path), "round \(round)")
            #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "ronde \(round)")
        }
    }

    /// A reader (or a kill) between the steps of the swap always finds an output folder: one
    /// thread swaps builds in while another looks for the output folder without pause.
    @Test func thereIsAnOutputFolderAtEveryMoment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("_site")
        let first = try StagedOutput.begin(destination: destination)
        try first.emit(Data("0".utf8), at: "index.html")
        try first.commit()
        let probe = SwapProbe()
        let watcher = Thread {
            var status = stat()
            while !probe.done.load(ordering: .relaxed) {
                if stat(destination.path, &status) != 0 { probe.misses.add(1, ordering: .relaxed) }
                probe.looks.add(1, ordering: .relaxed)
            }
        }
        watcher.start()
        while probe.looks.load(ordering: .relaxed) == 0 { usleep(100) }
        let rounds = 2000
        for round in 1...rounds {
            let staged = try StagedOutput.begin(destination: destination)
            try staged.emit(Data("\(round)".utf8), at: "index.html")
            try staged.commit()
        }
        probe.done.store(true, ordering: .relaxed)
        while !watcher.isFinished { usleep(1000) }
        let misses = probe.misses.load(ordering: .relaxed)
        #expect(misses == 0, "the output folder was missing \(misses) times during \(rounds) swaps")
        #expect(probe.looks.load(ordering: .relaxed) > rounds, "the watcher did not run alongside the swaps")
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "\(rounds)")
    }

    @Test func stagingFoldersOfEndedBuildsAreCleanedUpAndLiveOnesKept() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let live = Process()
        live.executableURL = URL(fileURLWithPath: "/bin/sleep")
        live.arguments = ["60"]
        try live.run()
        defer { live.terminate() }
        let ended = try [endedProcessID(), endedProcessID()]
        for pid in ended + [live.processIdentifier] {
            try project.write("oud", to: "._site.staging-\(pid)/sectie/oud.html")
        }
        try project.write("van mij", to: "._site.staging-notities/brief.txt")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let beside = Set(try FileManager.default.contentsOfDirectory(atPath: project.root.path))
        for pid in ended { #expect(!beside.contains("._site.staging-\(pid)"), "the staging folder of ended process \(pid) is still there") }
        #expect(beside.contains("._site.staging-\(live.processIdentifier)"), "a running build's staging folder was removed")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("._site.staging-\(live.processIdentifier)/sectie/oud.html").path))
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("._site.staging-notities/brief.txt").path))
        // What a killed build left is not in the new site.
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/sectie/oud.html").path))
    }

    // MARK: Commands that write one file

    @Test func singleFileCommandsReplaceOnlyWithForce() throws {
        let project = try shippedContentProject()
        defer { project.remove() }
        let refusal = ": error: a file of this name exists already; give --force to replace it, or choose another file with -o"

        try project.write("eigen", to: "kwaliteitskader.csv")
        var result = try runKennisbank(["assessment", "template", "--csv"], in: project.root)
        #expect(result.status == 1)
        #expect(result.output == "kwaliteitskader.csv" + refusal + "\n")
        #expect(try String(contentsOf: project.root.appendingPathComponent("kwaliteitskader.csv"), encoding: .utf8) == "eigen")
        result = try runKennisbank(["assessment", "template", "--csv", "--force"], in: project.root)
        #expect(result.status == 0, "\(result.output)")
        var sheet = try String(contentsOf: project.root.appendingPathComponent("kwaliteitskader.csv"), encoding: .utf8)
        #expect(sheet.contains("P1.05"))

        sheet = sheet.replacingOccurrences(of: "Praktijk;", with: "Praktijk;Proef")
            .replacingOccurrences(of: "Datum (JJJJ-MM-DD);", with: "Datum (JJJJ-MM-DD);2025-01-01")
        try project.write(sheet, to: "proef.csv")
        try project.write("eigen", to: "proef.md")
        result = try runKennisbank(["assessment", "import", "proef.csv"], in: project.root)
        #expect(result.status == 1)
        #expect(result.output == "proef.md" + refusal + "\n")
        #expect(try String(contentsOf: project.root.appendingPathComponent("proef.md"), encoding: .utf8) == "eigen")
        result = try runKennisbank(["assessment", "import", "proef.csv", "--force"], in: project.root)
        #expect(result.status == 0, "\(result.output)")
        #expect(try String(contentsOf: project.root.appendingPathComponent("proef.md"), encoding: .utf8).contains("praktijk: \"Proef\""))

        try project.write("eigen", to: "duinmeer-2025.html")
        result = try runKennisbank(["assessment", "render", "content/zelfevaluaties/duinmeer-2025.md"], in: project.root)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("duinmeer-2025.html" + refusal + "\n"))
        #expect(try String(contentsOf: project.root.appendingPathComponent("duinmeer-2025.html"), encoding: .utf8) == "eigen")
        result = try runKennisbank(["assessment", "render", "content/zelfevaluaties/duinmeer-2025.md", "--force"], in: project.root)
        #expect(result.status == 0, "\(result.output)")
        #expect(try String(contentsOf: project.root.appendingPathComponent("duinmeer-2025.html"), encoding: .utf8).contains("<html"))
    }

    // MARK: Names too long for the disk

    @Test func overLongFolderNamesAreReportedAtTheirLine() throws {
        let project = try shippedContentProject()
        defer { project.remove() }
        let long = String(repeating: "a", count: 300)
        try project.write("---\ntitle: Lang\nslug: \(long)\n---\nTekst.\n", to: "content/over-housing-first/lang.md")
        try project.write("---\npraktijk: Proef\ndatum: 2025-01-01\nkader: \"2025\"\ncode: \(long)\n---\n## P1.01\n\n**Kleurscore:** groen\n",
                          to: "content/zelfevaluaties/code.md")
        try project.write("---\npraktijk: \(long)\ndatum: 2025-01-01\nzichtbaarheid: public\npersoonsgegevens_gecontroleerd: true\n---\n## P1.01\n\n**Kleurscore:** groen\n",
                          to: "content/zelfevaluaties/praktijk.md")
        try project.write("---\npraktijk: Proef\ndatum: 2025-01-01\nvoorbereiding: true\nnamens: gemeente\nsessie: \(long)\ncode: q8v3m1x7k2d9\n---\n## P1.01\n\n**Kleurscore:** groen\n",
                          to: "content/zelfevaluaties/sessie.md")
        let message = "the address of this page would have a folder name of"
        let expected = [
            "content/over-housing-first/lang.md:3:1: error: \(message) 300 bytes, more than the 255 a file name may have; shorten `slug`",
            "content/zelfevaluaties/code.md:5:1: error: \(message) 317 bytes, more than the 255 a file name may have; shorten `code`",
            "content/zelfevaluaties/praktijk.md:2:1: error: \(message) 311 bytes, more than the 255 a file name may have; shorten `praktijk`",
            "content/zelfevaluaties/sessie.md:6:1: error: \(message) 336 bytes, more than the 255 a file name may have; shorten `sessie`",
        ]
        for report in [project.check(), project.build()] {
            let lines = project.lines(report).filter { $0.contains(message) }
            #expect(lines == expected)
            #expect(!project.lines(report).contains { $0.contains("too long") }, "\(project.lines(report))")
        }
    }

    // MARK: A full disk

    @Test(.enabled(if: isRoot, "mounting a small tmpfs needs root"))
    func aFullDiskIsOneLineWithTheCause() throws {
        let disk = try SmallDisk(size: "1m")
        defer { disk.remove() }
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        var options = project.options
        options.output = disk.root.appendingPathComponent("_site").path
        #expect(SiteBuilder.build(options).succeeded)
        let before = filesBelow(disk.root.appendingPathComponent("_site"))
        try Data(repeating: 0x61, count: 1_200_000).write(to: project.root.appendingPathComponent("content/sectie/groot.bin"))
        let report = SiteBuilder.build(options)
        #expect(report.diagnostics.items.map(\.description) == [
            "\(options.output): error: cannot write `sectie/groot.bin`: no space left on the device; the previous site was left as it was",
        ])
        #expect(filesBelow(disk.root.appendingPathComponent("_site")) == before)
    }

    @Test(.enabled(if: isRoot, "mounting a small tmpfs needs root"))
    func aFullDiskForPDFsAndSingleFilesIsOneLineWithTheCause() throws {
        let disk = try SmallDisk(size: "256k")
        defer { disk.remove() }
        disk.fill()
        let python = try #require(PDFRenderer.weasyPrint(), "WeasyPrint is needed: run scripts/setup.sh")
        let failures = PDFRenderer.render([("<p>Tekst</p>", disk.root.appendingPathComponent("een.pdf"), "https://kennisbank.invalid/"),
                                           ("<p>Meer</p>", disk.root.appendingPathComponent("twee.pdf"), "https://kennisbank.invalid/")],
                                          with: python, allowedFolder: disk.root)
        #expect(failures == ["WeasyPrint could not make `een.pdf`, `twee.pdf`: no space left on the device"]
            || failures == ["WeasyPrint could not make `twee.pdf`, `een.pdf`: no space left on the device"])

        let project = try shippedContentProject()
        defer { project.remove() }
        let sheet = disk.root.appendingPathComponent("kwaliteitskader.csv").path
        let result = try runKennisbank(["assessment", "template", "--csv", "-o", sheet], in: project.root)
        #expect(result.status == 1)
        #expect(result.output == "\(sheet): error: cannot write this file: no space left on the device\n")
        #expect(!FileManager.default.fileExists(atPath: sheet))
    }

    // MARK: No NSString path calls

    /// `("a" as NSString).deletingLastPathComponent` crashes on this platform: no source may
    /// use NSString's path calls (`URL`'s methods of the same names are fine).
    @Test func noSourceUsesNSStringPathCalls() throws {
        let calls = ["deletingLastPathComponent", "appendingPathComponent", "lastPathComponent", "pathExtension",
                     "deletingPathExtension", "pathComponents", "expandingTildeInPath", "standardizingPath"]
        var found: [String] = []
        let sources = repositoryRoot.appendingPathComponent("Sources")
        for (path, data) in filesBelow(sources) where path.hasSuffix(".swift") {
            for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                let usesNSString = code.contains("NSString") || code.contains("NSPathUtilities")
                if usesNSString && (code.contains("as NSString") || calls.contains { code.contains($0) } || code.contains("NSString(")) {
                    found.append("Sources/\(path):\(number + 1): \(code)")
                }
            }
        }
        #expect(found.isEmpty, "NSString path calls crash on one-character names; use RelativePath or URL: \(found)")
    }
}

/// What the watcher of the swap saw, shared between two threads.
private final class SwapProbe: Sendable {
    let done = Atomic<Bool>(false)
    let misses = Atomic<Int>(0)
    let looks = Atomic<Int>(0)
}
