import Basics
import CSystemCalls
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a site into a staging folder beside the output folder and swaps it in only when
/// everything succeeded, so that a failed build never leaves a half-written or empty site.
///
/// The output that a build replaces is kept beside the new one as `.<name>.previous` and is the
/// next build's staging folder: its folders are reused and its files replaced, and what the new
/// build does not write is removed (`removeLeftovers`). A site of 10,000 pages thus costs no
/// 10,000 new folders and no deletion of 10,000 old ones per build (on ext4 each `mkdir` cost
/// more than writing the page in it). A file is never written in place there: it may be a hard
/// link to the same file in the live output.
package struct StagedOutput {
    package let destination: URL
    package let staging: URL
    /// Whether the staging folder is the previous output, reused.
    package let reused: Bool
    /// What this build wrote into the staging folder, by relative path.
    private let written = WrittenPaths()

    package enum Failure: Error, CustomStringConvertible {
        case io(String)
        package var description: String {
            switch self { case .io(let message): message }
        }
    }

    /// The folder beside `destination` that holds the output the last build replaced.
    package static func previous(of destination: URL) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).previous")
    }

    /// Starts a build: the staging folder is the previous output when there is one (or the
    /// staging folder of a killed build), else a new folder. Staging folders of builds whose
    /// process is gone are cleaned up; a running build's are never touched. The marker that
    /// makes the output the generator's own is written first.
    package static func begin(destination: URL) throws -> StagedOutput {
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        removeTree(at: staging.path)
        var reused = rename(previous(of: destination).path, staging.path) == 0
        for stale in staleStagingFolders(of: destination) {
            // Without a previous output, the first one left by a killed build is reused instead.
            if !reused, rename(stale.path, staging.path) == 0 {
                reused = true
            } else {
                removeTree(at: stale.path)
            }
        }
        if !reused {
            do {
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw Failure.io("cannot create `\(staging.path)`: \(SystemError.reason(error))")
            }
        }
        let output = StagedOutput(destination: destination, staging: staging, reused: reused)
        do {
            try output.emit(Data(OutputFolder.markerText.utf8), at: OutputMarker.name)
        } catch {
            output.discard()
            throw error
        }
        return output
    }

    /// The staging folders (`.NAME.staging-PID`) beside `destination` whose build process is
    /// gone: `kill(pid, 0)` says there is no such process. Sorted, so the choice is the same
    /// from run to run.
    package static func staleStagingFolders(of destination: URL) -> [URL] {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).staging-"
        return entryNames(parent.path).sorted(by: byteOrder).compactMap { name -> URL? in
            guard name.hasPrefix(prefix) else { return nil }
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let pid = pid_t(digits), pid > 0, pid != getpid() else { return nil }
            guard kill(pid, 0) != 0, errno == ESRCH else { return nil }
            return parent.appendingPathComponent(name)
        }
    }

    /// Writes every file and copy, on all cores. A file whose bytes equal the file at the same
    /// path in the current output is hard-linked from there instead of written: unchanged
    /// outputs keep their inode and modification time (cheap to build, cheap to deploy).
    package func write(files: [(path: String, data: Data)], copies: [(source: URL, path: String)]) throws {
        let jobs: [(path: String, content: () throws -> Data)] =
            files.map { file in (file.path, { file.data }) } +
            copies.map { copy in (copy.path, {
                do { return try Data(contentsOf: copy.source) } catch {
                    throw Failure.io("cannot copy `\(copy.source.path)` to `\(copy.path)`: \(SystemError.reason(error))")
                }
            }) }
        let failures = parallelMap(jobs) { job -> String? in
            do {
                try emit(try job.content(), at: job.path)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw Failure.io(failure) }
    }

    /// Creates the folders of the files at `paths` before they are written, parents before
    /// children, each folder's subfolders by one thread: threads then never add entries to the
    /// same folder at once (ext4 serialises that; at 10,000 pages the racing `mkdir` calls of
    /// two threads took about four times as long as calls split by folder).
    package func makeFolders(for paths: [String]) {
        let byDepth = Dictionary(grouping: Self.folders(of: paths)) { $0.split(separator: "/").count }
        for depth in byDepth.keys.sorted() {
            let byParent = Dictionary(grouping: byDepth[depth]!) { RelativePath.parent($0) }
            _ = parallelMap(byParent.keys.sorted()) { parent in
                // A folder that cannot be made now is reported by the write into it.
                for folder in byParent[parent]! { try? makeFolder(folder) }
            }
        }
    }

    /// Every folder that holds one of `paths`, directly or further up.
    private static func folders(of paths: some Sequence<String>) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var folder = RelativePath.parent(path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = RelativePath.parent(folder)
            }
        }
        return folders
    }

    /// Writes one file (from any thread, also while the rest of the site is still being
    /// rendered), creating its folder when it does not exist yet.
    package func emit(_ data: Data, at path: String) throws {
        try place(count: data.count, at: path) { chunk in try data.withUnsafeBytes { try chunk($0) } }
    }

    /// `emit` for text given in pieces: written one after another as UTF-8, never joined.
    package func emit(pieces: [String], at path: String) throws {
        try place(count: pieces.reduce(0) { $0 + $1.utf8.count }, at: path) { chunk in
            for piece in pieces {
                var piece = piece
                try piece.withUTF8 { try chunk(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    /// Makes `folder` (relative to the staging folder) when it is not there; in a reused staging
    /// folder, a file where it or a folder above it should be is removed first.
    private func makeFolder(_ folder: String) throws {
        guard !folder.isEmpty else { return }
        let full = staging.path + "/" + folder
        var status = stat()
        if mkdir(full, 0o755) == 0 || (errno == EEXIST && stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR) {
            return
        }
        if reused {
            // A reused staging folder may hold a file where this build needs a folder.
            var prefix = staging.path
            for component in folder.split(separator: "/") {
                prefix += "/" + component
                if lstat(prefix, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR { unlink(prefix) }
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create the folder `\(folder)`: \(SystemError.reason(error))")
        }
    }

    /// The bytes of one file, handed over chunk by chunk to the closure it is given.
    private typealias Chunks = ((UnsafeRawBufferPointer) throws -> Void) throws -> Void

    /// Puts `count` bytes at `path` in the staging folder: a link to the current output's file
    /// when that holds the same bytes, a new file otherwise. A file an earlier build left there
    /// is unlinked first, never written into.
    private func place(count: Int, at path: String, _ chunks: Chunks) throws {
        let target = staging.path + "/" + path
        let current = destination.path + "/" + path
        written.insert(path)
        if reused, unlink(target) != 0, errno != ENOENT, errno != ENOTDIR {
            if errno == EISDIR || errno == EPERM { removeTree(at: target) }
        }
        // The folder was made beforehand (`makeFolders`) or is made when it turns out missing.
        if Self.file(current, holds: count, chunks) {
            if link(current, target) == 0 { return }
            if errno == ENOENT || errno == ENOTDIR {
                try makeFolder(RelativePath.parent(path))
                if link(current, target) == 0 { return }
            }
        }
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0, errno == ENOENT || errno == ENOTDIR {
            try makeFolder(RelativePath.parent(path))
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw Failure.io("cannot write `\(path)`: \(SystemError.reason(errno))") }
        var closed = false
        defer { if !closed { close(descriptor) } }
        try chunks { bytes in
            let problem = writeAll(descriptor, bytes)
            if problem != 0 { throw Failure.io("cannot write `\(path)`: \(SystemError.reason(problem))") }
        }
        // Some file systems (NFS, quotas) report a full disk only when the file is closed.
        closed = true
        if close(descriptor) != 0 { throw Failure.io("cannot write `\(path)`: \(SystemError.reason(errno))") }
    }

    /// Whether the regular file at `path` holds exactly the bytes of `chunks`.
    private static func file(_ path: String, holds count: Int, _ chunks: Chunks) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == count else { return false }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var same = true
        try? chunks { bytes in
            var offset = 0
            while same, offset < bytes.count {
                let wanted = min(buffer.count, bytes.count - offset)
                let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, wanted) }
                guard got > 0 else { same = false; return }
                same = buffer.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress! + offset, got) == 0 }
                offset += got
            }
        }
        return same
    }

    /// Replaces one file of a live output folder: written beside it, then renamed over it, so
    /// that a reader sees the old file or the new one, never half of one.
    package static func replace(_ data: Data, at url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new-\(getpid())")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw Failure.io(SystemError.reason(errno)) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let reason = (error as? Failure)?.description ?? SystemError.reason(error)
            throw Failure.io("cannot replace `\(url.path)`: \(reason)")
        }
    }

    /// Removes from the staging folder every file this build did not write and every folder
    /// left without files: what an earlier build put there. Call it after the last write and
    /// before other programs (PDFs, search index) add their files.
    package func removeLeftovers() {
        let kept = written.paths
        let folders = Self.folders(of: kept)
        _ = parallelMap(entryNames(staging.path)) { name in
            Self.removeLeftovers(name, in: staging.path, relative: name, kept: kept, folders: folders)
        }
    }

    private static func removeLeftovers(_ name: String, in folder: String, relative: String,
                                        kept: Set<String>, folders: Set<String>) {
        let path = folder + "/" + name
        if folders.contains(relative) {
            for child in entryNames(path) {
                removeLeftovers(child, in: path, relative: relative + "/" + child, kept: kept, folders: folders)
            }
        } else if !kept.contains(relative) {
            removeTree(at: path)
        }
    }

    /// Replaces the output folder with the staging folder. The two are exchanged in one step
    /// (`renameat2` with `RENAME_EXCHANGE`), so that there is an output folder at every moment,
    /// also when the build is killed; the old output then becomes the folder the next build
    /// reuses. Where the system or file system cannot exchange, two renames do it (the old
    /// output is put back if the second fails).
    package func commit() throws {
        let previous = Self.previous(of: destination)
        removeTree(at: previous.path)
        if kb_exchange_paths(staging.path, destination.path) == 0 {
            // The staging folder's name now holds the old output; a killed build's next build reuses it.
            if rename(staging.path, previous.path) != 0 { removeTree(at: staging.path) }
            return
        }
        let exchangeError = errno
        guard exchangeError == ENOENT || Self.cannotExchange(exchangeError) else {
            discard()
            throw Failure.io("cannot replace `\(destination.path)`: \(SystemError.reason(exchangeError))")
        }
        let hadOutput = exchangeError != ENOENT && FileManager.default.fileExists(atPath: destination.path)
        if hadOutput, rename(destination.path, previous.path) != 0 {
            let reason = SystemError.reason(errno)
            discard()
            throw Failure.io("cannot replace `\(destination.path)`: \(reason)")
        }
        if rename(staging.path, destination.path) != 0 {
            let reason = SystemError.reason(errno)
            if hadOutput { rename(previous.path, destination.path) }
            discard()
            throw Failure.io("cannot move the new site into `\(destination.path)`: \(reason)")
        }
    }

    /// Whether `code` says that the system or the file system has no exchange of two paths.
    private static func cannotExchange(_ code: Int32) -> Bool {
        code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP
    }

    /// Gives up the staging folder; the output folder stays as it was. A reused folder goes
    /// back to be reused again; a new one is removed.
    package func discard() {
        if !reused || rename(staging.path, Self.previous(of: destination).path) != 0 {
            removeTree(at: staging.path)
        }
    }
}

/// The paths written by one build, from any thread.
private final class WrittenPaths: Sendable {
    private let storage = Mutex<Set<String>>([])
    package func insert(_ path: String) { storage.withLock { _ = $0.insert(path) } }
    package var paths: Set<String> { storage.withLock { $0 } }
}

/// Writes all of `bytes` to `descriptor`; 0, or the `errno` of the write that failed.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var done = 0
    while done < bytes.count {
        #if canImport(Glibc)
        let result = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        #else
        let result = Darwin.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        #endif
        if result < 0, errno == EINTR { continue }
        guard result > 0 else { return result == 0 ? EIO : errno }
        done += result
    }
    return 0
}
