import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Changed files below the watched folders and files, as they happen: through Linux inotify
/// where it exists (a change is seen within milliseconds), otherwise by comparing snapshots of
/// `ChangeWatcher` every 250 ms.
enum FileEvents {
    /// Batches of changed paths (absolute), each batch gathered until 15 ms passed without one.
    static func stream(paths: [URL]) -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let thread = Thread {
                #if canImport(Glibc)
                if let inotify = Inotify(paths: paths) {
                    while !Thread.current.isCancelled {
                        let changes = inotify.next()
                        if !changes.isEmpty { continuation.yield(changes) }
                    }
                    return
                }
                #endif
                let watcher = ChangeWatcher(paths: paths)
                var last = watcher.snapshot()
                while !Thread.current.isCancelled {
                    Thread.sleep(forTimeInterval: 0.25)
                    let now = watcher.snapshot()
                    let changed = Set(last.keys).union(now.keys).filter { last[$0] != now[$0] }
                    last = now
                    if !changed.isEmpty { continuation.yield(changed.sorted()) }
                }
            }
            // The watching thread, cancelled when the stream ends.
            let running = Mutex(thread)
            continuation.onTermination = { _ in running.withLock { $0.cancel() } }
            running.withLock { $0.start() }
        }
    }
}

#if canImport(Glibc)
/// Linux inotify over folders (with their subfolders, also new ones) and single files.
private final class Inotify {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    /// Watched paths: changes below these folders, or to these files, are reported.
    private let watched: [String]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

    init?(paths: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        watched = paths.map(\.path)
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { addTree(path.path) } else { add(path.deletingLastPathComponent().path) }
        }
    }

    deinit { close(descriptor) }

    private func add(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        if watch >= 0 { folders[watch] = folder }
    }

    private func addTree(_ folder: String) {
        add(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { addTree(path) }
        }
    }

    private func isWatched(_ path: String) -> Bool {
        watched.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Waits (up to a second) for changes; returns them once 15 ms passed without another.
    func next() -> [String] {
        var changed = Set<String>()
        var timeout: Int32 = 1000
        while true {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, timeout) > 0 else { break }
            readEvents(into: &changed)
            timeout = 15
        }
        return changed.sorted()
    }

    private func readEvents(into changed: inout Set<String>) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            guard let folder = folders[watch] else { continue }
            let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, isWatched(path) { addTree(path) }
            if isWatched(path) { changed.insert(path) }
        }
    }
}
#endif
