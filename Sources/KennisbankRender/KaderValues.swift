/// `kader` on the pages of the kader's folder: its title, version and landing page, its parts
/// with their counts, and its forms.
package struct KaderValue: TypedContext {
    package var title: String
    package var version: String
    package var url: String
    package var parts: [KaderPartLink]
    package var total: Int
    package var forms: [FormLink]
    /// Whether the forms have PDF files.
    package var hasPDF: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "version": string(version)
        case "url": string(url)
        case "parts": parts
        case "total": int(total)
        case "forms": forms
        case "hasPDF": hasPDF
        default: nil
        }
    }
}

/// A part of the kader as other pages link to it: its id, number, title, number of indicators
/// and page (`kaderPart` on the part's principle page, `parts` of `kader`).
package struct KaderPartLink: TypedContext {
    package var id: String
    package var number: Int
    package var title: String
    package var count: Int
    package var url: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "number": int(number)
        case "title": string(title)
        case "count": int(count)
        case "url": string(url)
        default: nil
        }
    }
}

/// A printable form: its title, its page and its PDF (both from the site root).
package struct FormLink: TypedContext {
    package var title: String
    package var url: String
    package var pdf: String
    /// Whether it can be filled in in the browser too.
    package var fillable: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "url": string(url)
        case "pdf": string(pdf)
        case "fillable": fillable
        default: nil
        }
    }
}
