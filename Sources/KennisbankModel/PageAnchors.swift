/// The heading anchors of one page: the ids written into it, and the other anchors a link may
/// use for the same headings (GitHub's, where the site writes another; the ASCII-folded ones of
/// MkDocs and of older Kennisbank versions).
package struct PageAnchors: Sendable, Equatable {
    /// The ids written into the page, in document order.
    package let ids: [String]
    /// For each heading (in the order of `ids`), the anchor GitHub gives it.
    package let github: [String]
    /// Each folded anchor with the id it stands for.
    package let folded: [String: String]
    private let idSet: Set<String>
    private let idByGitHub: [String: String]
    private let githubByID: [String: String]

    /// What an anchor written in a link is.
    package enum Match: Equatable {
        /// The id itself.
        case id(String)
        /// GitHub's anchor of the heading with this id.
        case github(String)
        /// An ASCII-folded anchor of the heading with this id (warned about).
        case folded(String)
    }

    package init(ids: [String], github: [String]? = nil, folded: [String: String] = [:]) {
        self.ids = ids
        self.github = github ?? ids
        self.folded = folded
        idSet = Set(ids)
        var byGitHub: [String: String] = [:]
        for (form, id) in zip(self.github, ids) where !form.isEmpty && byGitHub[form] == nil { byGitHub[form] = id }
        idByGitHub = byGitHub
        var byID: [String: String] = [:]
        for (form, id) in zip(self.github, ids) where !form.isEmpty && byID[id] == nil { byID[id] = form }
        githubByID = byID
    }

    /// The heading `anchor` leads to, or nil.
    package func match(_ anchor: String) -> Match? {
        if idSet.contains(anchor) { return .id(anchor) }
        if let id = idByGitHub[anchor] { return .github(id) }
        if let id = folded[anchor] { return .folded(id) }
        return nil
    }

    /// The anchor of the heading with `id` that works on GitHub too.
    package func githubForm(of id: String) -> String {
        githubByID[id] ?? id
    }

    /// The anchors to suggest for a misspelled one: those that work on GitHub and here.
    package var suggestions: [String] { github.filter { !$0.isEmpty } }
}
