import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteFormats
import Basics

/// What lies in the content folder: Markdown sources, other files (assets) and folders,
/// each as a path relative to the content folder, in byte order.
package struct ContentInventory: Sendable {
    package var markdown: [String] = []
    package var assets: [String] = []
    package var folders: [String] = []

    /// Walks `root` (with `readdir`, which tells files from folders without a `stat` each).
    /// Hidden files are skipped; a symbolic link that leads outside the
    /// content folder is skipped with a warning, so nothing outside it is ever published.
    package static func scan(root: URL, displayRoot: String, diagnostics: inout DiagnosticList) -> ContentInventory {
        var inventory = ContentInventory()
        let rootPath = root.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue,
              let top = opendir(rootPath) else {
            diagnostics.append(.error("the content folder does not exist or cannot be read; pass it with --content",
                                      file: displayRoot))
            return inventory
        }
        closedir(top)
        let realRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
        // Folders still to read, as paths relative to the root ("" is the root itself).
        var pending = [""]
        while let folder = pending.popLast() {
            for entry in directoryEntries(folder.isEmpty ? rootPath : rootPath + "/" + folder) {
                let name = entry.name
                guard !name.hasPrefix(".") else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                let path = rootPath + "/" + relative
                var kind = entry.kind
                if kind == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(path, &status) == 0 else { continue }
                    kind = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
                }
                if kind == UInt8(DT_DIR) {
                    inventory.folders.append(relative)
                    pending.append(relative)
                    continue
                }
                if kind == UInt8(DT_LNK) {
                    // A link is followed for what it is, never descended into.
                    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                    guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                        diagnostics.append(.warning(
                            "symbolic link points outside the content folder and is skipped; copy the file into the content folder instead",
                            file: "\(displayRoot)/\(relative)"))
                        continue
                    }
                    var status = stat()
                    if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                        inventory.folders.append(relative)
                        continue
                    }
                }
                if relative.hasSuffix(".md") {
                    inventory.markdown.append(relative)
                } else {
                    inventory.assets.append(relative)
                }
            }
        }
        inventory.markdown.sort(by: byteOrder)
        inventory.assets.sort(by: byteOrder)
        inventory.folders.sort(by: byteOrder)
        return inventory
    }
}

/// Sorts strings by their UTF-8 bytes, independent of locale.
