import FuzzSupport
import Diagnostics
import Kader
import Kennisbank
import KennisbankLoad
import SiteFormats

/// A knowledge page: front matter (YAML) and Markdown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzCheck.data(start, count)
    let (matter, diagnostics) = SourceReaders.pageWithFrontMatter(input)
    FuzzCheck.diagnosticsAreUsable(diagnostics, input: input)
    // What a page hands to templates and the output stays within its limits.
    if let matter, !diagnostics.contains(where: { $0.severity == .error }) {
        precondition((matter.extra?.depth ?? 0) <= ExtraValue.maximumDepth, "`extra` deeper than the limit was handed out")
        precondition(matter.aliases.count <= PageAlias.maximumPerPage, "more aliases than the limit were handed out")
    }
    return 0
}
