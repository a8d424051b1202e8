import Diagnostics
import Foundation

/// What lies in the content folder: Markdown sources, other files (assets) and folders,
/// each as a path relative to the content folder, in byte order.
struct ContentInventory: Sendable {
    var markdown: [String] = []
    var assets: [String] = []
    var folders: [String] = []

    /// Walks `root`. Hidden files are skipped; a symbolic link that leads outside the
    /// content folder is skipped with a warning, so nothing outside it is ever published.
    static func scan(root: URL, displayRoot: String, diagnostics: inout DiagnosticList) -> ContentInventory {
        var inventory = ContentInventory()
        let fileManager = FileManager.default
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = fileManager.enumerator(
            at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]
        ) else {
            diagnostics.append(.error("the content folder does not exist or cannot be read; pass it with --content",
                                      file: displayRoot))
            return inventory
        }
        for case let url as URL in enumerator {
            let standardized = url.standardizedFileURL
            guard standardized.path.hasPrefix(root.standardizedFileURL.path + "/") else { continue }
            let relative = String(standardized.path.dropFirst(root.standardizedFileURL.path.count + 1))
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true {
                let target = standardized.resolvingSymlinksInPath().path
                if !(target == rootPath || target.hasPrefix(rootPath + "/")) {
                    diagnostics.append(.warning(
                        "symbolic link points outside the content folder and is skipped; copy the file into the content folder instead",
                        file: "\(displayRoot)/\(relative)"))
                    enumerator.skipDescendants()
                    continue
                }
            }
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                inventory.folders.append(relative)
            } else if relative.hasSuffix(".md") {
                inventory.markdown.append(relative)
            } else {
                inventory.assets.append(relative)
            }
        }
        inventory.markdown.sort(by: byteOrder)
        inventory.assets.sort(by: byteOrder)
        inventory.folders.sort(by: byteOrder)
        return inventory
    }
}

/// Sorts strings by their UTF-8 bytes, independent of locale.
func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
