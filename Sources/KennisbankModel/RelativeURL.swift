import Foundation
import Basics

/// Relative URLs between output files, so that the site works from a folder (file://),
/// from a subpath and from a server root alike.
package enum RelativeURL {
    /// The prefix that leads from the folder of `pageURL` back to the site root: `""`, `"../"`, ...
    package static func root(for pageURL: String) -> String {
        let depth = pageURL.split(separator: "/", omittingEmptySubsequences: false).count - 1
        return String(repeating: "../", count: max(0, depth))
    }

    /// The URL that leads from the page at `from` to the file at `to` (both relative to the site root).
    package static func between(from: String, to: String) -> String {
        var fromParts = from.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        var toParts = to.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while let first = fromParts.first, toParts.count > 1, first == toParts.first {
            fromParts.removeFirst()
            toParts.removeFirst()
        }
        return String(repeating: "../", count: fromParts.count) + toParts.map(encodeComponent).joined(separator: "/")
    }

    /// Percent-encodes one path component (spaces and other unsafe characters): every byte of
    /// its UTF-8 except letters, digits and ``!$&'()*+,-.:=@_~`` (Foundation's `urlPathAllowed`
    /// without `/` and `;`), as `%XX` with capital hex digits.
    package static func encodeComponent(_ component: String) -> String {
        let utf8 = component.utf8
        guard !utf8.allSatisfy(isAllowed) else { return component }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if isAllowed(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!$&'()*+,-.:=@_~".utf8.contains(byte)
        }
    }
}
