import Diagnostics
import Foundation
import SiteFormats

/// The interface words the browser pages' scripts (`static/*.js`: the form, the bundle of
/// preparations, the result) show: they get the `fill` table of the strings file as data and
/// look each word up as `say('KEY')` (or name it as `wordKey('KEY')` to look it up later), so
/// a key the file lacks would show as its bare name. A key with a dot names a word of another
/// table the pages share with the scripts (`say('assessment.summary.title')`, one of
/// `sharedTables`), so a result the browser shows uses the result page's own words. The build
/// reads the scripts' keys and reports each one missing, at the line of the script that uses it.
package enum ScriptStrings {
    /// The folder of the scripts, relative to the templates folder, and the table their keys are in.
    package static let folder = "static"
    package static let table = "fill"
    /// The other tables of the strings file the scripts get as data, by their full keys.
    package static let sharedTables = ["assessment", "indicatorBlock", "kader", "dates"]

    /// The calls that name a key.
    private static let calls = ["say('", "wordKey('"]

    /// The keys of the `say('KEY'` and `wordKey('KEY'` calls of `text`, with their lines and columns.
    package static func keys(in text: String) -> [(key: String, line: Int, column: Int)] {
        var keys: [(key: String, line: Int, column: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for name in calls {
                var rest = line[...]
                while let call = rest.range(of: name) {
                    let key = rest[call.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                    if !key.isEmpty, rest[call.upperBound...].dropFirst(key.count).hasPrefix("'") {
                        keys.append((String(key), number + 1, line.distance(from: line.startIndex, to: call.lowerBound) + 1))
                    }
                    rest = rest[call.upperBound...]
                }
            }
        }
        return keys
    }

    /// The scripts of the theme, relative to the templates folder, by name.
    package static func scripts(templateRoot: URL) -> [String] {
        let folder = templateRoot.appendingPathComponent(Self.folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".js") }.sorted().map { "\(Self.folder)/\($0)" }
    }

    /// Reports every key of the scripts that `strings` lacks, once per key at its first use
    /// (nothing when the theme has no script).
    package static func check(templateRoot: URL, displayRoot: String, strings: InterfaceStrings, stringsFile: String,
                              diagnostics: inout DiagnosticList) {
        var reported = Set<String>()
        for script in scripts(templateRoot: templateRoot) {
            guard case .success(let source) = SourceText.read(templateRoot.appendingPathComponent(script)) else { continue }
            for use in keys(in: source.text).sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) where reported.insert(use.key).inserted {
                if let dot = use.key.firstIndex(of: "."), !sharedTables.contains(String(use.key[..<dot])) {
                    diagnostics.append(.error("the interface word `\(use.key)` is in a table the scripts do not get; use a word of `\(table)` or of \(sharedTables.map { "`\($0)`" }.joined(separator: ", "))",
                                              file: "\(displayRoot)/\(script)", line: use.line, column: use.column))
                    continue
                }
                let full = use.key.contains(".") ? use.key : "\(table).\(use.key)"
                if strings.value(full) == nil {
                    diagnostics.append(.error("the interface word `\(full)` is not in \(stringsFile); add it there",
                                              file: "\(displayRoot)/\(script)", line: use.line, column: use.column))
                }
            }
        }
    }
}
