import Diagnostics
import Kader
import SiteFormats
import Basics

/// Where the Kwaliteitskader lives in the site: its landing page, the page of each part,
/// the principle page each part belongs to, and the folder of its printable forms.
package struct KaderSite: Sendable {
    package let kader: Kader
    /// Page index of the kader's landing page.
    package let landing: Int
    /// Section index of the kader folder.
    package let section: Int
    /// Page index of each part's page.
    package let partPages: [PartID: Int]
    /// Page index of the principle (knowledge) page of each part that names one.
    package let principlePages: [PartID: Int]
    /// Output folder of the forms, relative to the site root, such as `kader/formulieren/`.
    package let formsFolder: String

    /// Builds the kader from the part drafts of the loaded sources, in navigation order.
    /// Returns nil when the content has no kader folder.
    /// `parts` holds the part drafts the loader read, by source path; `frontMatter` and
    /// `displayPaths` every page's front matter and path for diagnostics, by source path.
    package static func build(tree: SiteTree, navigation: Navigation, parts: [String: PartDraft],
                              frontMatter: [String: FrontMatter], displayPaths: [String: String], config: SiteConfig,
                              locator: LinkLocator, diagnostics: inout DiagnosticList) -> KaderSite? {
        guard let (kader, section, partPageBySource) = read(tree: tree, navigation: navigation, parts: parts,
                                                            frontMatter: frontMatter, displayPaths: displayPaths,
                                                            config: config, diagnostics: &diagnostics) else { return nil }
        let landing = tree.sections[section].landing
        var partPages: [PartID: Int] = [:]
        var principlePages: [PartID: Int] = [:]
        for part in kader.parts {
            guard let page = partPageBySource[part.source], let matter = frontMatter[part.source] else { continue }
            partPages[part.id] = page
            guard let principle = matter.principle else { continue }
            switch locator.targetPage(principle, from: page) {
            case .success(let target): principlePages[part.id] = target
            case .failure(let failure):
                diagnostics.append(.error("`principle`: \(failure.message)", file: displayPaths[part.source] ?? part.source,
                                          line: matter.principleLine, column: 1))
            }
        }
        return KaderSite(kader: kader, landing: landing, section: section, partPages: partPages,
                         principlePages: principlePages, formsFolder: tree.sections[section].urlPrefix + "formulieren/")
    }

    /// The kader alone (parts in navigation order), without the pages around it; nil when the
    /// content has no kader folder.
    package static func kader(tree: SiteTree, navigation: Navigation, parts: [String: PartDraft],
                              frontMatter: [String: FrontMatter], displayPaths: [String: String], config: SiteConfig,
                              diagnostics: inout DiagnosticList) -> Kader? {
        read(tree: tree, navigation: navigation, parts: parts, frontMatter: frontMatter, displayPaths: displayPaths,
             config: config, diagnostics: &diagnostics)?.kader
    }

    private static func read(tree: SiteTree, navigation: Navigation, parts: [String: PartDraft],
                             frontMatter: [String: FrontMatter], displayPaths: [String: String], config: SiteConfig,
                             diagnostics: inout DiagnosticList) -> (kader: Kader, section: Int, partPageBySource: [String: Int])? {
        guard let section = tree.sections.firstIndex(where: { $0.folder == config.kaderFolder }) else { return nil }
        let landing = tree.sections[section].landing
        let landingSource = tree.pages[landing].source
        let landingMatter = frontMatter[landingSource]
        var drafts: [PartDraft] = []
        var partPageBySource: [String: Int] = [:]
        for page in navigation.order {
            guard let draft = parts[tree.pages[page].source] else { continue }
            drafts.append(draft)
            partPageBySource[draft.source] = page
        }
        var indexFile = displayPaths[landingSource] ?? landingSource
        if tree.pages[landing].isGenerated {
            // A landing page the generator made: the version goes into the `_index.md` to write.
            let root = displayPaths.first { $0.key.hasPrefix(config.kaderFolder + "/") }.map { String($0.value.dropLast($0.key.count)) }
            indexFile = (root ?? "") + config.kaderFolder + "/_index.md"
        }
        let (kader, problems) = KaderBuilder.build(
            version: landingMatter?.version, versionLine: landingMatter?.versionLine,
            indexFile: indexFile, parts: drafts)
        diagnostics.append(contentsOf: problems)

        return (kader, section, partPageBySource)
    }

    /// The part whose principle page is `page`, if any.
    package func part(forPrinciplePage page: Int) -> PartID? {
        principlePages.first { $0.value == page }?.key
    }

    /// Whether `page` lies in the kader folder (its landing, its parts or its guide pages).
    package func contains(page: Int, in tree: SiteTree) -> Bool {
        var current: Int? = tree.pages[page].section
        while let index = current {
            if index == section { return true }
            current = tree.sections[index].parent
        }
        return false
    }
}
