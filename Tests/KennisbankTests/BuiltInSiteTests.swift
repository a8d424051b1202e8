import DefaultSite
import Foundation
import Kennisbank
import Testing

/// A folder of its own for one test, removed afterwards.
struct ScratchFolder {
    let root: URL

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func folder(_ path: String) throws -> URL {
        let folder = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A copy of the built program in a folder of its own, a working folder holding only
/// `duinmeer-2026.md`, and an empty temporary folder (TMPDIR) for the program.
struct RenderAnywhere {
    static let shipped = "content/zelfevaluaties/duinmeer-2026.md"
    let scratch: ScratchFolder
    let program: URL
    let work: URL
    let temporary: URL

    init() throws {
        scratch = try ScratchFolder("anywhere")
        program = try scratch.folder("bin").appendingPathComponent("kennisbank")
        try FileManager.default.copyItem(at: kennisbankProgram, to: program)
        work = try scratch.folder("Downloads")
        temporary = try scratch.folder("tmp")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(RenderAnywhere.shipped),
                                         to: work.appendingPathComponent("duinmeer-2026.md"))
    }

    /// Runs the copied program in the working folder.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProgram(program, arguments, in: work,
                       environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TMPDIR": temporary.path])
    }

    func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func page(_ name: String = "duinmeer-2026.html") throws -> String {
        try String(contentsOf: work.appendingPathComponent(name), encoding: .utf8)
    }
}

/// `kennisbank assessment render` as an editor uses it on a file received by e-mail: the
/// program copied away from its build folder, run in a folder that is not a site (no
/// templates, no content, no config), with the site built into it or with `--site`.
@Suite("assessment render from any folder", .serialized)
struct BuiltInSiteTests {
    private static let shipped = RenderAnywhere.shipped
    private static let sitePage = "zelfevaluaties/housing-first-duinmeer-2026-03-10-q8v3m1x7k2d9/index.html"

    /// The element that starts with `start`, up to the end of its `</tag>`.
    private func block(_ start: String, tag: String, in html: String) -> String? {
        guard let from = html.range(of: start), let end = html.range(of: "</\(tag)>", range: from.upperBound..<html.endIndex) else { return nil }
        return String(html[from.lowerBound..<end.upperBound])
    }

    /// Every file the binary carries is the project's file, byte for byte, and every file of the
    /// templates, the config and the content is carried, except the completed assessments.
    @Test func carriesTheProjectsOwnFilesButNoAssessments() throws {
        var expected: [String: Data] = [:]
        for folder in ["templates", "content"] {
            for (path, data) in filesBelow(repositoryRoot.appendingPathComponent(folder))
            where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                expected["\(folder)/\(path)"] = data
            }
        }
        expected["kennisbank.yml"] = try Data(contentsOf: repositoryRoot.appendingPathComponent("kennisbank.yml"))
        let assessments = expected.keys.filter { $0.hasPrefix("content/zelfevaluaties/") && $0 != "content/zelfevaluaties/_index.md" }
        #expect(assessments.contains(Self.shipped))
        for path in assessments { expected[path] = nil }
        let carried = DefaultSiteFiles.files
        #expect(carried.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected {
            #expect(carried[path] == data, "\(path) differs from the project's file")
        }
    }

    @Test func rendersOutsideASiteWithTheBuiltInSite() throws {
        let setup = try RenderAnywhere()
        defer { setup.scratch.remove() }
        let result = try setup.run(["assessment", "render", "duinmeer-2026.md"])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.output)")
        #expect(lines.first?.hasPrefix(setup.work.path + "/duinmeer-2026.md: note: this folder is not a site (it has no `content/kader`), so the templates and the kader (version 2025) built into kennisbank are used; earlier rounds of the practice are compared only with `--site DIR`") == true,
                "\(result.output)")
        #expect(lines.last == "wrote duinmeer-2026.html")
        #expect(try setup.names(setup.work) == ["duinmeer-2026.html", "duinmeer-2026.md"])
        #expect(try setup.names(setup.temporary) == [], "the built-in site's temporary folder is left behind")

        let html = try setup.page()
        #expect(html.contains("<title>Zelfevaluatie Housing First Duinmeer – 10 maart 2026</title>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(attributeValues("src", in: html).isEmpty)
        for href in attributeValues("href", in: html) {
            #expect(href.hasPrefix("#"), "outside reference \(href)")
        }
        // The same counts and bars as the site's own page of this file.
        let site = try #require(ShippedSite.shared.pages[Self.sitePage])
        let summary = try #require(block("<section class=\"assessment-summary\"", tag: "section", in: html))
        #expect(summary.contains("<tr class=\"total\">"))
        #expect(summary == block("<section class=\"assessment-summary\"", tag: "section", in: site))
        #expect(block("<section class=\"assessment-attention\"", tag: "section", in: html)
                == block("<section class=\"assessment-attention\"", tag: "section", in: site))
        // Earlier rounds are only in the site.
        #expect(site.contains("<section class=\"assessment-comparison\""))
        #expect(!html.contains("<section class=\"assessment-comparison\""))
    }

    /// With `--site`, the site's templates, kader and earlier rounds: the same file as rendering
    /// in the site's folder.
    @Test func rendersWithTheSiteGiven() throws {
        let setup = try RenderAnywhere()
        defer { setup.scratch.remove() }
        let result = try setup.run(["assessment", "render", "duinmeer-2026.md", "--site", repositoryRoot.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "wrote duinmeer-2026.html\n")
        let html = try setup.page()
        #expect(html.contains("<section class=\"assessment-comparison\""))

        let inSite = try ScratchFolder("in-site")
        defer { inSite.remove() }
        let options = BuildOptions(content: repositoryRoot.appendingPathComponent("content").path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path, output: "/nonexistent",
                                   config: repositoryRoot.appendingPathComponent("kennisbank.yml").path)
        let report = StandaloneAssessment.render(file: setup.work.appendingPathComponent("duinmeer-2026.md").path,
                                                 output: inSite.root.appendingPathComponent("los.html").path, pdf: false, options: options)
        #expect(report.succeeded, "\(report.diagnostics.items)")
        #expect(html == (try String(contentsOf: inSite.root.appendingPathComponent("los.html"), encoding: .utf8)))
    }

    /// An assessment of another kader version than the built-in one is refused with the fix.
    @Test func anotherKaderVersionNeedsTheSite() throws {
        let setup = try RenderAnywhere()
        defer { setup.scratch.remove() }
        let file = setup.work.appendingPathComponent("duinmeer-2026.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "kader: \"2025\"", with: "kader: \"2031\"").utf8).write(to: file)
        let result = try setup.run(["assessment", "render", "duinmeer-2026.md"])
        #expect(result.status == 1)
        #expect(result.output.contains(setup.work.path + "/duinmeer-2026.md:5: error: this assessment was made with kader version `2031`, but the kader built into kennisbank is version `2025`; render it with the site that holds version `2031`: `kennisbank assessment render FILE --site DIR`\n"),
                "\(result.output)")
        #expect(try setup.names(setup.work) == ["duinmeer-2026.md"])
        #expect(try setup.names(setup.temporary) == [])
    }
}
