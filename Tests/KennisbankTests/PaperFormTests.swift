import Foundation
import Kader
import Testing

/// The blank forms as a practice prints them: read back from the PDFs page by page (pdftotext,
/// pdfinfo, pdffonts), and from Chromium's own print of the HTML forms.
@Suite("The blank paper forms", .serialized)
struct PaperFormTests {
    private let site = ShippedSite.shared

    /// The form PDFs of the shipped site, by file name.
    private static let forms = ["kwaliteitskader", "voorbereiding", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "s", "k",
                                "plan-van-aanpak"]

    @Test func everyPageOfEveryFormHasThePracticeAndDateFieldsAtTheTop() throws {
        for form in Self.forms {
            let pages = try pageTexts(site.output.appendingPathComponent("kader/formulieren/\(form).pdf"))
            #expect(pages.count > 1, "\(form).pdf has \(pages.count) pages")
            let withoutHeader = pages.indices.filter { !hasHeader(pages[$0]) }.map { $0 + 1 }
            #expect(withoutHeader.isEmpty, "pages \(withoutHeader) of \(form).pdf have no practice and date fields at their top")
            let withoutFooter = pages.indices.filter { number in
                !(pages[number].contains("Kwaliteitskader Housing First · versie 2025") && pages[number].contains("pagina \(number + 1) van \(pages.count)"))
            }.map { $0 + 1 }
            #expect(withoutFooter.isEmpty, "pages \(withoutFooter) of \(form).pdf lack their footer")
        }
    }

    @Test func theWholeKaderEndsWithThePlanOnLandscapePages() throws {
        let kader = try #require(site.report.kader)
        let pdf = site.output.appendingPathComponent("kader/formulieren/kwaliteitskader.pdf")
        let pages = try pageTexts(pdf)
        let sizes = try pageSizes(pdf)
        #expect(sizes.count == pages.count)
        // The indicators in the kader's order, each whole on one page, then two landscape pages
        // of the plan, six rows each.
        let planStart = try #require(pages.firstIndex { $0.contains("Plan van aanpak") && $0.contains("Wanneer") })
        #expect(planStart == pages.count - 2, "the plan starts on page \(planStart + 1) of \(pages.count)")
        #expect(pages[planStart...].map(rowNumbers) == [Array(1...6), Array(7...12)])
        #expect(pages[pages.count - 1].contains("Plan van aanpak (vervolg)"))
        #expect(sizes[..<planStart].allSatisfy(isPortrait), "\(sizes)")
        #expect(sizes[planStart...].allSatisfy(isLandscape), "\(sizes)")
        let order = pages[..<planStart].flatMap { indicatorBlocks(on: $0, acties: "Acties") }
        #expect(order == kader.indicators.map(\.id.description))
    }

    @Test func eachIndicatorHasFiveLinesForReflectionAndFourForActionsAndStaysOnOnePage() throws {
        let kader = try #require(site.report.kader)
        let indicators = kader.indicators.count
        for form in ["kwaliteitskader", "voorbereiding"] {
            let html = try #require(site.pages["kader/formulieren/\(form).html"])
            let reflection = "</p>" + String(repeating: "<div class=\"rule\"></div>", count: 5) + "</div>\n<div class=\"write\">"
            let actions = "</p>" + String(repeating: "<div class=\"rule\"></div>", count: 4) + "</div>\n</div>"
            #expect(occurrences(of: reflection, in: html) == indicators, "\(form).html")
            #expect(occurrences(of: actions, in: html) == indicators, "\(form).html")
        }
        // An indicator split over two pages would leave its Acties on the next page.
        let preparation = try pageTexts(site.output.appendingPathComponent("kader/formulieren/voorbereiding.pdf"))
        #expect(preparation.flatMap { indicatorBlocks(on: $0, acties: "Acties: mijn voorstel") } == kader.indicators.map(\.id.description))
        for part in kader.parts {
            let pages = try pageTexts(site.output.appendingPathComponent("kader/formulieren/\(part.id.description.lowercased()).pdf"))
            #expect(pages.flatMap { indicatorBlocks(on: $0, acties: "Acties") } == part.indicators.map(\.id.description), "\(part.id)")
            // Two indicators fit on a page with their writing lines.
            #expect(pages.count <= part.indicators.count / 2 + 2, "\(part.id) takes \(pages.count) pages")
        }
    }

    @Test func thePlanFormIsLandscapeWithSixEqualRowsOnEachPage() throws {
        let pdf = site.output.appendingPathComponent("kader/formulieren/plan-van-aanpak.pdf")
        let pages = try pageTexts(pdf)
        #expect(pages.map(rowNumbers) == [Array(1...6), Array(7...12)])
        #expect(try pageSizes(pdf).allSatisfy(isLandscape))
        // The header row is on every page.
        for page in pages { #expect(page.contains("Wat (actie)") && page.contains("Wie") && page.contains("Wanneer")) }
        let html = try #require(site.pages["kader/formulieren/plan-van-aanpak.html"])
        #expect(occurrences(of: "<th scope=\"col\" class=\"plan-wie\">Wie</th>", in: html) == 2)
        for row in 1...12 {
            #expect(html.contains("<tr><th scope=\"row\" class=\"plan-nr\">\(row)</th><td></td><td></td><td></td><td></td><td></td></tr>"))
        }
    }

    @Test func theWholeKaderFormHoldsThePlanAndTheOtherFormsDoNot() throws {
        let row = "<td></td><td></td><td></td><td></td><td></td></tr>"
        #expect(occurrences(of: row, in: try form("kwaliteitskader.html")) == 12)
        #expect(occurrences(of: row, in: try form("plan-van-aanpak.html")) == 12)
        #expect(occurrences(of: row, in: try form("voorbereiding.html")) == 0)
        #expect(occurrences(of: row, in: try form("p1.html")) == 0)
        // The plan comes after the last part.
        let whole = try form("kwaliteitskader.html")
        let plan = try #require(whole.range(of: "<section class=\"form-plan-part paper-plan kb-paper\""))
        let last = try #require(whole.range(of: "<span class=\"indicator-id\">K.04</span>"))
        #expect(last.upperBound < plan.lowerBound)
    }

    @Test func theFormsUseTheirOwnSansSerifFontOnly() throws {
        for form in Self.forms {
            let fonts = try runTool("pdffonts", site.output.appendingPathComponent("kader/formulieren/\(form).pdf").path)
            let names = fonts.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first.map(String.init) }
            #expect(!names.isEmpty)
            #expect(names.allSatisfy { $0.contains("DejaVu-Sans") && !$0.contains("Serif") }, "\(form).pdf: \(names)")
        }
    }

    /// Chromium's print of a blank form (what Ctrl+P gives) has the header on every page too,
    /// and the plan form on landscape pages of six rows each.
    @Test func chromiumPrintsTheHeaderOnEveryPageAndThePlanInLandscape() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await runBrowserScript("print_forms.py", site.output.path, folder.path, "p5.html", "plan-van-aanpak.html")
        #expect(result.status == 0, "browser test failed (run scripts/setup.sh --test for Chromium and selenium):\n\(result.output)")
        let part = try pageTexts(folder.appendingPathComponent("p5.pdf"))
        #expect(part.count > 1)
        #expect(part.allSatisfy(hasHeader), "Chromium's p5.pdf: \(part.map { $0.prefix(200) })")
        let planPDF = folder.appendingPathComponent("plan-van-aanpak.pdf")
        let plan = try pageTexts(planPDF)
        #expect(plan.map(rowNumbers) == [Array(1...6), Array(7...12)])
        #expect(plan.allSatisfy(hasHeader))
        #expect(try pageSizes(planPDF).allSatisfy(isLandscape))
    }

    private func form(_ name: String) throws -> String {
        try #require(site.pages["kader/formulieren/\(name)"], "missing form \(name)")
    }
}

/// The text of each page of a PDF (pdftotext ends each page with a form feed).
private func pageTexts(_ pdf: URL) throws -> [String] {
    var pages = try runTool("pdftotext", "-layout", pdf.path, "-").components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
}

/// The width and height of each page of a PDF, in points.
private func pageSizes(_ pdf: URL) throws -> [(width: Double, height: Double)] {
    let info = try runTool("pdfinfo", "-f", "1", "-l", "1000", pdf.path)
    return info.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size:") }.compactMap { line in
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        // "Page    3 size:  841.89 x 595.276 pts (A4)": the page number, then width and height.
        return numbers.count >= 3 ? (numbers[1], numbers[2]) : nil
    }
}

/// A4 upright or on its side, as WeasyPrint (595.276 x 841.89) and Chromium (594.96 x 841.92) write it.
private func isPortrait(_ size: (width: Double, height: Double)) -> Bool { abs(size.width - 595) < 1 && abs(size.height - 842) < 1 }
private func isLandscape(_ size: (width: Double, height: Double)) -> Bool { abs(size.width - 842) < 1 && abs(size.height - 595) < 1 }

/// Whether a page's first line holds the practice and date fields to write on.
private func hasHeader(_ page: String) -> Bool {
    let first = page.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    return first.contains("Praktijk: ____") && first.contains("Datum: ____")
}

/// The numbers of the plan rows on a page: the lines that hold nothing but a number.
private func rowNumbers(_ page: String) -> [Int] {
    page.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
}

/// The indicators whose whole block is on the page, in order: each heading line (`P1.05 Title`)
/// must be followed by its `acties` label before the next heading; a page that starts with
/// another indicator's rest, or ends in the middle of one, records an issue.
private func indicatorBlocks(on page: String, acties: String) -> [String] {
    let heading = try! Regex(#"^\s*((?:P[1-8]|S|K)\.\d\d) \S"#)
    var found: [String] = []
    var open: String?
    for line in page.split(separator: "\n") {
        if let match = line.firstMatch(of: heading), let id = match.output[1].substring {
            if let open { Issue.record("\(open) is split over two pages or has no \(acties)") }
            open = String(id)
        } else if line.trimmingCharacters(in: .whitespaces) == acties {
            if let id = open { found.append(id) } else { Issue.record("\(acties) without its indicator at the top of a page:\n\(page.prefix(300))") }
            open = nil
        }
    }
    if let open { Issue.record("\(open) is split over two pages") }
    return found
}

private func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
