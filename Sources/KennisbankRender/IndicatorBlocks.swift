import Synchronization
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The block of one indicator on result pages (`partials/assessment-indicator`), rendered once
/// per combination of what it shows besides the text of the session (the indicator, its status,
/// the change since the previous round and the earlier status, the link into the kader) and
/// reused for every page with that combination, with the reflection and actions put into their
/// slots (`Slots`). A thousand result pages of 83 indicators need a few thousand renders of the
/// partial instead of 83,000. Shared by all threads of a build.
///
/// When the partial does not show the reflection and actions unchanged and unescaped (an edited
/// theme), that combination is rendered with the real text every time.
package final class IndicatorBlocks: Sendable {
    private let templates: TemplateSet?
    /// Cut output by combination; `.none` stored for a combination that cannot use slots.
    private let cache = Mutex<[String: [Slots.Piece]?]>([:])

    package init(templates: TemplateSet?) {
        self.templates = templates
    }

    /// The HTML of one indicator. `values` are its values without `reflection` and `actions`;
    /// `key` names everything in `values`.
    package func html(values: [String: Any], key: String, reflection: String, actions: String) -> String {
        guard let templates else { return "" }
        var item = values
        item["hasReflection"] = !reflection.isEmpty
        item["hasActions"] = !actions.isEmpty
        let fullKey = key + (reflection.isEmpty ? "|-" : "|r") + (actions.isEmpty ? "-" : "a")
        let cached = cache.withLock { $0[fullKey] }
        let pieces: [Slots.Piece]?
        if let cached {
            pieces = cached
        } else {
            var slotted = item
            slotted["reflection"] = reflection.isEmpty ? "" : Slots.marker(0)
            slotted["actions"] = actions.isEmpty ? "" : Slots.marker(1)
            pieces = Slots.cut(templates.render(slotted, with: Self.partial), slots: 2)
            cache.withLock { $0[fullKey] = .some(pieces) }
        }
        if let pieces { return Slots.fill(pieces, with: [reflection, actions]) }
        item["reflection"] = reflection
        item["actions"] = actions
        return templates.render(item, with: Self.partial)
    }

    package static let partial = "partials/assessment-indicator"
}
