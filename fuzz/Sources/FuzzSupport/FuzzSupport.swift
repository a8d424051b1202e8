import Foundation
import Diagnostics
import Kader
import Kennisbank

/// What every fuzz target checks besides "no crash, no hang": the diagnostics a reader gives
/// for any input are ones a user can act on.
public enum FuzzCheck {
    /// The shipped kader, read once from the project's content (the folder above `fuzz/`, or
    /// `KENNISBANK_ROOT`).
    public static let kader: Kader = {
        let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                                   config: "\(root)/kennisbank.yml", makePDFs: false)
        let (kader, diagnostics) = KaderReader.read(options: options)
        guard let kader else { fatalError("the shipped kader does not load: \(diagnostics.items)") }
        return kader
    }()

    /// The project's folder (the one above `fuzz/`, or `KENNISBANK_ROOT`).
    public static let root: String = ProcessInfo.processInfo.environment["KENNISBANK_ROOT"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path

    /// The bytes of one fuzz input.
    public static func data(_ start: UnsafeRawPointer, _ count: Int) -> Data {
        Data(bytes: start, count: count)
    }

    /// Each diagnostic names a file, has a message, and points at a line of the input
    /// (or just after its end) and a column of at least 1.
    public static func diagnosticsAreUsable(_ diagnostics: [Diagnostic], input: Data) {
        let lines = input.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } + input.reduce(0) { $0 + ($1 == 0x0D ? 1 : 0) }
        for diagnostic in diagnostics {
            precondition(!diagnostic.file.isEmpty, "diagnostic without a file: \(diagnostic)")
            precondition(!diagnostic.message.isEmpty, "diagnostic without a message: \(diagnostic)")
            if let line = diagnostic.line {
                precondition(line >= 1 && line <= lines + 1, "line \(line) outside the input's \(lines) lines: \(diagnostic)")
            }
            if let column = diagnostic.column { precondition(column >= 1, "column below 1: \(diagnostic)") }
        }
    }
}
