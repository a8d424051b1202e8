import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One entry of a folder as `readdir` gives it: its name and kind (`DT_DIR`, `DT_REG`,
/// `DT_LNK`, or `DT_UNKNOWN` where the file system does not say).
package struct DirectoryEntry {
    package let name: String
    package let kind: UInt8
}

/// The entries of a folder, without `.` and `..`; none when it cannot be read.
package func directoryEntries(_ path: String) -> [DirectoryEntry] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var entries: [DirectoryEntry] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { entries.append(DirectoryEntry(name: name, kind: entry.pointee.d_type)) }
    }
    return entries
}

/// The names in a folder, without `.` and `..`; none when it cannot be read.
package func entryNames(_ path: String) -> [String] {
    directoryEntries(path).map(\.name)
}
