import Kader

/// One printable form of the kader: what it holds and where its page and PDF are written.
package struct KaderForm: Sendable, Hashable {
    /// What a form holds.
    package enum Kind: Sendable, Hashable {
        /// The whole kader, for the joint session.
        case whole
        /// The whole kader, for one participant's provisional scores.
        case preparation
        /// One part.
        case part(PartID)
        /// The Plan van aanpak.
        case plan
    }

    package let kind: Kind
    /// Paths relative to the site root.
    package let html: String
    package let pdf: String
}

extension KaderSite {
    /// Every form, in the order the kader's landing page lists them.
    package var forms: [KaderForm] {
        func form(_ kind: KaderForm.Kind, _ name: String) -> KaderForm {
            KaderForm(kind: kind, html: formsFolder + name + ".html", pdf: formsFolder + name + ".pdf")
        }
        return [form(.whole, "kwaliteitskader"), form(.preparation, "voorbereiding")]
            + kader.parts.map { form(.part($0.id), $0.id.description.lowercased()) }
            + [form(.plan, "plan-van-aanpak")]
    }
}

extension KaderForm {
    /// Whether the form can be filled in in the browser and saved as a file (the whole kader
    /// and the preparation); the others are for paper only.
    package var fillsInBrowser: Bool { kind == .whole || kind == .preparation }

    /// Whether the form holds the Plan van aanpak's empty table: the plan's own form, and at its
    /// end the whole kader for the joint session, whose actions lead to the plan.
    package var holdsPlan: Bool { kind == .whole || kind == .plan }

    /// The numbered empty rows of the plan's table, by printed page: the rows of a page are as
    /// high as those of every other page, so 12 rows are 6 on each of two pages.
    package static let planPages: [ClosedRange<Int>] = [1...6, 7...12]
}
