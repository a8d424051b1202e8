import Basics
import Foundation

/// Makes PDF files of printable HTML pages with WeasyPrint (Debian's `weasyprint`).
package enum PDFRenderer {
    /// The `weasyprint` program on `searchPath` (the PATH when nil), if installed.
    package static func weasyPrint(searchPath: String? = nil) -> URL? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Renders each page to its PDF, two at a time; returns one message per failure. The pages
    /// carry their stylesheet inline and reach nothing else, so `base`, the address relative
    /// links in the PDF resolve against, is never a local path: PDFs are the same from build to
    /// build and reveal nothing of the build machine.
    package static func render(_ jobs: [(html: String, pdf: URL, base: String)], with program: URL) -> [String] {
        let failures = parallelMap(jobs) { job -> String? in
            let process = Process()
            process.executableURL = program
            process.arguments = ["--quiet", "--presentational-hints", "--base-url", job.base, "-", job.pdf.path]
            let input = Pipe()
            process.standardInput = input
            // Fixed dates keep the PDF bytes the same from build to build.
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = "0"
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                return "cannot start WeasyPrint for `\(job.pdf.lastPathComponent)`: \(error.localizedDescription)"
            }
            input.fileHandleForWriting.write(Data(job.html.utf8))
            try? input.fileHandleForWriting.close()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                return "WeasyPrint could not make `\(job.pdf.lastPathComponent)`: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
            }
            return nil
        }
        return failures.compactMap { $0 }
    }
}
