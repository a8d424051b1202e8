import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("The shipped Kwaliteitskader", .serialized)
struct ShippedKaderTests {
    private let site = ShippedSite.shared

    private var kader: Kader? { site.report.kader }

    @Test func hasTenPartsWithTheirIndicators() throws {
        let kader = try #require(kader)
        #expect(kader.version == "2025")
        #expect(kader.parts.map(\.id.description) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "S", "K"])
        #expect(kader.parts.map(\.indicators.count) == [23, 6, 9, 13, 5, 5, 7, 6, 5, 4])
        let ids = kader.indicators.map(\.id)
        #expect(ids.count == 83)
        #expect(Set(ids).count == ids.count)
        for part in kader.parts {
            // Numbered 01, 02, ... without gaps within each part.
            #expect(part.indicators.map(\.id.number) == Array(1...part.indicators.count), "\(part.id) is not numbered 1...n")
        }
        #expect(kader.indicator(IndicatorID("P1.05")!)?.title == "Verspreid wonen, hoogstens 20% per gebouw")
        #expect(kader.indicator(IndicatorID("P6.02")!)?.title == "Kleine caseload, hoogstens 6:1")
    }

    @Test func partPagesGiveEveryIndicatorItsAnchor() throws {
        let kader = try #require(kader)
        for part in kader.parts {
            let page = "kader/\(part.id == .samenwerking ? "samenwerking" : part.id == .kwaliteitsbewaking ? "kwaliteitsbewaking" : part.id.description.lowercased())/index.html"
            let html = try #require(site.pages[page], "missing \(page)")
            let ids = attributeValues("id", in: html)
            for indicator in part.indicators {
                #expect(ids.contains(indicator.id.anchor), "\(page) lacks #\(indicator.id.anchor)")
            }
            #expect(html.contains("Kwaliteitskader Housing First · versie 2025"))
        }
    }

    @Test func overviewListsThePartsWithTheirCounts() throws {
        let html = try #require(site.pages["kader/index.html"])
        #expect(html.contains("<tr><td>1</td><td><a href=\"../kader/p1/index.html\">Huisvesting is een mensenrecht</a></td><td class=\"number\">23</td></tr>"))
        #expect(html.contains("<tr><td>10</td><td><a href=\"../kader/kwaliteitsbewaking/index.html\">Kwaliteitsbewaking</a></td><td class=\"number\">4</td></tr>"))
        #expect(html.contains("<td class=\"number\">83</td>"))
        #expect(html.contains("href=\"../kader/formulieren/kwaliteitskader.pdf\""))
    }

    @Test func principlePagesAndPartsLinkBothWays() throws {
        let principle = try #require(site.pages["kernprincipes/harm-reduction/index.html"])
        #expect(principle.contains("onderdeel 5, met 5 indicatoren: <a href=\"../../kader/p5/index.html\">Harm reduction</a>"))
        let part = try #require(site.pages["kader/p5/index.html"])
        #expect(part.contains("Meer over dit principe: <a href=\"../../kernprincipes/harm-reduction/index.html\">Harm reduction</a>"))
    }

    @Test func everyIndicatorIsOnceInTheWholeFormAndInItsPartForm() throws {
        let kader = try #require(kader)
        let whole = try form("kwaliteitskader.html")
        let preparation = try form("voorbereiding.html")
        #expect(preparation.contains("Voorbereiding, namens"))
        for part in kader.parts {
            let partForm = try form("\(part.id.description.lowercased()).html")
            for indicator in kader.indicators {
                let marker = "<span class=\"indicator-id\">\(indicator.id)</span>"
                #expect(occurrences(of: marker, in: whole) == 1, "\(indicator.id) in the whole form")
                #expect(occurrences(of: marker, in: preparation) == 1, "\(indicator.id) in the preparation form")
                #expect(occurrences(of: marker, in: partForm) == (indicator.id.part == part.id ? 1 : 0),
                        "\(indicator.id) in the form of \(part.id)")
            }
            // Three score boxes per indicator, each with its label.
            #expect(occurrences(of: "<span class=\"score\">", in: partForm) == 3 * part.indicators.count)
            #expect(partForm.contains("Kwaliteitskader Housing First · versie 2025"))
        }
        let plan = try form("plan-van-aanpak.html")
        for column in ["Wat (actie)", "Wie", "Wanneer", "Doel", "Indicator(en)"] {
            #expect(plan.contains(">\(column)</th>"))
        }
        // Twelve numbered rows, on two pages of six (PaperFormTests reads the PDF).
        #expect(occurrences(of: "<td></td><td></td><td></td><td></td><td></td></tr>", in: plan) == 12)
    }

    @Test func pdfsHoldEveryIndicator() throws {
        let kader = try #require(kader)
        #expect(site.report.forms == 13)
        #expect(site.report.pdfs == site.report.forms + site.report.assessments + 1, "PDFs were not made; is WeasyPrint installed (scripts/setup.sh)?")
        let whole = try pdf("kwaliteitskader.pdf")
        #expect((20...60).contains(whole.pages), "whole kader has \(whole.pages) pages")
        for indicator in kader.indicators {
            #expect(whole.text.contains(indicator.id.description), "\(indicator.id) missing from the PDF")
        }
        #expect(whole.text.contains("pagina 1 van \(whole.pages)"))
        #expect(whole.text.contains("versie 2025"))
        for part in kader.parts {
            let partPDF = try pdf("\(part.id.description.lowercased()).pdf")
            #expect((1...15).contains(partPDF.pages))
            for indicator in part.indicators { #expect(partPDF.text.contains(indicator.id.description)) }
        }
        let plan = try pdf("plan-van-aanpak.pdf")
        #expect((1...3).contains(plan.pages))
        #expect(plan.text.contains("Wanneer"))
    }

    private func form(_ name: String) throws -> String {
        try #require(site.pages["kader/formulieren/\(name)"], "missing form \(name)")
    }

    private func pdf(_ name: String) throws -> (pages: Int, text: String) {
        let url = site.output.appendingPathComponent("kader/formulieren/\(name)")
        let text = try runTool("pdftotext", "-layout", url.path, "-")
        let info = try runTool("pdfinfo", url.path)
        let pagesLine = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return (Int(pagesLine.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? 0, text)
    }
}

private func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
