import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// Writing located links as relative URLs of the site.
extension LinkLocator {
    /// What becomes of one link destination.
    package enum Resolution: Equatable {
        /// Left as written: external (`https:`, `mailto:` ...) or empty.
        case keep
        case rewrite(String)
        /// Broken; the message says why and how to fix it.
        case failure(String)
    }

    package func resolve(_ destination: String, from pageIndex: Int) -> Resolution {
        resolve(locate(destination, from: pageIndex), from: pageIndex)
    }

    /// `resolve` for a destination already located (see `locate`).
    package func resolve(_ location: Location, from pageIndex: Int) -> Resolution {
        let page = tree.pages[pageIndex]
        switch location {
        case .keep: return .keep
        // Written as the heading's id, which may differ from the anchor written (GitHub's form).
        case .sameAnchor(let id): return .rewrite("#" + id)
        case .failure(let message): return .failure(message)
        case .page(let target, let fragment):
            if target == pageIndex, let fragment { return .rewrite("#" + fragment) }
            return .rewrite(RelativeURL.between(from: page.url, to: tree.pages[target].url) + (fragment.map { "#" + $0 } ?? ""))
        case .file(let path, let fragment):
            return .rewrite(RelativeURL.between(from: page.url, to: path) + (fragment.map { "#" + $0 } ?? ""))
        }
    }

}
