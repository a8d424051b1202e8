import Kader
import SiteFormats
import Basics

/// The title, description and address of the page of an assessment or preparation file: the
/// model's choice, made from what the file says (its own front matter has other keys).
package enum AssessmentPages {
    /// The front matter the site tree uses for the file at `path` (relative to the content).
    package static func frontMatter(for draft: AssessmentDraft, path: String, strings: InterfaceStrings) -> FrontMatter {
        var matter = FrontMatter()
        let practice = draft.practice?.value ?? ""
        let date = draft.date?.value ?? ""
        let shownPractice = practice.isEmpty ? RelativePath.name(path) : practice
        if let day = SessionDate(date) {
            matter.title = strings.text("assessment.titleWithDate", ["practice": shownPractice, "date": strings.date(day)])
        } else {
            matter.title = strings.text("assessment.title", ["practice": shownPractice])
        }
        matter.description = date.isEmpty ? nil
            : strings.text("assessment.description", ["date": SessionDate(date).map(strings.date) ?? date])
        var slug = Slug.make("\(practice) \(date)")
        if draft.preparation != nil {
            // The address is the same in every language: `voorbereiding-PARTY[-PARTICIPANT]-SESSION`.
            let participant = draft.participant?.value ?? ""
            slug = Slug.make("voorbereiding \(draft.party?.value ?? "") \(participant) \(draft.session?.value ?? "")")
            // The party as the site's language names it (the file writes the format's word).
            let party = draft.party.map { written in AssessmentFormat.role(written.value).map { strings.label($0) } ?? written.value }
            matter.title = strings.text("preparation.title", ["party": strings.party(party ?? "", participant: participant), "practice": shownPractice,
                                                               "date": SessionDate(date).map(strings.date) ?? date])
        }
        if slug.isEmpty { slug = Slug.make(String(RelativePath.name(path).dropLast(3))) }
        // An unlisted page's address carries its code, so that it cannot be guessed.
        if let code = draft.code?.value, AssessmentFormat.isUnlisted(draft.visibility?.value) {
            slug += "-" + Slug.make(code)
        }
        matter.slug = slug
        return matter
    }
}
