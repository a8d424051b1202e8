import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the output folder and swaps it in only when
/// everything succeeded, so that a failed build never leaves a half-written or empty site.
struct StagedOutput {
    let destination: URL
    let staging: URL

    enum Failure: Error, CustomStringConvertible {
        case io(String)
        var description: String {
            switch self { case .io(let message): message }
        }
    }

    static func begin(destination: URL) throws -> StagedOutput {
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        removeTree(at: staging.path)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create `\(staging.path)`: \(error.localizedDescription)")
        }
        return StagedOutput(destination: destination, staging: staging)
    }

    /// Writes every file and copy, on all cores. A file whose bytes equal the file at the same
    /// path in the current output is hard-linked from there instead of written: unchanged
    /// outputs keep their inode and modification time (cheap to build, cheap to deploy).
    func write(files: [(path: String, data: Data)], copies: [(source: URL, path: String)]) throws {
        let jobs: [(path: String, content: () throws -> Data)] =
            files.map { file in (file.path, { file.data }) } +
            copies.map { copy in (copy.path, {
                do { return try Data(contentsOf: copy.source) } catch {
                    throw Failure.io("cannot copy `\(copy.source.path)` to `\(copy.path)`: \(error.localizedDescription)")
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
    func makeFolders(for paths: [String]) {
        var folders = Set<String>()
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        let byDepth = Dictionary(grouping: folders) { $0.split(separator: "/").count }
        for depth in byDepth.keys.sorted() {
            let byParent = Dictionary(grouping: byDepth[depth]!) { ($0 as NSString).deletingLastPathComponent }
            let root = staging.path + "/"
            _ = parallelMap(byParent.keys.sorted()) { parent in
                for folder in byParent[parent]! { mkdir(root + folder, 0o755) }
            }
        }
    }

    /// Writes one file (from any thread, also while the rest of the site is still being
    /// rendered), creating its folder when it does not exist yet.
    func emit(_ data: Data, at path: String) throws {
        try place(count: data.count, at: path) { chunk in try data.withUnsafeBytes { try chunk($0) } }
    }

    /// `emit` for text given in pieces: written one after another as UTF-8, never joined.
    func emit(pieces: [String], at path: String) throws {
        try place(count: pieces.reduce(0) { $0 + $1.utf8.count }, at: path) { chunk in
            for piece in pieces {
                var piece = piece
                try piece.withUTF8 { try chunk(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    private func makeFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, mkdir(staging.appendingPathComponent(folder).path, 0o755) != 0, errno != EEXIST {
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw Failure.io("cannot create the folder `\(folder)`: \(error.localizedDescription)")
            }
        }
    }

    /// The bytes of one file, handed over chunk by chunk to the closure it is given.
    private typealias Chunks = ((UnsafeRawBufferPointer) throws -> Void) throws -> Void

    /// Puts `count` bytes at `path` in the staging folder: a link to the current output's file
    /// when that holds the same bytes, a new file otherwise.
    private func place(count: Int, at path: String, _ chunks: Chunks) throws {
        let target = staging.appendingPathComponent(path).path
        let current = destination.appendingPathComponent(path).path
        // The folder was made beforehand (`makeFolders`) or is made on the first ENOENT.
        if Self.file(current, holds: count, chunks) {
            if link(current, target) == 0 { return }
            if errno == ENOENT {
                try makeFolder(of: path)
                if link(current, target) == 0 { return }
            }
        }
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeFolder(of: path)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw Failure.io("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try chunks { bytes in
            var written = 0
            while written < bytes.count {
                let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                guard result > 0 else { throw Failure.io("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
                written += result
            }
        }
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
    static func replace(_ data: Data, at url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new-\(getpid())")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw Failure.io(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure.io("cannot replace `\(url.path)`: \(error)")
        }
    }

    /// Replaces the output folder with the staging folder. The old output is moved aside
    /// first and put back if the swap fails.
    func commit() throws {
        let fileManager = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        removeTree(at: old.path)
        let hadOutput = fileManager.fileExists(atPath: destination.path)
        do {
            if hadOutput { try fileManager.moveItem(at: destination, to: old) }
        } catch {
            discard()
            throw Failure.io("cannot replace `\(destination.path)`: \(error.localizedDescription)")
        }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: old, to: destination) }
            discard()
            throw Failure.io("cannot move the new site into `\(destination.path)`: \(error.localizedDescription)")
        }
        removeTree(at: old.path)
    }

    /// Removes the staging folder; the output folder stays as it was.
    func discard() {
        removeTree(at: staging.path)
    }
}
