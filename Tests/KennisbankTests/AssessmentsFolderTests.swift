import Foundation
import Kennisbank
import KennisbankServe
import Basics
import Testing

/// The assessments in a folder outside the content (`assessments:` naming a path, issue 20):
/// read as if they lay in the content's assessments folder, at the same addresses.
@Suite("An assessments folder outside the content")
struct AssessmentsFolderTests {
    private static let assessment = "---\npraktijk: Housing First Proef\ndatum: 2025-03-11\ncode: abcdefghij12\n---\n## P1.01\n\n**Kleurscore:** groen\n"

    /// The minimal site with the kader and the assessments' overview page in the content, and the
    /// config naming `prive/zelfevaluaties` (beside the content, as a private checkout would be).
    private func project(config: String = "assessments: prive/zelfevaluaties\n") throws -> TestProject {
        var files = minimalKaderSite
        files["zelfevaluaties/_index.md"] = "---\ntitle: Zelfevaluaties\n---\n"
        let project = try TestProject(files: files, config: config)
        return project
    }

    @Test func itsAssessmentsArePublishedAtTheirUsualAddress() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(Self.assessment, to: "prive/zelfevaluaties/proef-2025.md")
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
        let page = try project.output("zelfevaluaties/housing-first-proef-2025-03-11-abcdefghij12/index.html")
        #expect(page.contains("Housing First Proef"))
        let content = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("content/zelfevaluaties").path)
        #expect(content == ["_index.md"], "the public content holds no assessment")
    }

    @Test func itsFilesAreNamedByTheirOwnPathInDiagnostics() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(Self.assessment.replacingOccurrences(of: "groen", with: "paars"), to: "prive/zelfevaluaties/proef-2025.md")
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("prive/zelfevaluaties/proef-2025.md:8:") && $0.contains("error") }, "\(lines)")
    }

    @Test func aMissingFolderIsAnErrorAtItsLine() throws {
        let project = try project(config: "title: Proef\nassessments: ../elders/zelfevaluaties\n")
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("kennisbank.yml:2:1: error: the assessments folder `../elders/zelfevaluaties` does not exist") },
                "\(lines)")
    }

    @Test func anAssessmentInBothFoldersIsAnError() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(Self.assessment, to: "prive/zelfevaluaties/proef-2025.md")
        try project.write(Self.assessment, to: "content/zelfevaluaties/proef-2025.md")
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.hasPrefix("prive/zelfevaluaties/proef-2025.md:1:1: error: the content holds `zelfevaluaties/proef-2025.md` too") },
                "\(lines)")
    }

    @Test func aFolderInsideTheContentIsRefused() throws {
        let project = try project(config: "assessments: content/zelfevaluaties\n")
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.contains("error: the assessments folder `content/zelfevaluaties` lies inside the content folder") }, "\(lines)")
    }

    @Test func serveWatchesIt() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(Self.assessment, to: "prive/zelfevaluaties/proef-2025.md")
        let watched = DevServer.watchedPaths(project.options).map(\.path)
        #expect(watched.contains(project.root.appendingPathComponent("prive/zelfevaluaties").standardizedFileURL.path), "\(watched)")
    }

    /// Hostile folders: the whole file system (it holds the content), and an output folder that
    /// would replace the assessments (or be written among them).
    @Test(arguments: ["/", "../../../../../../../../.."])
    func aFolderThatHoldsTheContentIsRefused(_ folder: String) throws {
        let project = try project(config: "assessments: \(folder)\n")
        defer { project.remove() }
        let lines = project.lines(project.check())
        #expect(lines.contains { $0.contains("error: the assessments folder `\(folder)` lies inside the content folder (or holds it)") }, "\(lines)")
    }

    @Test func noOutputFolderHoldsItOrLiesInIt() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(Self.assessment, to: "prive/zelfevaluaties/proef-2025.md")
        for output in ["prive", "prive/zelfevaluaties/_site"] {
            var options = project.options
            options.output = project.root.appendingPathComponent(output).path
            let report = SiteBuilder.build(options)
            #expect(!report.succeeded, "\(output)")
            #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("prive/zelfevaluaties/proef-2025.md").path))
        }
    }

    /// How diagnostics name the folder: as written, from the config's folder, `..` taken back.
    @Test(arguments: [("site/../prive/zelfevaluaties", "prive/zelfevaluaties"), ("../x/./y", "../x/y"), ("a/..", "."),
                      ("/srv/prive/../zelf", "/srv/zelf"), ("a", "a")])
    func pathsAreNamedLexically(_ written: String, _ shown: String) {
        #expect(RelativePath.normalized(written) == shown)
    }

    /// An unlisted assessment in a folder that git tracks (here: added to a repository of the
    /// project) gets a warning, a fictional example (`voorbeeld: true`) none, nor one outside it.
    @Test func anUnlistedAssessmentThatGitTracksIsWarnedAbout() throws {
        let project = try project(config: "title: Proef\n")
        defer { project.remove() }
        try project.write(Self.assessment, to: "content/zelfevaluaties/proef-2025.md")
        try project.write(Self.assessment.replacingOccurrences(of: "datum: 2025-03-11", with: "datum: 2024-03-11\nvoorbeeld: true"),
                          to: "content/zelfevaluaties/voorbeeld-2024.md")
        let folder = project.root.path
        #expect(try runProgram(["git", "-C", folder, "init", "-q"]).status == 0)
        #expect(try runProgram(["git", "-C", folder, "add", "content"]).status == 0)
        let lines = project.lines(project.check())
        let warned = lines.filter { $0.contains("warning: this unlisted self-evaluation lies in a folder that git tracks") }
        #expect(warned.count == 1 && warned[0].hasPrefix("content/zelfevaluaties/proef-2025.md:1:1:"), "\(lines)")
    }

    @Test func outsideARepositoryNothingIsWarnedAbout() throws {
        let project = try project(config: "title: Proef\n")
        defer { project.remove() }
        try project.write(Self.assessment, to: "content/zelfevaluaties/proef-2025.md")
        let lines = project.lines(project.check())
        #expect(!lines.contains { $0.contains("git tracks") }, "\(lines)")
    }
}
