import Diagnostics
import Kader
import SiteFormats
import Basics

/// The folder names of the output have a length limit: most file systems (ext4, APFS, NTFS)
/// take no file name over 255 bytes. A page whose address would need a longer one is an error
/// at the line that makes the name (its `slug`, or the practice, code or session of an
/// assessment), found before anything is written.
package enum OutputNames {
    /// The longest file name, in bytes, that the output may have.
    package static let maximumBytes = 255

    package static func check(tree: SiteTree, sources: [String: SourceSummary],
                              sessions: [AssessmentSite.PreparationSession], diagnostics: inout DiagnosticList) {
        var reported = Set<String>()
        func report(_ name: Substring, file: String, line: Int, cause: String) {
            guard reported.insert("\(file):\(line)").inserted else { return }
            diagnostics.append(.error(
                "the address of this page would have a folder name of \(name.utf8.count) bytes, more than the \(maximumBytes) a file name may have; shorten \(cause)",
                file: file, line: line, column: 1))
        }
        for page in tree.pages {
            // A page's own part of its address: the folder that holds its `index.html`.
            let parts = page.url.split(separator: "/")
            guard parts.count >= 2, parts[parts.count - 2].utf8.count > maximumBytes,
                  let source = sources[page.source] else { continue }
            let (line, cause) = origin(of: source, page: page)
            report(parts[parts.count - 2], file: source.assessment?.file ?? source.displayPath, line: line, cause: cause)
        }
        for session in sessions {
            let parts = session.url.split(separator: "/")
            guard parts.count >= 2, parts[parts.count - 2].utf8.count > maximumBytes,
                  let first = session.pages.first, let draft = sources[tree.pages[first].source]?.assessment else { continue }
            let (line, cause) = longest(of: draft, [.session, .code])
            report(parts[parts.count - 2], file: draft.file, line: line, cause: cause)
        }
    }

    /// The line that makes the page's folder name, and what to shorten there.
    private static func origin(of source: SourceSummary, page: Page) -> (Int, String) {
        if let draft = source.assessment {
            return longest(of: draft, draft.preparation == nil ? [.practice, .code] : [.session, .code])
        }
        if source.frontMatter.slug != nil { return (source.frontMatter.slugLine ?? 1, "`slug`") }
        return (1, page.kind == .page ? "the file name (or give a shorter `slug`)" : "the folder name (or give a shorter `slug`)")
    }

    /// Of the assessment's `keys`, the one whose value takes the most room in the address.
    private static func longest(of draft: AssessmentDraft, _ keys: [AssessmentFormat.Key]) -> (Int, String) {
        let values: [(AssessmentFormat.Key, Located<String>?)] = keys.map { key in
            switch key {
            case .practice: (key, draft.practice)
            case .code: (key, draft.code)
            default: (key, draft.session)
            }
        }
        let present = values.compactMap { key, value in value.map { (key, $0) } }
        guard let (key, value) = present.max(by: { Slug.make($0.1.value).utf8.count < Slug.make($1.1.value).utf8.count }) else {
            return (1, "the file name")
        }
        return (value.line, "`\(key.rawValue)`")
    }
}
