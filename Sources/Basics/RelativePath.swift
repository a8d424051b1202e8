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
}
