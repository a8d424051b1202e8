import Basics

/// How the content folder is laid out: which file is a folder's landing page, and the parts of
/// a path relative to the content folder (plain string code; no `NSString` path calls).
public enum ContentPath {
    /// The file names of a folder's landing page.
    public static let landingNames: Set<String> = ["_index.md", "index.md"]

    public static func isLanding(_ path: String) -> Bool {
        landingNames.contains(fileName(path))
    }

    /// `a/b/c.md` gives `a/b`; `c.md` gives "".
    public static func parentFolder(_ path: String) -> String { RelativePath.parent(path) }

    /// `a/b/c.md` gives `c.md`.
    public static func fileName(_ path: String) -> String { RelativePath.name(path) }
}
