import Basics

/// How the content folder is laid out: which file is a folder's landing page. (The parts of a
/// path are `RelativePath`'s.)
public enum ContentPath {
    /// The file names of a folder's landing page.
    public static let landingNames: Set<String> = ["_index.md", "index.md"]

    public static func isLanding(_ path: String) -> Bool {
        landingNames.contains(RelativePath.name(path))
    }
}
