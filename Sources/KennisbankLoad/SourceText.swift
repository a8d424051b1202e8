import Foundation
import SiteFormats
import Basics

/// The text of a user's file, decoded and normalised: UTF-8 checked, a byte-order mark
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

    /// The bytes of a file, or why they could not be read.
    package static func readBytes(_ url: URL) -> Result<Data, Failure> {
        do {
            return .success(try Data(contentsOf: url))
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: url.path)
                ? "the file could not be read" : "permission denied"
            return .failure(.unreadable(reason))
        }
    }

    package static func decode(_ data: Data) -> Result<SourceText, Failure> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
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
