import Foundation
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Answers a request path with a file of the built site: `index.html` for folders, the site's
/// `404.html` for anything missing (its links made absolute, for any depth), never a directory listing and never a file outside the
/// site folder.
public struct SiteFileResponder: Sendable {
    /// What to send back.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: Data
    }

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The answer for the path of a request (without query), such as `/kader/p1/index.html`.
    public func answer(path: String) -> Answer {
        guard let file = file(for: path) else {
            return Answer(status: 403, contentType: "text/plain; charset=utf-8", body: Data("Verboden pad.\n".utf8))
        }
        if let data = try? Data(contentsOf: file) {
            return Answer(status: 200, contentType: Self.contentType(of: file.pathExtension), body: data)
        }
        // The site's 404 page, with its relative links made absolute from the root: it is
        // answered at the depth of the request, not where it lies.
        guard let notFound = try? Data(contentsOf: root.appendingPathComponent("404.html")) else {
            return Answer(status: 404, contentType: "text/html; charset=utf-8", body: Data("Niet gevonden.\n".utf8))
        }
        let html = NotFoundPage.rooted(String(decoding: notFound, as: UTF8.self), root: "/")
        return Answer(status: 404, contentType: "text/html; charset=utf-8", body: Data(html.utf8))
    }

    /// The file a path names, or nil when the path tries to leave the site folder.
    func file(for path: String) -> URL? {
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        var parts: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.contains("\\") { return nil }
            parts.append(String(part))
        }
        var url = root
        for part in parts { url.appendPathComponent(part) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        // A symbolic link inside the site must not lead out of it either.
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved == root.path || resolved.hasPrefix(root.path + "/") else { return nil }
        return url
    }

    static func contentType(of pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "csv": "text/csv; charset=utf-8"
        case "wasm", "pagefind": "application/wasm"
        default: "application/octet-stream"
        }
    }
}
