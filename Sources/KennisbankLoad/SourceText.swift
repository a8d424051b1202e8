import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteFormats
import Basics

/// The text of a user's file, decoded and normalised: UTF-8 checked, byte-order marks
/// removed, CRLF and CR line endings turned into LF.
package struct SourceText {
    package let text: String

    /// Why a file could not be turned into text.
    package enum Failure: Error {
        case unreadable(String)
        case invalidUTF8(line: Int, column: Int)
    }

    package static func read(_ url: URL) -> Result<SourceText, Failure> {
        readBytes(url).flatMap(decode)
    }

    /// Larger files are refused: no page, template or config needs them, and they would cost
    /// much memory.
    package static let maximumBytes = 20 * 1024 * 1024

    /// The bytes of a file, or why they could not be read. Only a regular file of at most
    /// `maximumBytes` is read; a named pipe or a device is refused at once (never waited on).
    package static func readBytes(_ url: URL) -> Result<Data, Failure> {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(FileAccessError(code: errno).reason)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(FileAccessError(code: errno).reason)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(.unreadable("it is a folder")) }
        if let special = specialFileKind(mode: status.st_mode) { return .failure(.unreadable("it is \(special), not a file")) }
        guard Int(status.st_size) <= maximumBytes else { return .failure(.unreadable(tooLarge(Int(status.st_size)))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(status.st_size), maximumBytes))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maximumBytes {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(Data(bytes)) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(FileAccessError(code: errno).reason))
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        return .failure(.unreadable(tooLarge(bytes.count)))
    }

    private static func tooLarge(_ size: Int) -> String {
        "it is \(size / 1024 / 1024) MB, more than the \(maximumBytes / 1024 / 1024) MB a file may be"
    }

    /// Decodes bytes as UTF-8. Byte-order marks at the start are dropped, however many: tools
    /// that add one to a file that has one already make two, and a mark carries no text.
    package static func decode(_ data: Data) -> Result<SourceText, Failure> {
        var start = data.startIndex
        while data[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        let bytes = [UInt8](data[start...])
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(bytes)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        var text = decoded
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(text: text))
    }

    /// Line and column (in bytes) of the first byte that is not valid UTF-8.
    private static func firstInvalidPosition(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            let end = index + length
            if end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return (line, index - lineStart + 1)
            }
            if byte == 0x0A { line += 1; lineStart = end }
            index = end
        }
        return (line, 1)
    }
}
