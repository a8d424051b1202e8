import Kader

/// Every version of the kader the site holds, keyed by version, and the current one (the kader
/// folder's). Each assessment is validated against the version it names. Today a site holds one
/// version; earlier versions kept beside it join here.
package struct KaderVersions: Sendable {
    /// The version in the kader folder, which the site's pages and forms show.
    package let current: Kader?
    package let byVersion: [String: Kader]

    package init(current: Kader?, earlier: [Kader] = []) {
        self.current = current
        var byVersion: [String: Kader] = [:]
        for kader in earlier + (current.map { [$0] } ?? []) { byVersion[kader.version] = kader }
        self.byVersion = byVersion
    }

    /// The kader an assessment that names `version` is read against: that version when the site
    /// holds it, otherwise the current one (whose check then reports the mismatch).
    package func kader(for version: String?) -> Kader? {
        version.flatMap { byVersion[$0] } ?? current
    }
}
