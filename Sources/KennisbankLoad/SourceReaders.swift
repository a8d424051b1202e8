import Diagnostics
import Foundation
import Kader
import SiteFormats
import Basics

/// The readers of user files, one call each, for programs that hand over bytes rather than a
/// content folder: the fuzz targets in `fuzz/`, and editor tooling. Each reads the bytes as the
/// build reads that kind of file and returns what the build would report for that file alone.
public enum SourceReaders {
    /// A knowledge page: front matter and Markdown.
    public static func page(_ data: Data, path: String = "pagina.md") -> [Diagnostic] {
        pageWithFrontMatter(data, path: path).1
    }

    /// `page`, with the front matter as read (nil when the page could not be read).
    public static func pageWithFrontMatter(_ data: Data, path: String = "pagina.md") -> (FrontMatter?, [Diagnostic]) {
        let (source, problems) = load(data, path: path, folders: LoadRules(kader: "kader", assessments: "zelfevaluaties"))
        guard let source else { return (nil, problems) }
        return (source.frontMatter, problems + FrontMatterKeys.warnings([(source.displayPath, source.unknownKeys)]))
    }

    /// A part of the kader (`part:` in the front matter, indicators as `### P1.05 Title`),
    /// checked as a kader of this one part: besides its own problems, the other parts are
    /// reported missing.
    public static func kaderPart(_ data: Data, path: String = "kader/deel.md") -> [Diagnostic] {
        let (source, problems) = load(data, path: path, folders: LoadRules(kader: "kader", assessments: nil))
        guard let draft = source?.kaderPart else { return problems }
        let (_, kaderProblems) = KaderBuilder.build(version: "2025", versionLine: nil, indexFile: "kader/_index.md", parts: [draft])
        return problems + kaderProblems
    }

    /// A completed assessment or preparation, checked against `kader`; the assessment only
    /// when the file has no errors.
    public static func assessment(_ data: Data, kader: Kader,
                                  path: String = "zelfevaluaties/ronde.md") -> (Assessment?, [Diagnostic]) {
        let (source, problems) = load(data, path: path, folders: LoadRules(onlyAssessments: true))
        guard let draft = source?.assessment else { return (nil, problems) }
        let (assessment, assessmentProblems) = AssessmentBuilder.build(draft, kader: kader)
        let all = problems + assessmentProblems
        return (all.contains { $0.severity == .error } ? nil : assessment, all)
    }

    /// A filled-in kader spreadsheet (CSV): the assessment file it becomes, and the problems.
    public static func spreadsheet(_ data: Data, kader: Kader, path: String = "ronde.csv") -> (String?, [Diagnostic]) {
        let (file, problems) = SpreadsheetImport.read(data, path: path, kader: kader)
        return (file?.markdown, problems)
    }

    private static func load(_ data: Data, path: String, folders: LoadRules) -> (LoadedSource?, [Diagnostic]) {
        SourceLoader.parse(data: data, path: path, displayPath: "content/\(path)", folders: folders)
    }
}
