import Basics

/// How the content folder is laid out: which file is a folder's landing page, and what a name
/// reads like as a title. (The parts of a path are `RelativePath`'s.)
public enum ContentPath {
    /// The file names of a folder's landing page, the one that wins first: Hugo's and Zola's
    /// `_index.md`, MkDocs' `index.md`, and `README.md` as GitHub and GitLab show it.
    public static let landingOrder = ["_index.md", "index.md", "README.md"]

    /// The file names of a folder's landing page.
    public static let landingNames: Set<String> = Set(landingOrder)

    public static func isLanding(_ path: String) -> Bool {
        landingNames.contains(RelativePath.name(path))
    }

    /// The rank of a landing file name in `landingOrder` (lower wins).
    public static func landingRank(_ path: String) -> Int {
        landingOrder.firstIndex(of: RelativePath.name(path)) ?? landingOrder.count
    }

    /// A file or folder name read as a title: `werk-en-inkomen` gives "Werk en inkomen",
    /// `mijn_pagina.md` gives "Mijn pagina" (extension dropped, `-` and `_` as spaces, the first
    /// letter a capital).
    public static func title(fromName name: String) -> String {
        var base = Substring(name)
        if base.hasSuffix(".md") { base = base.dropLast(3) }
        let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        let text = words.joined(separator: " ")
        guard let first = text.first else { return base.isEmpty ? name : String(base) }
        return first.uppercased() + text.dropFirst()
    }
}
