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

/// The shipped kader, read through the same public reader the fuzz targets use.
private let shippedKader: Kader? = {
    let root = repositoryRoot.path
    let options = BuildOptions(content: "\(root)/content", templates: "\(root)/templates", output: "/nonexistent",
                               config: "\(root)/kennisbank.yml", makePDFs: false)
    return KaderReader.read(options: options).0
}()

/// Inputs the fuzz targets in `fuzz/` found to break an invariant, kept as regression tests.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    /// fuzz-spreadsheet, first run: an empty spreadsheet was reported at row 0.
    @Test func emptySpreadsheetIsReportedOnRealRows() throws {
        let kader = try #require(shippedKader)
        let (file, diagnostics) = SourceReaders.spreadsheet(Data(), kader: kader)
        #expect(file == nil)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { ($0.line ?? 0) >= 1 })
        #expect(diagnostics.map(\.description).contains(
            "ronde.csv:1: error: the spreadsheet has no row starting with `ID`; start from `kennisbank assessment template --csv`"))
    }

    /// fuzz-assessment: an organisation written as a YAML anchor without `naam:` was an error,
    /// yet the reader still handed out an assessment.
    @Test func anAssessmentWithErrorsIsNeverHandedOut() throws {
        let kader = try #require(shippedKader)
        let text = """
            ---
            praktijk: Housing First Zeedorp
            datum: 2025-03-11
            organisaties:
              - naam: Stichting Thuisbasis
                rol: zorgorganisatie
              - &sbasis
                rol:kundige
            zichtbaarheid: public
            ---

            ## P1.01 Iedereen krijgt de kans

            **Kleurscore:** groen
            """
        let (assessment, diagnostics) = SourceReaders.assessment(Data(text.utf8), kader: kader)
        #expect(assessment == nil)
        #expect(diagnostics.map(\.description).contains {
            $0.hasPrefix("content/zelfevaluaties/ronde.md:7:1: error: each organisation needs `naam:` and `rol:`")
        })
    }

    /// The fuzz targets' seeds are the shipped files; each must read without errors.
    @Test func shippedAssessmentsReadWithoutErrors() throws {
        let kader = try #require(shippedKader)
        let folder = repositoryRoot.appendingPathComponent("content/zelfevaluaties")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "_index.md" }
        #expect(files.count == 6)
        for name in files {
            let (assessment, diagnostics) = SourceReaders.assessment(try Data(contentsOf: folder.appendingPathComponent(name)), kader: kader)
            #expect(assessment != nil && !diagnostics.contains { $0.severity == .error }, "\(name): \(diagnostics)")
        }
    }
}
