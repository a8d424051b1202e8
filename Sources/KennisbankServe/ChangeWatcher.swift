import Foundation
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Notices changes below some folders and files by comparing snapshots of their paths, sizes
/// and modification times. Polling is portable and needs no OS-specific API.
public struct ChangeWatcher: Sendable {
    public let paths: [URL]

    public init(paths: [URL]) {
        self.paths = paths
    }

    /// Path, size and modification time of every file below the watched paths.
    public func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let fileManager = FileManager.default
        for path in paths {
            let files: [URL]
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let enumerator = fileManager.enumerator(at: path, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
                files = (enumerator?.allObjects as? [URL]) ?? []
            } else {
                files = [path]
            }
            for file in files {
                let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                let stamp = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                result[file.path] = "\(values?.fileSize ?? -1)@\(stamp)"
            }
        }
        return result
    }
}
