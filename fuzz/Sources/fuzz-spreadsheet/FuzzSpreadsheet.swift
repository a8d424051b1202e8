import FuzzSupport
import Foundation
import Diagnostics
import Kader
import Kennisbank
import KennisbankLoad

/// A filled-in kader spreadsheet. A spreadsheet imported without errors must give an
/// assessment file that itself reads without errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpreadsheet(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzCheck.data(start, count)
    let (file, diagnostics) = SourceReaders.spreadsheet(input, kader: FuzzCheck.kader)
    for diagnostic in diagnostics {
        precondition(!diagnostic.message.isEmpty && (diagnostic.line ?? 1) >= 1, "unusable diagnostic: \(diagnostic)")
    }
    if let file, !diagnostics.contains(where: { $0.severity == .error }) {
        let (_, problems) = SourceReaders.assessment(Data(file.utf8), kader: FuzzCheck.kader)
        let errors = problems.filter { $0.severity == .error }
        precondition(errors.isEmpty, "the imported file does not read back: \(errors)\n\(file)")
    }
    return 0
}
