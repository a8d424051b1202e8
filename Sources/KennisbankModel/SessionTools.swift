/// A page of the self-evaluation session's journey that works in the browser only, beside the
/// kader's forms: the facilitator starts a session there (its code and the participants'
/// invitation link) and bundles the participants' preparation files into the overview that
/// opens the joint form.
package enum SessionTool: String, Sendable, Hashable, CaseIterable {
    /// "Een bijeenkomst starten": practice, region, date and session name give the code and the link.
    case start
    /// "Voorbereidingen bundelen": the participants' files side by side, and the joint form from them.
    case bundle

    /// The page's file name in the forms folder.
    package var fileName: String {
        switch self {
        case .start: "sessie-starten.html"
        case .bundle: "bundelen.html"
        }
    }
}

extension KaderSite {
    /// The path of `tool`'s page, relative to the site root.
    package func path(of tool: SessionTool) -> String { formsFolder + tool.fileName }

    /// The path of the form of `kind`, relative to the site root.
    package func formPath(_ kind: KaderForm.Kind) -> String? { forms.first { $0.kind == kind }?.html }
}
