import Diagnostics
import Kader

/// Where the Kwaliteitskader lives in the site: its landing page, the page of each part,
/// the principle page each part belongs to, and the folder of its printable forms.
struct KaderSite: Sendable {
    let kader: Kader
    /// Page index of the kader's landing page.
    let landing: Int
    /// Section index of the kader folder.
    let section: Int
    /// Page index of each part's page.
    let partPages: [PartID: Int]
    /// Page index of the principle (knowledge) page of each part that names one.
    let principlePages: [PartID: Int]
    /// Output folder of the forms, relative to the site root, such as `kader/formulieren/`.
    let formsFolder: String

    /// Builds the kader from the part drafts of the loaded sources, in navigation order.
    /// Returns nil when the content has no kader folder.
    static func build(tree: SiteTree, navigation: Navigation, sources: [String: LoadedSource], config: SiteConfig,
                      resolver: LinkResolver, diagnostics: inout DiagnosticList) -> KaderSite? {
        guard let section = tree.sections.firstIndex(where: { $0.folder == config.kaderFolder }) else { return nil }
        let landing = tree.sections[section].landing
        let landingSource = sources[tree.pages[landing].source]
        var drafts: [PartDraft] = []
        var partPageBySource: [String: Int] = [:]
        for page in navigation.order {
            guard let draft = sources[tree.pages[page].source]?.kaderPart else { continue }
            drafts.append(draft)
            partPageBySource[draft.source] = page
        }
        let (kader, problems) = KaderBuilder.build(
            version: landingSource?.frontMatter.version, versionLine: landingSource?.frontMatter.versionLine,
            indexFile: landingSource?.displayPath ?? tree.pages[landing].source, parts: drafts)
        diagnostics.append(contentsOf: problems)

        var partPages: [PartID: Int] = [:]
        var principlePages: [PartID: Int] = [:]
        for part in kader.parts {
            guard let page = partPageBySource[part.source], let source = sources[part.source] else { continue }
            partPages[part.id] = page
            guard let principle = source.frontMatter.principle else { continue }
            switch resolver.targetPage(principle, from: page) {
            case .success(let target): principlePages[part.id] = target
            case .failure(let failure):
                diagnostics.append(.error("`principle`: \(failure.message)", file: source.displayPath,
                                          line: source.frontMatter.principleLine, column: 1))
            }
        }
        return KaderSite(kader: kader, landing: landing, section: section, partPages: partPages,
                         principlePages: principlePages, formsFolder: tree.sections[section].urlPrefix + "formulieren/")
    }

    /// The part whose principle page is `page`, if any.
    func part(forPrinciplePage page: Int) -> PartID? {
        principlePages.first { $0.value == page }?.key
    }

    /// Whether `page` lies in the kader folder (its landing, its parts or its guide pages).
    func contains(page: Int, in tree: SiteTree) -> Bool {
        var current: Int? = tree.pages[page].section
        while let index = current {
            if index == section { return true }
            current = tree.sections[index].parent
        }
        return false
    }
}
