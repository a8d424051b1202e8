import Diagnostics
import Foundation
import Kader
import KennisbankLoad
import KennisbankModel
import KennisbankRender
import SiteFormats
import Basics

/// A request to render one assessment file as a self-contained page.
struct StandaloneRequest {
    /// The assessment file, anywhere on disk.
    let file: URL
    /// File name of its PDF, when one will be made next to the page.
    let pdfName: String?
    /// Whether the site is the one built into the binary (`BuiltInSite`) rather than the user's.
    var builtIn = false
}

/// The load stage of a build: the config, the templates and stylesheets, the content's files and
/// every Markdown source read and parsed.
struct LoadedSite {
    let config: SiteConfig
    /// Nil when the templates failed to load (their errors are reported; links are still checked).
    let templates: TemplateSet?
    let stylesheets: Stylesheets
    /// The interface words of the site's language (empty when the strings file failed to load).
    let strings: InterfaceStrings
    let templateRoot: URL
    let contentRoot: URL
    let rules: LoadRules
    var inventory: ContentInventory
    var sources: [String: LoadedSource]
    /// The content path of the assessment to render on its own, when one was asked for.
    var standalonePath: String?

    /// Loads everything a build reads. `standalone`, when given, is loaded too: from the content
    /// when it lies there, otherwise as if it lay in the assessments folder.
    static func load(_ options: BuildOptions, standalone: StandaloneRequest? = nil,
                     diagnostics: inout DiagnosticList) -> LoadedSite {
        StageClock.start()
        let config = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &diagnostics)
        let templateRoot = options.url(options.templates)
        let stylesheets = Stylesheets.read(templateRoot: templateRoot)
        let read = InterfaceStrings.read(templateRoot: templateRoot, displayRoot: options.templates,
                                         language: config.language, diagnostics: &diagnostics)
        let templates = TemplateSet.load(directory: templateRoot, displayRoot: options.templates, strings: read,
                                         diagnostics: &diagnostics)
        if let read {
            let stringsFile = "\(options.templates)/strings/\(config.language).yml"
            templates?.checkStrings(read, stringsFile: stringsFile, diagnostics: &diagnostics)
            ScriptStrings.check(templateRoot: templateRoot, displayRoot: options.templates, strings: read,
                                stringsFile: stringsFile, diagnostics: &diagnostics)
        }
        let strings = read ?? InterfaceStrings(language: config.language, root: [:])
        let contentRoot = options.url(options.content)
        StageClock.mark("config and templates")
        var inventory = ContentInventory.scan(root: contentRoot, displayRoot: options.content, diagnostics: &diagnostics)
        StageClock.mark("content inventory")
        let rules = LoadRules(kader: config.kaderFolder, assessments: config.assessmentsFolder,
                              reservedIDs: templates?.reservedIDs ?? [], allowRawHTML: config.allowRawHTML)
        var loaded = parallelMap(inventory.markdown) {
            SourceLoader.load(path: $0, contentRoot: contentRoot, displayRoot: options.content, folders: rules)
        }
        if let root = config.assessmentsRoot, let written = config.assessmentsPath {
            loaded += ExternalAssessments.load(root: URL(fileURLWithPath: root), displayRoot: ExternalAssessments.displayRoot(written: written, configPath: options.config),
                                               contentRoot: contentRoot.standardizedFileURL, config: config, rules: rules,
                                               inventory: &inventory, diagnostics: &diagnostics)
        }
        var standalonePath: String?
        if let standalone {
            let file = standalone.file.standardizedFileURL
            if file.path.hasPrefix(contentRoot.path + "/") {
                standalonePath = String(file.path.dropFirst(contentRoot.path.count + 1))
            } else {
                let path = "\(config.assessmentsFolder)/\(file.lastPathComponent)"
                standalonePath = path
                inventory.markdown.removeAll { $0 == path }
                loaded.removeAll { $0.0?.path == path }
                inventory.markdown.append(path)
                var only = rules
                only.onlyAssessments = true
                let (source, problems) = SourceLoader.load(
                    path: file.lastPathComponent, contentRoot: file.deletingLastPathComponent(),
                    displayRoot: standalone.file.deletingLastPathComponent().relativePath, folders: only)
                loaded.append((source.relocated(to: path), problems))
            }
        }
        StageClock.mark("load sources")
        var sources: [String: LoadedSource] = [:]
        for (source, problems) in loaded {
            diagnostics.append(contentsOf: problems)
            if let source { sources[source.path] = source }
        }
        diagnostics.append(contentsOf: FrontMatterKeys.warnings(sources.values.map { ($0.displayPath, $0.unknownKeys) }))
        return LoadedSite(config: config, templates: templates, stylesheets: stylesheets, strings: strings, templateRoot: templateRoot,
                          contentRoot: contentRoot, rules: rules, inventory: inventory, sources: sources,
                          standalonePath: standalonePath)
    }

    /// What the model is built from.
    func modelInput(_ options: BuildOptions, withSearch: Bool, withNotes: Bool) -> ModelInput {
        ModelInput(config: config, configPath: options.config, contentPath: options.content, markdown: inventory.markdown,
                   sources: sources.mapValues(\.summary), assets: inventory.assets,
                   reservedIDs: templates?.reservedIDs ?? [], strings: strings, withSearch: withSearch, withNotes: withNotes)
    }
}

extension LoadedSource {
    /// What the model needs of this source.
    var summary: SourceSummary {
        var folded: [String: String] = [:]
        for heading in headings {
            for form in heading.foldedIDs where folded[form] == nil { folded[form] = heading.id }
        }
        let anchors = PageAnchors(ids: headings.map(\.id), github: headings.map(\.githubID), folded: folded)
        return SourceSummary(path: path, displayPath: displayPath, frontMatter: frontMatter, bodyTitle: bodyTitle,
                      anchors: anchors, links: links.map { ($0.destination, $0.line, $0.column) },
                      images: links.filter { $0.kind == .image }.map { ($0.destination, $0.line, $0.column) },
                      kaderPart: kaderPart, assessment: assessment)
    }
}
