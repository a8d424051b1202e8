import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file a command writes (the kader spreadsheet, an imported assessment, a self-contained
/// page): an existing file is replaced only when the user asked for it, and the file is written
/// beside its place and renamed there, so that a failed write (a full disk) leaves no half file
/// and the old one as it was.
package enum SingleFile {
    /// Why `path` may not be written, or nil when nothing is there or `force` is set.
    package static func refusal(_ path: String, force: Bool) -> Diagnostic? {
        var status = stat()
        guard !force, lstat(path, &status) == 0 else { return nil }
        let what = (status.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "a file"
        return .error("\(what) of this name exists already; give --force to replace it, or choose another file with -o", file: path)
    }

    /// Writes `data` to `path` (as the user gave it); a diagnostic with the cause when it fails.
    package static func write(_ data: Data, to path: String) -> Diagnostic? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + ".\(name).new-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return failure(errno, path) }
        let written = data.withUnsafeBytes { writeAll(descriptor, $0) }
        let closed = close(descriptor) == 0 ? 0 : errno
        let problem = written != 0 ? written : closed != 0 ? closed : rename(temporary, path) == 0 ? 0 : errno
        guard problem != 0 else { return nil }
        unlink(temporary)
        return failure(problem, path)
    }

    private static func failure(_ code: Int32, _ path: String) -> Diagnostic {
        .error("cannot write this file: \(SystemError.reason(code))", file: path)
    }
}
