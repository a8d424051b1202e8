import Foundation

/// The shipped site carried inside the `kennisbank` binary: the templates, the config and the
/// content without its completed assessments, embedded at build time from the project's own
/// files (the `EmbedDefaultSite` plugin), so `assessment render` works from any folder.
public enum DefaultSiteFiles {
    /// Every embedded file by its path in the project (`templates/base.mustache`,
    /// `content/kader/p1.md`, `kennisbank.yml`).
    public static let files: [String: Data] = {
        var files: [String: Data] = [:]
        for (path, base64) in encoded {
            // The plugin wrote this Base64 itself: it always decodes.
            files[path] = Data(base64Encoded: base64) ?? Data()
        }
        return files
    }()
}
