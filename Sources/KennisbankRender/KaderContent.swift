import Kader
import KennisbankMarkdown
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The rendered text of one kader part, cut by its headings: the part's introduction, each
/// group's introduction and each indicator's statement. Gathered while the part's page renders
/// and used again by the forms.
package struct KaderPartContent: Sendable {
    /// A group of indicators under a `##` heading; the first group has no heading when
    /// indicators come before any.
    package struct Group: Sendable {
        package var title: String?
        package var anchor: String?
        package var intro: String
        package var indicators: [IndicatorID]
    }

    package var intro: String
    package var groups: [Group]
    package var indicatorHTML: [IndicatorID: String]

    package init(segments: Segments, headings: [Heading], part: KaderPart) {
        intro = segments.preamble
        groups = []
        indicatorHTML = [:]
        let known = Set(part.indicators.map(\.id))
        for (index, heading) in headings.enumerated() {
            let html = segments.afterHeading.indices.contains(index) ? segments.afterHeading[index] : ""
            switch heading.level {
            case 2:
                groups.append(Group(title: heading.text, anchor: heading.id, intro: html, indicators: []))
            case 3:
                guard let id = IndicatorID(KaderSource.firstWord(of: heading.text)), known.contains(id) else { continue }
                if groups.isEmpty { groups.append(Group(title: nil, anchor: nil, intro: "", indicators: [])) }
                groups[groups.count - 1].indicators.append(id)
                indicatorHTML[id] = html
            default:
                break
            }
        }
    }
}
