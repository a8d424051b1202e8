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
    /// Cut output by slotted block (`IndicatorBlock.slotted`, the value itself is the key);
    /// `.none` stored for a block whose partial cannot use slots.
    private let cache = Mutex<[IndicatorBlock: [Slots.Piece]?]>([:])

    package init(templates: TemplateSet?) {
        self.templates = templates
    }

    /// The HTML of one indicator's block, from the cache when an equal block was rendered before.
    package func html(_ block: IndicatorBlock) -> String {
        guard let templates else { return "" }
        let key = block.slotted
        let cached = cache.withLock { $0[key] }
        let pieces: [Slots.Piece]?
        if let cached {
            pieces = cached
        } else {
            pieces = Slots.cut(templates.render(key, with: Self.partial), slots: 2)
            cache.withLock { $0[key] = .some(pieces) }
        }
        if let pieces { return Slots.fill(pieces, with: [block.reflection, block.actions]) }
        return templates.render(block, with: Self.partial)
    }

    package static let partial = "partials/assessment-indicator"
}
