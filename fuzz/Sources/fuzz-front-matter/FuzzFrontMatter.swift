import FuzzSupport
import Diagnostics
import Kader
import Kennisbank
import KennisbankLoad

/// A knowledge page: front matter (YAML) and Markdown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzCheck.data(start, count)
    FuzzCheck.diagnosticsAreUsable(SourceReaders.page(input), input: input)
    return 0
}
