import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Deletes a folder with everything in it, its top-level entries on all cores; the old output
/// of a large site is tens of thousands of files and folders. Symbolic links are removed, never
/// followed. Returns whether everything is gone.
@discardableResult
func removeTree(at path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
    let entries = entryNames(path)
    let results = parallelMap(entries) { name in removeEntry(name, in: path) }
    return results.allSatisfy { $0 } && rmdir(path) == 0
}

/// The names in a folder, without `.` and `..`; none when it cannot be read.
func entryNames(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

/// Removes one entry of `folder`, descending into folders (on this thread).
private func removeEntry(_ name: String, in folder: String) -> Bool {
    let path = folder + "/" + name
    if unlink(path) == 0 || errno == ENOENT { return true }
    guard errno == EISDIR || errno == EPERM else { return false }
    var removed = true
    for child in entryNames(path) where !removeEntry(child, in: path) { removed = false }
    return removed && rmdir(path) == 0
}
