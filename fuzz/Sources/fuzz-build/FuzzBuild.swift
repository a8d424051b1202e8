import FuzzSupport
import Foundation
import Diagnostics
import Kennisbank

/// The whole build of a small project: the input is a project archive (`FuzzProject`: paths,
/// names and slugs, pages, templates, the config), built without PDFs and search into a folder
/// of its own. Besides "no crash, no hang": `check` reports exactly what `build` reports; every
/// diagnostic names a file of the project and has a message; a build without errors wrote the
/// site with its home page; a failed build wrote no output folder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBuild(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let project = FuzzProject(archive: FuzzCheck.data(start, count))
    guard let root = project.write() else { return 0 }
    defer { try? FileManager.default.removeItem(at: root) }
    var options = BuildOptions(content: root.appendingPathComponent("content").path,
                               templates: root.appendingPathComponent("templates").path,
                               output: root.appendingPathComponent("_site").path,
                               config: root.appendingPathComponent("kennisbank.yml").path, makePDFs: false)
    options.makeSearch = false
    let checked = SiteBuilder.check(options)
    let built = SiteBuilder.build(options)
    let described = { (report: BuildReport) in report.diagnostics.items.map(\.description) }
    // `build` may add notes of its own stages only where `check` cannot know them; errors and
    // warnings must be the same.
    let serious = { (report: BuildReport) in report.diagnostics.items.filter { $0.severity != .note }.map(\.description) }
    precondition(serious(checked) == serious(built), "check and build differ:\n\(described(checked))\n\(described(built))")
    for diagnostic in built.diagnostics.items {
        precondition(!diagnostic.message.isEmpty, "diagnostic without a message: \(diagnostic)")
        precondition(!diagnostic.file.isEmpty, "diagnostic without a file: \(diagnostic)")
    }
    let output = root.appendingPathComponent("_site")
    if built.succeeded {
        precondition(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path),
                     "a build without errors wrote no home page")
    } else {
        precondition(!FileManager.default.fileExists(atPath: output.path), "a failed build wrote an output folder")
    }
    return 0
}
