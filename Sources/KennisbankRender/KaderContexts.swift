import Kader
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// Mustache values for the kader: its landing page, part pages, the links from principle
/// pages, and the printable forms. Plain dictionaries; URLs relative to the site root.
package struct KaderContexts: Sendable {
    package let site: KaderSite
    package let tree: SiteTree
    /// Whether PDF files of the forms are made (WeasyPrint is installed).
    package let withPDF: Bool
    /// Every form, in the order the kader's landing page lists them.
    package let forms: [KaderForm]

    /// The interface words (form titles, subtitles, the header's roles).
    package let strings: InterfaceStrings

    /// The browser form's data (`FillData`), made once.
    private let fillData: String

    package init(site: KaderSite, tree: SiteTree, strings: InterfaceStrings, withPDF: Bool) {
        self.site = site
        self.tree = tree
        self.strings = strings
        fillData = FillData.json(strings: strings)
        self.withPDF = withPDF
        forms = site.forms
    }

    /// `kader`: the version, the parts with their counts and the forms, for the pages in the kader
    /// folder (which print the version).
    package var kaderValues: [String: Any] {
        let parts = site.kader.parts.map { part -> [String: Any] in
            var values: [String: Any] = ["id": part.id.description, "number": part.id.number, "title": part.title,
                                         "count": part.indicators.count]
            if let page = site.partPages[part.id] { values["url"] = tree.pages[page].url }
            return values
        }
        return ["title": Self.kaderTitle, "version": site.kader.version, "url": tree.pages[site.landing].url,
                "parts": parts, "total": site.kader.indicators.count,
                "forms": forms.map { Self.formLink($0, kader: site.kader, strings: strings) }, "hasPDF": withPDF]
    }

    package static let kaderTitle = "Kwaliteitskader Housing First"

    /// The title of a form, as the kader's landing page and the form itself show it.
    package static func title(of form: KaderForm, in kader: Kader, strings: InterfaceStrings) -> String {
        switch form.kind {
        case .whole: strings.text("forms.whole")
        case .preparation: strings.text("forms.preparation")
        case .part(let id):
            strings.text("forms.part", ["number": String(id.number), "title": kader.part(id)?.title ?? id.description])
        case .plan: strings.text("forms.plan")
        }
    }

    /// `kaderPart` on a principle page: the kader part that belongs to it.
    package func principleLink(for page: Int) -> [String: Any]? {
        guard let id = site.part(forPrinciplePage: page), let part = site.kader.part(id),
              let partPage = site.partPages[id] else { return nil }
        return ["id": id.description, "number": id.number, "title": part.title, "count": part.indicators.count,
                "url": tree.pages[partPage].url]
    }

    /// `part` on a part's page: introduction, groups and indicators, and its form.
    package func partValues(_ part: KaderPart, content: KaderPartContent) -> [String: Any] {
        var values = partBody(part, content: content)
        if let form = forms.first(where: { $0.kind == .part(part.id) }) { values["form"] = Self.formLink(form, kader: site.kader, strings: strings) }
        if let page = site.principlePages[part.id] {
            values["principle"] = ["title": tree.pages[page].title, "url": tree.pages[page].url]
        }
        return values
    }

    /// The values of a form page.
    package func formValues(_ form: KaderForm, contents: [PartID: KaderPartContent]) -> [String: Any] {
        var values: [String: Any] = [
            "title": Self.title(of: form, in: site.kader, strings: strings), "kaderTitle": Self.kaderTitle, "version": site.kader.version,
            "statuses": Self.statuses, "roles": strings.list("forms.roles"),
            "isPreparation": form.kind == .preparation, "isPlan": form.kind == .plan,
            "parties": Party.allCases.map(\.label) + [strings.text("forms.otherParty")],
        ]
        let parts: [KaderPart]
        switch form.kind {
        case .whole, .preparation: parts = site.kader.parts
        case .part(let id): parts = site.kader.part(id).map { [$0] } ?? []
        case .plan: parts = []
        }
        values["parts"] = parts.map { part in partBody(part, content: contents[part.id]) }
        values["planRows"] = Array(repeating: ["blank": true] as [String: Any], count: 12)
        // The whole kader and the preparation form can be filled in, in the browser.
        values["fillable"] = form.kind == .whole || form.kind == .preparation
        if form.kind == .whole || form.kind == .preparation { values["fillData"] = fillData }
        values["kind"] = form.kind == .preparation ? "preparation" : "whole"
        values["pdf"] = RelativeURL.between(from: form.html, to: form.pdf)
        values["hasPDF"] = withPDF
        switch form.kind {
        case .whole: values["subtitle"] = strings.text("forms.subtitles.whole")
        case .preparation: values["subtitle"] = strings.text("forms.subtitles.preparation")
        case .part(let id):
            values["subtitle"] = strings.text("forms.subtitles.part", ["number": String(id.number), "total": String(PartID.all.count)])
        case .plan: values["subtitle"] = strings.text("forms.subtitles.plan")
        }
        return values
    }

    /// The part's text and indicators, as on its page (without the links to forms and principle).
    package func partBody(_ part: KaderPart, content: KaderPartContent?) -> [String: Any] {
        let byID = Dictionary(uniqueKeysWithValues: part.indicators.map { ($0.id, $0) })
        let groups = (content?.groups ?? [KaderPartContent.Group(title: nil, anchor: nil, intro: "",
                                                                  indicators: part.indicators.map(\.id))])
            .map { group -> [String: Any] in
                var values: [String: Any] = ["intro": group.intro, "hasIntro": !group.intro.isEmpty,
                                             "hasTitle": group.title != nil]
                if let title = group.title { values["title"] = title }
                if let anchor = group.anchor { values["anchor"] = anchor }
                values["indicators"] = group.indicators.compactMap { id in
                    byID[id].map { indicatorValues($0, html: content?.indicatorHTML[id] ?? "") }
                }
                return values
            }
        var values: [String: Any] = ["id": part.id.description, "number": part.id.number, "title": part.title,
                                     "count": part.indicators.count, "intro": content?.intro ?? "", "groups": groups,
                                     "hasIntro": !(content?.intro ?? "").isEmpty]
        if let page = site.partPages[part.id] { values["url"] = tree.pages[page].url }
        return values
    }

    private func indicatorValues(_ indicator: Indicator, html: String) -> [String: Any] {
        ["id": indicator.id.description, "anchor": indicator.id.anchor, "title": indicator.title, "html": html,
         "parties": indicator.parties.map(\.label), "hasParties": !indicator.parties.isEmpty]
    }

    private static func formLink(_ form: KaderForm, kader: Kader, strings: InterfaceStrings) -> [String: Any] {
        ["title": title(of: form, in: kader, strings: strings), "url": form.html, "pdf": form.pdf]
    }

    /// The colour score, with label, colour, shape and meaning.
    package static var statuses: [[String: Any]] {
        Status.allCases.map {
            ["key": $0.rawValue, "label": $0.label, "colour": $0.colour, "symbol": $0.symbol, "meaning": $0.meaning]
        }
    }
}
