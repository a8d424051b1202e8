/// Parts of a `/`-separated relative path, in plain string code. (`NSString`'s path calls are
/// not used anywhere: on this platform `deletingLastPathComponent` crashes on a one-character
/// name such as `a`.)
package enum RelativePath {
    /// `a/b/c.md` gives `a/b`; `c.md` gives "".
    package static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `a/b/c.md` gives `c.md`.
    package static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` with its `.` components dropped and each `..` taken back against the component
    /// before it, where there is one: `a/../b/./c` gives `b/c`, `../x/../y` gives `../y`.
    package static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined.isEmpty ? "." : joined
    }
}
