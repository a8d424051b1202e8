import Foundation
import Kennisbank
import Testing
import KennisbankRender
import Basics

/// The result, comparison and preparation pages of the shipped examples as a practice reads
/// them (issue 18): plain words, every count on the bars, the result PDF, and a phone.
@Suite("Result and preparation pages", .serialized)
struct ResultPagesTests {
    private let site = ShippedSite.shared
    private static let result = "zelfevaluaties/housing-first-duinmeer-2026-03-10-q8v3m1x7k2d9/"
    private static let earlier = "zelfevaluaties/housing-first-duinmeer-2025-03-11/"
    private static let overview = "zelfevaluaties/voorbereiding-duinmeer-2026-q8v3m1x7k2d9/"
    private static let council = "zelfevaluaties/voorbereiding-gemeente-duinmeer-2026-q8v3m1x7k2d9/"

    private func page(_ folder: String) throws -> String { try #require(site.pages[folder + "index.html"]) }

    /// `kennisbank assessment render` of the shipped 2026 round into a new folder, as `los.html`
    /// (and `los.pdf`).
    private func renderShippedStandalone(pdf: Bool) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-result-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let options = BuildOptions(content: repositoryRoot.appendingPathComponent("content").path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path, output: "/nonexistent",
                                   config: repositoryRoot.appendingPathComponent("kennisbank.yml").path)
        let report = StandaloneAssessment.render(file: repositoryRoot.appendingPathComponent("content/zelfevaluaties/duinmeer-2026.md").path,
                                                 output: folder.appendingPathComponent("los.html").path, pdf: pdf, options: options)
        #expect(report.succeeded, "\(report.diagnostics.items)")
        return folder
    }

    /// What every element that starts with `<start` holds (its markup left in), up to its `</end>`.
    private func elements(_ start: String, closedBy end: String? = nil, in html: String) -> [String] {
        html.components(separatedBy: "<\(start)").dropFirst().compactMap { $0.components(separatedBy: "</\(end ?? start)>").first }
    }

    @Test func preparationOverviewIsHeadedByThePracticeAndDate() throws {
        let html = try page(Self.overview)
        #expect(html.contains("<h1>Voorbereiding Housing First Duinmeer, 10 maart 2026</h1>"))
        #expect(html.contains("<title>Voorbereiding Housing First Duinmeer, 10 maart 2026 – "))
        // The session's name is written like a file name: never in a heading or title.
        for folder in [Self.overview, Self.council, Self.result] {
            let html = try page(folder)
            for heading in ["title", "h1", "h2", "h3", "h4"].flatMap({ elements($0, in: html) }) {
                #expect(!heading.contains("duinmeer-2026"), "\(folder): \(heading)")
            }
        }
    }

    @Test func columnHeadsNameEachPartyOnce() throws {
        let html = try page(Self.overview)
        let heads = elements("th scope=\"col\"", closedBy: "th", in: html)
        // The zorgorganisatie's two participants each have a column, their name under the party's.
        #expect(heads == [">Indicator",
                          ">Zorgorganisatie <span class=\"party-org\">Stichting Thuisbasis</span> <span class=\"party-participant\">Persoonlijk begeleider</span>",
                          ">Zorgorganisatie <span class=\"party-org\">Stichting Thuisbasis</span> <span class=\"party-participant\">Teamleider</span>",
                          ">Woningcorporatie <span class=\"party-org\">Woonstichting Duinmeer</span>", ">Gemeente Duinmeer", ">Aandacht"])
        #expect(!html.contains("Gemeente Gemeente"))
    }

    @Test func rolesAreWrittenWithCapitals() throws {
        let html = try page(Self.council)
        #expect(html.contains("<title>Voorbereiding Gemeente, Housing First Duinmeer, 10 maart 2026 – "))
        #expect(html.contains("<h1>Voorbereiding Gemeente, Housing First Duinmeer</h1>"))
        #expect(html.contains("<p class=\"lead\">Voorlopige kleurscores van één partij, vóór de gezamenlijke bijeenkomst van <time datetime=\"2026-03-10\">10 maart 2026</time></p>"))
        #expect(html.contains("Dit zijn de voorlopige kleurscores namens Gemeente, vóór de gezamenlijke bijeenkomst van <time datetime=\"2026-03-10\">10 maart 2026</time>."))
        let overview = try page(Self.overview)
        for party in ["Zorgorganisatie (Persoonlijk begeleider)", "Zorgorganisatie (Teamleider)", "Woningcorporatie", "Gemeente"] {
            #expect(overview.contains("<h4>\(party)</h4>"), "\(party)")
        }
        for role in ["zorgorganisatie", "woningcorporatie", "gemeente"] {
            #expect(!html.contains(" \(role) ") && !overview.contains(" \(role) "), "\(role) in lower case")
        }
    }

    @Test func openIndicatorsSayNogOpenAsTheFormDoes() throws {
        let html = try page(Self.result)
        #expect(html.contains("<span class=\"status status-open\"><span class=\"status-symbol\" aria-hidden=\"true\">○</span> Nog open</span>"))
        #expect(html.contains("<span class=\"status-symbol status-open\" aria-hidden=\"true\">○</span> Nog open</th>"))
        #expect(html.contains("1 Niet op orde, 5 Nog open</title>"))
        #expect(!html.contains("</span> open</span>") && !html.contains("</span> Open</th>"))
        let overview = try page(Self.overview)
        #expect(!overview.contains("</span> open</span>"))
    }

    /// Each part's row is a card on a phone: every cell carries its column's name.
    @Test func everyCellCarriesItsColumnsName() throws {
        let html = try page(Self.result)
        let row = "<tr><th scope=\"row\">5. Harm reduction</th>"
            + "<td class=\"number\"><span class=\"cell-label\" aria-hidden=\"true\"><span class=\"status-symbol status-opOrde\">●</span> Op orde</span> 1</td>"
            + "<td class=\"number\"><span class=\"cell-label\" aria-hidden=\"true\"><span class=\"status-symbol status-inOntwikkeling\">▲</span> In ontwikkeling</span> 3</td>"
            + "<td class=\"number\"><span class=\"cell-label\" aria-hidden=\"true\"><span class=\"status-symbol status-nietOpOrde\">■</span> Niet op orde</span> 1</td>"
            + "<td class=\"number\"><span class=\"cell-label\" aria-hidden=\"true\"><span class=\"status-symbol status-open\">○</span> Nog open</span> 0</td></tr>"
        #expect(html.contains(row))
        #expect(html.contains("<span class=\"cell-label\" aria-hidden=\"true\">Beter</span>"))
        let overview = try page(Self.overview)
        #expect(overview.contains("<td><span class=\"cell-label\" aria-hidden=\"true\">Gemeente Duinmeer</span> <span class=\"status status-inOntwikkeling\">"))
    }

    /// Every segment of every bar has its symbol and count, a segment of 1 too.
    @Test func everyBarSegmentShowsItsCount() throws {
        for folder in [Self.result, Self.earlier, Self.council] {
            let html = try page(folder)
            let bars = elements("svg class=\"status-bar\"", closedBy: "svg", in: html)
            #expect(bars.count == 11, "\(folder)")
            for bar in bars {
                let segments = bar.components(separatedBy: "<rect class=\"bar-").count - bar.components(separatedBy: "<rect class=\"bar-chip").count
                let labels = bar.components(separatedBy: "<text ").count - 1
                #expect(segments > 0 && labels == segments, "\(folder): \(bar)")
            }
        }
        // All parts of 2026: 51, 26, 1 and 5; the 1 and the 5 are too narrow for their labels,
        // which go below the bar.
        let total = try #require(elements("svg class=\"status-bar\"", closedBy: "svg", in: try page(Self.result)).last)
        for label in ["● 51", "▲ 26", "■ 1", "○ 5"] { #expect(total.contains(">\(label)</text>"), "\(label)") }
        #expect(total.contains("viewBox=\"0 0 600 52\""))
    }

    @Test func labelsBelowABarNeverOverlap() {
        let counts = [("opOrde", 80), ("inOntwikkeling", 1), ("nietOpOrde", 1), ("open", 1)].map {
            StatusCountValue(key: $0.0, label: $0.0, symbol: "●", count: $0.1)
        }
        let bar = StatusBarValue(id: "kb-balk-proef", title: "", counts: counts)
        let segments: [BarSegment] = bar.segments
        #expect(segments.map { $0.count } == [80, 1, 1, 1])
        #expect(segments.map { $0.inside } == [true, false, false, false])
        #expect(segments.map { $0.width }.reduce(0, +) == StatusBarValue.width)
        let below: [BarSegment] = bar.segments.filter { !$0.inside }
        for (left, right) in zip(below, below.dropFirst()) {
            let leftEnd = left.labelX + left.chipWidth / 2
            let rightStart = right.labelX - right.chipWidth / 2
            #expect(leftEnd <= rightStart, "\(left.labelX) \(right.labelX)")
        }
        for segment in below {
            #expect(segment.labelX - segment.chipWidth / 2 >= 0)
            #expect(segment.labelX + segment.chipWidth / 2 <= StatusBarValue.width)
        }
        #expect(bar.height == 52)
    }

    /// A reflection or actions typed over several lines keeps its lines on the page.
    @Test func textOverSeveralLinesKeepsItsBreaks() throws {
        let html = try page(Self.result)
        #expect(html.contains("<p>Signalen van overlast meenemen in het maandelijkse casusoverleg.<br />\nDe woonconsulent en de begeleider brengen ze samen in.<br />\nEerste bespreking in april.</p>"))
    }

    /// The site's result PDF and the self-contained file's: no serif font (the footer's
    /// margin box took one), and the summary table whole on one page.
    @Test func resultPDFIsSansSerifWithItsSummaryOnOnePage() throws {
        let folder = try renderShippedStandalone(pdf: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for pdf in [site.output.appendingPathComponent(Self.result + "zelfevaluatie.pdf").path, folder.appendingPathComponent("los.pdf").path] {
            let fonts = try runTool("pdffonts", pdf)
            #expect(!fonts.contains("Serif") && !fonts.contains("Times"), "\(pdf):\n\(fonts)")
            var pages: [String] = []
            for number in 1...3 { pages.append(try runTool("pdftotext", "-layout", "-f", "\(number)", "-l", "\(number)", pdf, "-")) }
            let start = try #require(pages.firstIndex { $0.contains("Aantal indicatoren per kleurscore") })
            let table = pages[start]
            for row in ["1. Huisvesting is een mensenrecht", "10. Kwaliteitsbewaking", "Totaal"] {
                #expect(table.contains(row), "\(pdf): \(row) is not on the summary's page")
            }
            #expect(pages[start + 1].contains("Verdeling per onderdeel") || table.contains("Verdeling per onderdeel"))
            #expect(!pages[start + 1].contains("Aantal indicatoren per kleurscore") && !pages[start + 1].contains("Onderdeel   "))
        }
    }

    /// On a 320 px phone no result, comparison or preparation page, nor the self-contained
    /// file, is wider than the window; their tables are cards that stay tables to a screen reader.
    @Test func noPageWiderThanAPhone() async throws {
        let site = try await ShippedSite.awaited()
        let folder = try renderShippedStandalone(pdf: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("los.html").path
        let pages = [Self.result, Self.earlier, Self.overview, Self.council].map { $0 + "index.html" }
        let result = try await runBrowserScript("phone_width.py", site.output.path, pages[0], pages[1], pages[2], pages[3], "--file", file)
        #expect(result.status == 0, "\(result.output)")
        for page in pages + ["los.html"] {
            #expect(result.output.contains("ok: \(page) at 1280 px: a table, without names in its cells"), "\(page)")
        }
    }
}
