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

/// Why a folder or file could not be opened: its `errno`, in words for a diagnostic.
package struct FileAccessError: Error, Equatable {
    package let code: Int32

    package init(code: Int32) { self.code = code }

    /// "permission denied", "no such file or directory", ...
    package var reason: String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "it does not exist"
        case ELOOP: "it is a loop of symbolic links"
        case ENAMETOOLONG: "its path is too long"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}

/// The entries of a folder, without `.` and `..`, or why it cannot be read.
package func readDirectory(_ path: String) -> Result<[DirectoryEntry], FileAccessError> {
    guard let directory = opendir(path) else { return .failure(FileAccessError(code: errno)) }
    defer { closedir(directory) }
    var entries: [DirectoryEntry] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { entries.append(DirectoryEntry(name: name, kind: entry.pointee.d_type)) }
    }
    return .success(entries)
}

/// The entries of a folder, without `.` and `..`; none when it cannot be read.
package func directoryEntries(_ path: String) -> [DirectoryEntry] {
    (try? readDirectory(path).get()) ?? []
}

/// The names in a folder, without `.` and `..`; none when it cannot be read.
package func entryNames(_ path: String) -> [String] {
    directoryEntries(path).map(\.name)
}

/// What a file is that is neither a regular file, a folder nor a symbolic link, in words for a
/// diagnostic (`a named pipe (FIFO)`); nil for those three. `mode` is `st_mode` of `stat`.
package func specialFileKind(mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFIFO: "a named pipe (FIFO)"
    case S_IFSOCK: "a socket"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    default: nil
    }
}
