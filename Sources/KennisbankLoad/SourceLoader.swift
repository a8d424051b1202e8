import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Kader
import KennisbankMarkdown
import SiteFormats
import Basics

/// A Markdown source after loading: front matter read, body parsed by cmark, headings
/// anchored and links collected. Line numbers here are lines of the file.
package struct LoadedSource: Sendable {
    /// Path relative to the content folder, such as `kernprincipes/harm-reduction.md`.
    package var path: String
    /// Path as shown in diagnostics, such as `content/kernprincipes/harm-reduction.md`.
    package var displayPath: String
    package var frontMatter: FrontMatter
    /// The first level-1 heading, when the title came from the body; without title or heading,
    /// the title made from the file name (`ContentPath.title(fromName:)`).
    package var bodyTitle: String?
    package var document: MarkdownDocument
    package var headings: [Heading]
    package var links: [LinkReference]
    /// Set when the source defines a part of the kader.
    package var kaderPart: PartDraft?
    /// Set when the source is a completed assessment, with the role of each heading.
    package var assessment: AssessmentDraft?
    package var assessmentRoles: [AssessmentSource.HeadingRole] = []
    /// Front matter keys that mean nothing here, told once for all pages (`FrontMatterKeys`).
    package var unknownKeys: [FrontMatterKeys.Use] = []
}

/// How sources are read: which folders of the content hold special sources, and which ids
/// headings may not take.
package struct LoadRules: Sendable {
    package var kader: String?
    package var assessments: String?
    /// Read every source as an assessment (a single file given on the command line).
    package var onlyAssessments = false
    /// Ids the templates give elements themselves (`TemplateSet.reservedIDs`): no heading gets one.
    package var reservedIDs: Set<String> = []
    /// The site config's `raw_html`: when off, each page's raw HTML is left out, with a warning.
    package var allowRawHTML = false

    package init(kader: String? = nil, assessments: String? = nil, onlyAssessments: Bool = false,
                 reservedIDs: Set<String> = [], allowRawHTML: Bool = false) {
        self.kader = kader
        self.assessments = assessments
        self.onlyAssessments = onlyAssessments
        self.reservedIDs = reservedIDs
        self.allowRawHTML = allowRawHTML
    }

    package func isKader(_ path: String) -> Bool { kader.map { path.hasPrefix($0 + "/") } ?? false }
    package func isAssessment(_ path: String) -> Bool {
        onlyAssessments || (assessments.map { path.hasPrefix($0 + "/") } ?? false) && !ContentPath.isLanding(path)
    }
}

/// Reads Markdown sources from disk into `LoadedSource` values.
package enum SourceLoader {
    /// Larger Markdown files are refused: no page needs them, and they would cost much memory.
    package static let maximumBytes = SourceText.maximumBytes
    /// A page or assessment with more headings is refused: each costs an anchor, an entry in the
    /// table of contents and a place in the book, and no page needs so many.
    package static let maximumHeadings = 5_000

    package static func load(path: String, contentRoot: URL, displayRoot: String, folders: LoadRules) -> (LoadedSource?, [Diagnostic]) {
        let display = "\(displayRoot)/\(path)"
        let url = contentRoot.appendingPathComponent(path)
        // Checked before reading, so that a huge file is never read into memory.
        var status = stat()
        if stat(url.path, &status) == 0, Int(status.st_size) > maximumBytes {
            return (nil, [tooLarge(Int(status.st_size), file: display)])
        }
        switch SourceText.readBytes(url) {
        case .failure(let failure): return (nil, [diagnostic(for: failure, file: display)])
        case .success(let data): return parse(data: data, path: path, displayPath: display, folders: folders)
        }
    }

    /// Decodes the bytes of a Markdown source (size limit, UTF-8, byte-order mark, line
    /// endings) and parses them; used by `load` and by `SourceReaders`.
    package static func parse(data: Data, path: String, displayPath: String, folders: LoadRules) -> (LoadedSource?, [Diagnostic]) {
        guard data.count <= maximumBytes else { return (nil, [tooLarge(data.count, file: displayPath)]) }
        switch SourceText.decode(data) {
        case .failure(let failure): return (nil, [diagnostic(for: failure, file: displayPath)])
        case .success(let source): return parse(source.text, path: path, displayPath: displayPath, folders: folders)
        }
    }

    private static func diagnostic(for failure: SourceText.Failure, file: String) -> Diagnostic {
        switch failure {
        case .unreadable(let reason):
            .error("cannot read this file (\(reason)); check that it exists and that you may read it", file: file, line: 1, column: 1)
        case .invalidUTF8(let line, let column):
            .error("this file is not valid UTF-8 text; open it in an editor and save it as UTF-8", file: file, line: line, column: column)
        }
    }

    private static func tooLarge(_ size: Int, file: String) -> Diagnostic {
        .error("this file is \(size / 1024 / 1024) MB, more than the \(maximumBytes / 1024 / 1024) MB a page may be; split it into several pages",
               file: file, line: 1, column: 1)
    }

    /// The error for a document with more than `maximumHeadings` headings, at the first one too many.
    private static func tooManyHeadings(_ document: MarkdownDocument, file: String, lineOffset: Int) -> Diagnostic? {
        let (count, line) = document.countHeadings(limit: maximumHeadings)
        guard let line else { return nil }
        return .error("this file has \(count) headings, more than the \(maximumHeadings) a page may have; split it into several pages",
                      file: file, line: line + lineOffset, column: 1)
    }

    /// Parses the text of a Markdown source; used by `load` and by tests.
    package static func parse(_ text: String, path: String, displayPath: String,
                      folders: LoadRules = LoadRules()) -> (LoadedSource?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        guard let split = FrontMatterSplit.split(text) else {
            diagnostics.append(.error(
                "the front matter that starts here has no closing `---` line; add a line with `---` after the last setting",
                file: displayPath, line: 1, column: 1))
            return (nil, diagnostics.items)
        }
        var matter = FrontMatter()
        var fields: YAMLFields?
        if let yaml = split.yaml {
            fields = YAMLFields.parse(yaml, file: displayPath, firstLine: split.yamlFirstLine, diagnostics: &diagnostics)
            guard fields != nil else { return (nil, diagnostics.items) }
        }
        if folders.isAssessment(path) {
            // Every field may hold personal data: the whole text is scanned, so that each warning
            // stands at its line and column of the file.
            diagnostics.append(contentsOf: PersonalDataWarnings.warnings(in: text, file: displayPath))
            return parseAssessment(split, fields: fields ?? YAMLFields(file: displayPath, entries: []), path: path,
                                   displayPath: displayPath, reservedIDs: folders.reservedIDs, diagnostics: diagnostics)
        }
        var unknownKeys: [FrontMatterKeys.Use] = []
        if let fields {
            matter = FrontMatter.read(fields, diagnostics: &diagnostics)
            unknownKeys = FrontMatter.unknownKeys(fields)
        }
        let document = MarkdownDocument(split.body)
        if let tooMany = tooManyHeadings(document, file: displayPath, lineOffset: split.bodyLineOffset) {
            return (nil, diagnostics.items + [tooMany])
        }
        let rawHTML = folders.allowRawHTML ? [] : document.droppedRawHTML()
        for problem in document.applyExtensions() + rawHTML + document.takeExplicitHeadingIDs(lineOffset: split.bodyLineOffset) {
            let line = problem.line + split.bodyLineOffset
            switch problem.severity {
            case .warning: diagnostics.append(.warning(problem.message, file: displayPath, line: line, column: problem.column))
            case .error: diagnostics.append(.error(problem.message, file: displayPath, line: line, column: problem.column))
            }
        }
        var bodyTitle: String?
        if matter.title == nil, let heading = document.takeTitleHeading() {
            bodyTitle = heading.text
        }
        let offset = split.bodyLineOffset
        var isPart = false
        if matter.part != nil {
            if folders.isKader(path) {
                isPart = true
            } else {
                diagnostics.append(.warning("`part` is only used by pages in the kader folder (`\(folders.kader ?? "kader")/`) and is ignored here",
                                            file: displayPath, line: matter.partLine, column: 1))
            }
        }
        let preferredID: ((Int, String) -> String?)? = isPart ? { level, text in
            level == 3 ? IndicatorID(KaderSource.firstWord(of: text))?.anchor : nil
        } : nil
        let headings = document.assignHeadingAnchors(reserved: folders.reservedIDs, preferredID: preferredID).map {
            var heading = $0
            heading.line += offset
            return heading
        }
        var kaderPart: PartDraft?
        if isPart {
            kaderPart = KaderSource.draft(document: document, headings: headings, matter: matter, bodyTitle: bodyTitle,
                                          path: path, displayPath: displayPath, lineOffset: offset)
        }
        let links = document.links().map {
            var link = $0
            link.line += offset
            return link
        }
        if matter.title == nil, bodyTitle == nil || bodyTitle!.isEmpty {
            let title = titleFromName(path)
            diagnostics.append(.warning(
                title.map { "this page has no title, so it is called \"\($0)\" after its \(ContentPath.isLanding(path) ? "folder" : "file") name; add `title: ...` to the front matter or start the text with a `# Title` heading" }
                    ?? "the home page has no title, so it takes the site's `title`; add `title: ...` to the front matter or start the text with a `# Title` heading",
                file: displayPath, line: 1, column: 1))
            bodyTitle = title
        }
        var source = LoadedSource(path: path, displayPath: displayPath, frontMatter: matter, bodyTitle: bodyTitle,
                                  document: document, headings: headings, links: links, kaderPart: kaderPart)
        source.unknownKeys = unknownKeys
        return (source, diagnostics.items)
    }

    /// The title a page without one takes: its file name, or for a landing page its folder's
    /// name; nil for the home page (the tree gives it the site's title).
    private static func titleFromName(_ path: String) -> String? {
        guard ContentPath.isLanding(path) else { return ContentPath.title(fromName: RelativePath.name(path)) }
        let folder = RelativePath.parent(path)
        return folder.isEmpty ? nil : ContentPath.title(fromName: RelativePath.name(folder))
    }

    /// An assessment: its own front matter keys, indicator sections and plan.
    private static func parseAssessment(_ split: FrontMatterSplit, fields: YAMLFields, path: String, displayPath: String,
                                        reservedIDs: Set<String>, diagnostics: DiagnosticList) -> (LoadedSource?, [Diagnostic]) {
        var diagnostics = diagnostics
        var draft = AssessmentSource.draft(fields: fields, path: path, displayPath: displayPath, diagnostics: &diagnostics)
        let document = MarkdownDocument(split.body)
        if let tooMany = tooManyHeadings(document, file: displayPath, lineOffset: split.bodyLineOffset) {
            return (nil, diagnostics.items + [tooMany])
        }
        document.applyAssessmentTextRules()
        var current = ""
        let headings = document.assignHeadingAnchors(reserved: reservedIDs) { level, text in
            if level == 2 {
                current = IndicatorID(KaderSource.firstWord(of: text))?.anchor ?? ""
                return current.isEmpty ? nil : current
            }
            return level == 3 && !current.isEmpty ? "\(current)-\(Slug.make(text))" : nil
        }.map {
            var heading = $0
            heading.line += split.bodyLineOffset
            return heading
        }
        let roles = AssessmentSource.readBody(document: document, text: split.body, headings: headings, lineOffset: split.bodyLineOffset,
                                              draft: &draft, diagnostics: &diagnostics)
        let links = document.links().map {
            var link = $0
            link.line += split.bodyLineOffset
            return link
        }
        // Its title and address are the model's choice (`AssessmentPages`), made from the draft.
        let matter = FrontMatter()
        var source = LoadedSource(path: path, displayPath: displayPath, frontMatter: matter, bodyTitle: nil,
                                  document: document, headings: headings, links: links)
        source.assessment = draft
        source.assessmentRoles = roles
        return (source, diagnostics.items)
    }
}

extension Optional where Wrapped == LoadedSource {
    /// The same source, placed at `path` in the content (for a file loaded from elsewhere).
    package func relocated(to path: String) -> LoadedSource? {
        map {
            var source = $0
            source.path = path
            source.assessment?.source = path
            return source
        }
    }
}
