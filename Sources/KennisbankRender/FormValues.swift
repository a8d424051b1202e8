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

    /// The empty rows of the plan's table.
    static let planRows = 12

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
        case "planRows": [Bool](repeating: true, count: Self.planRows)
        case "kind": string(kind)
        case "fillable": fillData != nil
        case "fillData": string(fillData)
        case "pdf": string(pdf)
        case "hasPDF": hasPDF
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
