import Foundation

/// A small project as one fuzz input: text before the first marker line is `content/_index.md`;
/// each line `>>> PATH` starts the file PATH (relative to the project: `content/...`,
/// `templates/...`, `prive/...` or `kennisbank.yml`; any other path is put under `content/`). The shipped
/// templates and config are written first, so an input replaces only what it names.
///
/// Paths may hold any bytes the file system takes (one-character names, spaces, Unicode, dots),
/// but never leave the project: empty, `.` and `..` components, NUL bytes and absolute paths are
/// dropped, and components over 200 bytes or more than 12 levels are cut, so that the harness
/// itself never fails on a name (the generator's own limits are what is being tested).
public struct FuzzProject {
    public var files: [(path: String, data: Data)] = []

    /// The shipped templates and config, read once.
    static let shipped: [(path: String, data: Data)] = {
        let root = FuzzCheck.root
        var files: [(String, Data)] = []
        let templates = URL(fileURLWithPath: root).appendingPathComponent("templates")
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(templates.standardizedFileURL.path.count + 1))
                if let data = try? Data(contentsOf: url) { files.append(("templates/" + relative, data)) }
            }
        }
        if let config = try? Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("kennisbank.yml")) {
            files.append(("kennisbank.yml", config))
        }
        return files
    }()

    public init(archive: Data) {
        var path = "content/_index.md"
        var body = Data()
        let marker = Array(">>> ".utf8)
        for line in archive.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.starts(with: marker) {
                files.append((path, body))
                path = Self.safePath(Data(line.dropFirst(marker.count)))
                body = Data()
            } else {
                body.append(contentsOf: line)
                body.append(0x0A)
            }
        }
        if !body.isEmpty { body.removeLast() }
        files.append((path, body))
    }

    /// PATH made safe to write inside the project folder.
    static func safePath(_ bytes: Data) -> String {
        let text = String(decoding: bytes.filter { $0 != 0 && $0 != 0x0D }, as: UTF8.self)
        var components = text.split(separator: "/").map(String.init)
            .filter { !$0.isEmpty && $0 != "." && $0 != ".." }
            .map { component in
                var cut = component
                while cut.utf8.count > 200 { cut.removeLast() }
                return cut
            }
        if components.count > 12 { components = Array(components.prefix(12)) }
        guard !components.isEmpty else { return "content/_index.md" }
        // `prive/` is a folder beside the content, as a private assessments folder would be (issue 20).
        if components == ["kennisbank.yml"] || ["content", "templates", "prive"].contains(components[0]) && components.count > 1 {
            return components.joined(separator: "/")
        }
        return (["content"] + components).joined(separator: "/")
    }

    /// Writes the project into a new folder and returns it; nil when the harness cannot (a
    /// path that is both a file and a folder, for example).
    public func write() -> URL? {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kennisbank-fuzz-build-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        do {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
            for (path, data) in Self.shipped + files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: root)
            return nil
        }
        return root
    }
}
