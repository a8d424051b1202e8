/// A part of the kader with its text (`part`): its introduction, its groups of indicators and
/// each indicator's statement, as its page, the forms and the book show them.
package struct PartBodyValue: TypedContext {
    /// Its id, number, title, count and page.
    package var link: KaderPartLink
    /// Its introduction (HTML).
    package var intro: String
    package var groups: [IndicatorGroupValue]

    package func child(named name: String) -> Any? {
        switch name {
        case "intro": string(intro)
        case "hasIntro": !intro.isEmpty
        case "groups": groups
        default: link.child(named: name)
        }
    }
}

/// A group of indicators under a `##` heading; the first group has no heading when indicators
/// come before any. Its indicators see `hasTitle` through it.
package struct IndicatorGroupValue: TypedContext {
    package var title: String?
    package var anchor: String?
    /// Its introduction (HTML).
    package var intro: String
    package var indicators: [KaderIndicatorValue]

    package func child(named name: String) -> Any? {
        switch name {
        case "title": string(title)
        case "hasTitle": title != nil
        case "anchor": string(anchor)
        case "intro": string(intro)
        case "hasIntro": !intro.isEmpty
        case "indicators": indicators
        default: nil
        }
    }
}

/// One indicator of the kader: its id, anchor, title, statement (HTML) and the parties it names.
package struct KaderIndicatorValue: TypedContext {
    package var id: String
    package var anchor: String
    package var title: String
    package var html: String
    package var parties: [String]

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "anchor": string(anchor)
        case "title": string(title)
        case "html": string(html)
        case "parties": stringList(parties)
        case "hasParties": !parties.isEmpty
        default: nil
        }
    }
}

/// `part` on a part's own page: its text, its form and its principle's page.
package struct KaderPartValue: TypedContext {
    package var body: PartBodyValue
    package var form: FormLink?
    package var principle: LinkValue?

    package func child(named name: String) -> Any? {
        switch name {
        case "form": optional(form)
        case "principle": optional(principle)
        default: body.child(named: name)
        }
    }
}
