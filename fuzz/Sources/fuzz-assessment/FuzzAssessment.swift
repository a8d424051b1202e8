import FuzzSupport
import Diagnostics
import Kader
import Kennisbank
import KennisbankLoad

/// A completed assessment, checked against the shipped kader. Without errors there must be
/// an assessment; with errors there must be none.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssessment(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzCheck.data(start, count)
    let (assessment, diagnostics) = SourceReaders.assessment(input, kader: FuzzCheck.kader)
    FuzzCheck.diagnosticsAreUsable(diagnostics, input: input)
    let failed = diagnostics.contains { $0.severity == .error }
    precondition(failed == (assessment == nil), "errors \(failed) but assessment \(assessment == nil ? "missing" : "made")")
    return 0
}
