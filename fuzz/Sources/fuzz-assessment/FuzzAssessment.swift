import FuzzSupport
import Diagnostics
import Kader
import Kennisbank
import KennisbankLoad

/// A completed assessment or preparation, checked against the shipped kader. Without errors
/// there must be an assessment; with errors there must be none.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssessment(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzCheck.data(start, count)
    let (assessment, diagnostics) = SourceReaders.assessment(input, kader: FuzzCheck.kader)
    FuzzCheck.diagnosticsAreUsable(diagnostics, input: input)
    let failed = diagnostics.contains { $0.severity == .error }
    precondition(failed == (assessment == nil), "errors \(failed) but assessment \(assessment == nil ? "missing" : "made")")
    // A preparation's participant (`deelnemer:`, issue 19) is one line of at most 100 characters, never empty.
    if let participant = assessment?.preparation?.participant {
        precondition(!participant.isEmpty && participant.count <= AssessmentFormat.participantMaximumLength, "participant of \(participant.count) characters")
        precondition(!participant.unicodeScalars.contains { $0.properties.generalCategory == .control }, "participant with a control character")
    }
    return 0
}
