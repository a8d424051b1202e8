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

    /// How many folders deep the content may nest (`a/b/c` is three deep). Deeper trees cost
    /// memory with every level (each page carries its way to the root), and no site needs them.
    package static let maximumDepth = 20

    /// Walks `root` (with `readdir`, which tells files from folders without a `stat` each).
    /// Hidden files are skipped; a symbolic link that leads outside the
    /// content folder is skipped with a warning, so nothing outside it is ever published.
    /// A folder that cannot be read, a folder deeper than `maximumDepth`, a broken symbolic
    /// link, anything that is not a file or folder (a named pipe, a socket, a device) and a
    /// name that another one in the same folder spells the same in other Unicode code points
    /// are errors, and are left out.
    package static func scan(root: URL, displayRoot: String, maximumDepth: Int = maximumDepth,
                             diagnostics: inout DiagnosticList) -> ContentInventory {
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
        // Folders still to read, as paths relative to the root ("" is the root itself), with their depth.
        var pending = [("", 0)]
        while let (folder, depth) = pending.popLast() {
            let entries: [DirectoryEntry]
            switch readDirectory(folder.isEmpty ? rootPath : rootPath + "/" + folder) {
            case .failure(let error):
                diagnostics.append(.error(
                    "cannot read this folder (\(error.reason)), so none of its files would be in the site; make it readable or move it out of the content folder",
                    file: "\(displayRoot)/\(folder)"))
                continue
            case .success(let list):
                entries = list.sorted { byteOrder($0.name, $1.name) }
            }
            // Names already seen in this folder. Swift compares strings by their canonical Unicode
            // form, so `één.md` composed (NFC) finds `één.md` decomposed (NFD) here.
            var seen: [String: String] = [:]
            for entry in entries {
                let name = entry.name
                guard !name.hasPrefix(".") else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                let display = "\(displayRoot)/\(relative)"
                if let other = seen[name] {
                    diagnostics.append(.error(
                        "this name, in \(spelling(of: name)) Unicode, and `\(other)` beside it, in \(spelling(of: other)) Unicode, are one name spelt in two ways, and the site can hold only one of them; rename or remove one",
                        file: display))
                    continue
                }
                seen[name] = name
                let path = rootPath + "/" + relative
                var kind = entry.kind
                if kind != UInt8(DT_DIR) && kind != UInt8(DT_REG) && kind != UInt8(DT_LNK) {
                    var status = stat()
                    guard lstat(path, &status) == 0 else { continue }
                    if let special = specialFileKind(mode: status.st_mode) {
                        diagnostics.append(.error(notAFile(special), file: display))
                        continue
                    }
                    kind = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
                }
                if kind == UInt8(DT_DIR) {
                    guard depth < maximumDepth else {
                        diagnostics.append(.error(
                            "this folder is nested \(depth + 1) folders deep, more than the \(maximumDepth) a content folder may have; move its files into a folder higher up",
                            file: display))
                        continue
                    }
                    inventory.folders.append(relative)
                    pending.append((relative, depth + 1))
                    continue
                }
                if kind == UInt8(DT_LNK) {
                    // A link is followed for what it is, never descended into.
                    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                    guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                        diagnostics.append(.warning(
                            "symbolic link points outside the content folder and is skipped; copy the file into the content folder instead",
                            file: display))
                        continue
                    }
                    var status = stat()
                    guard stat(path, &status) == 0 else {
                        diagnostics.append(.error(brokenLink(at: path, FileAccessError(code: errno)), file: display))
                        continue
                    }
                    if (status.st_mode & S_IFMT) == S_IFDIR {
                        inventory.folders.append(relative)
                        continue
                    }
                    if let special = specialFileKind(mode: status.st_mode) {
                        diagnostics.append(.error(notAFile(special, throughLink: true), file: display))
                        continue
                    }
                }
                if relative.hasSuffix(".md") {
                    inventory.markdown.append(relative)
                } else if relative.lowercased().hasSuffix(".mdx") {
                    diagnostics.append(.warning(
                        "MDX files are skipped: they hold JSX, which needs a JavaScript build; remove the JSX (`import` lines and `<Component>` tags) and rename the file to `.md`",
                        file: display))
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

    private static func notAFile(_ kind: String, throughLink: Bool = false) -> String {
        "\(throughLink ? "this symbolic link leads to" : "this is") \(kind), not a file or folder, and cannot be read as content; remove it from the content folder"
    }

    /// What is wrong with a symbolic link that `stat` cannot follow.
    private static func brokenLink(at path: String, _ error: FileAccessError) -> String {
        guard error.code == ENOENT else {
            return "this symbolic link cannot be followed (\(error.reason)); correct it or remove it"
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        let target = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        return "this symbolic link leads to `\(target)`, which does not exist; correct the link or remove it"
    }

    /// How a name is spelt in Unicode: composed (NFC), decomposed (NFD) or a mix of both.
    private static func spelling(of name: String) -> String {
        if name.utf8.elementsEqual(name.precomposedStringWithCanonicalMapping.utf8) { return "composed (NFC)" }
        if name.utf8.elementsEqual(name.decomposedStringWithCanonicalMapping.utf8) { return "decomposed (NFD)" }
        return "partly composed"
    }
}

/// Sorts strings by their UTF-8 bytes, independent of locale.
