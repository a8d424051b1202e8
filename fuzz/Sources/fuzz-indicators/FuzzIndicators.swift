import FuzzSupport
import Diagnostics
import Kader
import Kennisbank
import KennisbankLoad

/// A part of the kader with its `### P1.05 Title` indicators.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndicators(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzCheck.data(start, count)
    let diagnostics = SourceReaders.kaderPart(input).filter { $0.file == "content/kader/deel.md" }
    FuzzCheck.diagnosticsAreUsable(diagnostics, input: input)
    return 0
}
