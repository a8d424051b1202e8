import Kader
import KennisbankModel
import KennisbankLoad
import SiteFormats
import Basics

/// The template values of the kader (`KaderValues`, `KaderPartValues`, `FormValues`): its
/// landing page, part pages, the links from principle pages, and the printable forms. URLs
/// relative to the site root.
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

    /// `kader`: the version, the parts with their counts and the forms, for the pages in the kader
    /// folder (which print the version). The same on every page, so made once.
    package let kaderValue: KaderValue

    package init(site: KaderSite, tree: SiteTree, strings: InterfaceStrings, withPDF: Bool) {
        self.site = site
        self.tree = tree
        self.strings = strings
        fillData = FillData.json(strings: strings, kader: site.kader)
        self.withPDF = withPDF
        forms = site.forms
        let parts = site.kader.parts.map { Self.link(to: $0, site: site, tree: tree) }
        kaderValue = KaderValue(title: strings.text("kader.title"), version: site.kader.version, url: tree.pages[site.landing].url, parts: parts,
                                total: site.kader.indicators.count,
                                forms: site.forms.map { Self.formLink($0, kader: site.kader, strings: strings) }, hasPDF: withPDF)
    }

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
    package func principleLink(for page: Int) -> KaderPartLink? {
        guard let id = site.part(forPrinciplePage: page), let part = site.kader.part(id), site.partPages[id] != nil else { return nil }
        return link(to: part)
    }

    /// A part with its page, as other pages link to it.
    private func link(to part: KaderPart) -> KaderPartLink { Self.link(to: part, site: site, tree: tree) }

    private static func link(to part: KaderPart, site: KaderSite, tree: SiteTree) -> KaderPartLink {
        KaderPartLink(id: part.id.description, number: part.id.number, title: part.title, count: part.indicators.count,
                      url: site.partPages[part.id].map { tree.pages[$0].url })
    }

    /// `part` on a part's page: introduction, groups and indicators, and its form.
    package func partValues(_ part: KaderPart, content: KaderPartContent) -> KaderPartValue {
        KaderPartValue(body: partBody(part, content: content),
                       form: forms.first(where: { $0.kind == .part(part.id) }).map { Self.formLink($0, kader: site.kader, strings: strings) },
                       principle: site.principlePages[part.id].map { LinkValue(title: tree.pages[$0].title, url: tree.pages[$0].url) })
    }

    /// The values of a form page.
    package func formValues(_ form: KaderForm, contents: [PartID: KaderPartContent]) -> FormValues {
        let parts: [KaderPart]
        switch form.kind {
        case .whole, .preparation: parts = site.kader.parts
        case .part(let id): parts = site.kader.part(id).map { [$0] } ?? []
        case .plan: parts = []
        }
        let subtitle = switch form.kind {
        case .whole: strings.text("forms.subtitles.whole")
        case .preparation: strings.text("forms.subtitles.preparation")
        case .part(let id):
            strings.text("forms.subtitles.part", ["number": String(id.number), "total": String(PartID.all.count)])
        case .plan: strings.text("forms.subtitles.plan")
        }
        let fillable = form.fillsInBrowser
        let planPages = form.holdsPlan ? KaderForm.planPages.enumerated().map { page in
            BlankPlanPage(rows: Array(page.element), isFirst: page.offset == 0)
        } : []
        // A line to write on after each label of the running header.
        let blank = " " + String(repeating: "_", count: 24)
        let footer = strings.text("kader.title") + " · " + strings.text("kader.versionWord") + " " + site.kader.version
        return FormValues(title: Self.title(of: form, in: site.kader, strings: strings), subtitle: subtitle,
                          kaderTitle: strings.text("kader.title"), version: site.kader.version, statuses: StatusValue.all(strings),
                          roles: strings.list("forms.roles"),
                          parties: Party.allCases.map { strings.label($0) } + [strings.text("forms.otherParty")],
                          isPreparation: form.kind == .preparation, isPlan: form.kind == .plan,
                          parts: parts.map { part in partBody(part, content: contents[part.id]) },
                          kind: form.kind == .preparation ? "preparation" : "whole", fillData: fillable ? fillData : nil,
                          pdf: RelativeURL.between(from: form.html, to: form.pdf), hasPDF: withPDF,
                          planPages: planPages,
                          headerPractice: InterfaceStrings.cssString(strings.text("forms.pageHeader.practice") + blank),
                          headerDate: InterfaceStrings.cssString(strings.text("forms.pageHeader.date") + blank),
                          footer: InterfaceStrings.cssString(footer))
    }

    /// The part's text and indicators, as on its page (without the links to forms and principle).
    package func partBody(_ part: KaderPart, content: KaderPartContent?) -> PartBodyValue {
        let byID = Dictionary(uniqueKeysWithValues: part.indicators.map { ($0.id, $0) })
        let groups = (content?.groups ?? [KaderPartContent.Group(title: nil, anchor: nil, intro: "",
                                                                  indicators: part.indicators.map(\.id))])
            .map { group in
                IndicatorGroupValue(title: group.title, anchor: group.anchor, intro: group.intro, indicators: group.indicators.compactMap { id in
                    byID[id].map { indicator in
                        KaderIndicatorValue(id: indicator.id.description, anchor: indicator.id.anchor, title: indicator.title,
                                            html: content?.indicatorHTML[id] ?? "", parties: indicator.parties.map { strings.label($0) })
                    }
                })
            }
        return PartBodyValue(link: link(to: part), intro: content?.intro ?? "", groups: groups)
    }

    private static func formLink(_ form: KaderForm, kader: Kader, strings: InterfaceStrings) -> FormLink {
        FormLink(title: title(of: form, in: kader, strings: strings), url: form.html, pdf: form.pdf,
                 fillable: form.fillsInBrowser)
    }
}
