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
    checkPersonalDataScan(String(decoding: input, as: UTF8.self))
    // Issue 20: at most the limit of personal-data warnings, and one line with the count.
    let personal = diagnostics.filter { $0.message.hasPrefix("this looks like") }.count
    precondition(personal <= PersonalDataWarnings.limit, "\(personal) personal-data warnings")
    return 0
}

/// The personal-data scan (issue 20) on any text: matches in order, without overlap, inside
/// the text, at real lines and columns, and no more than asked for.
func checkPersonalDataScan(_ text: String) {
    let limit = PersonalDataWarnings.limit + 1
    let (matches, total) = PersonalData.scan(text, limit: limit)
    precondition(matches.count == min(total, limit), "\(matches.count) matches of \(total)")
    var end = 0
    for match in matches {
        precondition(match.range.lowerBound >= end && match.range.upperBound <= text.utf8.count && !match.range.isEmpty,
                     "match \(match.range) after \(end)")
        precondition(match.line >= 1 && match.column >= 1, "match at \(match.line):\(match.column)")
        end = match.range.upperBound
    }
}
