import Kader
import KennisbankMarkdown
import SiteFormats
import Basics

/// Reads a kader part from its parsed Markdown. The notation (see the README):
///
/// ```markdown
/// ## Voorkomen van woningverlies          <- a group of indicators (optional)
///
/// ### P1.09 Afspraken bij huurachterstand <- an indicator: its ID, then a short title
///
/// The statement, in one or more paragraphs.
///
/// **Partijen:** zorgorganisatie, gemeente  <- optional: the parties it concerns
/// ```
package enum KaderSource {
    package static let partiesLabel = "Partijen"

    package static func firstWord(of text: String) -> String {
        String(text.prefix { !$0.isWhitespace })
    }

    /// Builds the draft of a part: takes the `**Partijen:**` lines out of the document and walks
    /// the headings. Heading lines are lines of the file.
    package static func draft(document: MarkdownDocument, headings: [Heading], matter: FrontMatter, bodyTitle: String?,
                      path: String, displayPath: String, lineOffset: Int) -> PartDraft {
        let labelled = document.takeLabelledParagraphs(labels: [partiesLabel])
        var indicators: [IndicatorDraft] = []
        var group: String?
        for (index, heading) in headings.enumerated() {
            switch heading.level {
            case 2:
                group = heading.text
            case 3:
                let idText = firstWord(of: heading.text)
                let title = heading.text.dropFirst(idText.count).trimmed()
                let parties = labelled.first { $0.headingIndex == index }
                let names = parties.map {
                    $0.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                } ?? []
                var indicator = IndicatorDraft(idText: idText, title: title, line: heading.line, column: 1, group: group,
                                               hasText: document.hasContent(afterHeading: index),
                                               parties: names, partiesLine: parties.map { $0.line + lineOffset })
                indicator.text = document.plainText(afterHeading: index)
                indicators.append(indicator)
            default:
                break
            }
        }
        return PartDraft(file: displayPath, source: path, partText: matter.part, partLine: matter.partLine ?? 1,
                         title: matter.title ?? bodyTitle ?? "", indicators: indicators)
    }
}
