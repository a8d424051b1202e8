import Basics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Deletes a folder with everything in it, its top-level entries on all cores; the old output
/// of a large site is tens of thousands of files and folders. Symbolic links are removed, never
/// followed. Returns whether everything is gone.
@discardableResult
package func removeTree(at path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
    let entries = entryNames(path)
    let results = parallelMap(entries) { name in removeEntry(name, in: path) }
    return results.allSatisfy { $0 } && rmdir(path) == 0
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
