/// `form` on a printable form (`form`, `form-plan`): its title and subtitle, the colour score,
/// the fields of the session, the parts to fill in, and for the forms that can be filled in in
/// the browser the data they need (`FillData`).
package struct FormValues: TypedContext {
    package var title: String
    package var subtitle: String
    package var kaderTitle: String
    package var version: String
    package var statuses: [StatusValue]
    /// The roles of the organisations, each a field of the form.
    package var roles: [String]
    /// The parties a preparation can be made by.
    package var parties: [String]
    package var isPreparation: Bool
    package var isPlan: Bool
    package var parts: [PartBodyValue]
    /// `whole` or `preparation`: what the browser script fills in.
    package var kind: String
    /// The browser form's data (JSON), for a form that can be filled in.
    package var fillData: String?
    /// The PDF, from the form's page, and whether it is made.
    package var pdf: String
    package var hasPDF: Bool
    /// The empty rows of the Plan van aanpak by printed page (`KaderForm.planPages`); none for a
    /// form without the plan.
    package var planPages: [BlankPlanPage]
    /// The margin boxes of every printed page, each a CSS `content:` value (escaped): the
    /// practice and date fields at the top, the kader and its version at the bottom.
    package var headerPractice: String
    package var headerDate: String
    package var footer: String

    /// The writing lines under Reflectie and under Acties of each indicator.
    static let reflectionLines = 5
    static let actionLines = 4

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "subtitle": string(subtitle)
        case "kaderTitle": string(kaderTitle)
        case "version": string(version)
        case "statuses": statuses
        case "roles": stringList(roles)
        case "parties": stringList(parties)
        case "isPreparation": isPreparation
        case "isPlan": isPlan
        case "parts": parts
        case "planPages": planPages
        case "hasPlan": !planPages.isEmpty
        case "reflectionLines": [Bool](repeating: true, count: Self.reflectionLines)
        case "actionLines": [Bool](repeating: true, count: Self.actionLines)
        case "headerPractice": string(headerPractice)
        case "headerDate": string(headerDate)
        case "footer": string(footer)
        case "kind": string(kind)
        case "fillable": fillData != nil
        case "fillData": string(fillData)
        case "pdf": string(pdf)
        case "hasPDF": hasPDF
        default: nil
        }
    }
}

/// One printed page of the Plan van aanpak's empty table: the numbers of its rows, and whether
/// it is the first (the one with the table's caption; the others say they continue it).
package struct BlankPlanPage: TypedContext {
    package var rows: [Int]
    package var isFirst: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "rows": rows.map { int($0) }
        case "isFirst": isFirst
        default: nil
        }
    }
}

/// The values of a form's page: the site's name and language, the way to the site root, the
/// interface words, the form, and for its print variant the stylesheet inline.
package struct FormPageValues: TypedContext {
    package var site: SiteNameValue
    package var root: String
    package var strings: StringsValue
    package var form: FormValues
    package var pdfCSS: String?

    package init(site: SiteNameValue, root: String, strings: StringsValue, form: FormValues, pdfCSS: String? = nil) {
        self.site = site
        self.root = root
        self.strings = strings
        self.form = form
        self.pdfCSS = pdfCSS
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "root": string(root)
        case "strings": strings
        case "form": form
        case "pdfCSS": string(pdfCSS)
        default: nil
        }
    }
}
