import Diagnostics
import Foundation
import Kennisbank
import Testing
import KennisbankLoad
import KennisbankServe
import SiteFormats

/// The shipped content built with `language: en` (a copy of the project in a temporary folder,
/// with PDFs, the search index, a sitemap and a feed), once for the tests below.
final class EnglishSite: @unchecked Sendable {
    static let shared = EnglishSite()
    let project: URL
    let output: URL
    let report: BuildReport
    /// Every HTML file of the output, by its path in the output.
    let pages: [String: String]

    private init() {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-english-\(UUID().uuidString)")
        output = project.appendingPathComponent("_site")
        let files = FileManager.default
        try? files.createDirectory(at: project, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try? files.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: project.appendingPathComponent(folder))
        }
        let shipped = (try? String(contentsOf: repositoryRoot.appendingPathComponent("kennisbank.yml"), encoding: .utf8)) ?? ""
        let config = shipped.replacingOccurrences(of: "\nlanguage: nl\n", with: "\nlanguage: en\nbase_url: https://example.org/kb/\n")
        try? Data(config.utf8).write(to: project.appendingPathComponent("kennisbank.yml"))
        let options = BuildOptions(content: project.appendingPathComponent("content").path,
                                   templates: project.appendingPathComponent("templates").path,
                                   output: output.path, config: project.appendingPathComponent("kennisbank.yml").path)
        report = SiteBuilder.build(options)
        pages = filesBelow(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static func awaited() async throws -> EnglishSite {
        try await onOwnThread { EnglishSite.shared }
    }
}

/// The interface words of both shipped strings files, and the words of the Dutch one that the
/// English one never uses: an English page that shows one of those, outside the content, shows
/// an interface word that did not come from the strings file.
struct InterfaceWords {
    let dutch: InterfaceStrings
    let english: InterfaceStrings
    let dutchOnly: Set<String>

    init() throws {
        var diagnostics = DiagnosticList()
        let templates = repositoryRoot.appendingPathComponent("templates")
        dutch = try #require(InterfaceStrings.read(templateRoot: templates, displayRoot: "templates", language: "nl", diagnostics: &diagnostics))
        english = try #require(InterfaceStrings.read(templateRoot: templates, displayRoot: "templates", language: "en", diagnostics: &diagnostics))
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
        dutchOnly = Self.words(in: Self.texts(dutch.root)).subtracting(Self.words(in: Self.texts(english.root)))
    }

    /// Every text of a strings table, without its `{name}` placeholders.
    static func texts(_ table: [String: InterfaceStrings.Value]) -> [String] {
        table.values.flatMap { value -> [String] in
            switch value {
            case .text(let text): [text]
            case .list(let list): list
            case .plural(let one, let other): [one, other]
            case .table(let inner): texts(inner)
            }
        }.map { text in
            var result = ""
            var inPlaceholder = false
            for character in text {
                if character == "{" { inPlaceholder = true } else if character == "}" { inPlaceholder = false; result += " " } else if !inPlaceholder { result.append(character) }
            }
            return result
        }
    }

    /// The words of `texts`: runs of letters.
    static func words(in texts: [String]) -> Set<String> {
        var words = Set<String>()
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter }) { words.insert(String(word)) }
        }
        return words
    }

    /// All keys of a strings table, dotted.
    static func keys(_ table: [String: InterfaceStrings.Value], prefix: String = "") -> Set<String> {
        var keys = Set<String>()
        for (name, value) in table {
            if case .table(let inner) = value { keys.formUnion(Self.keys(inner, prefix: prefix + name + ".")) } else { keys.insert(prefix + name) }
        }
        return keys
    }
}

/// What of a page a reader sees: its text, without scripts, styles, code and the content's own
/// text blocks (`<div class="prose">`, `<div class="statement">`), and the texts of its
/// `aria-label`, `title`, `placeholder`, `alt` and script `data-` attributes.
enum VisibleText {
    /// Attributes whose values are shown or read out.
    static let shownAttributes: Set<String> = ["aria-label", "title", "placeholder", "alt", "data-searching", "data-no-results",
                                               "data-result", "data-results", "data-failed"]

    static func pieces(of html: String) -> [String] {
        var pieces: [String] = []
        var skipping: String?
        var contentDepth = 0
        var rest = html[...]
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                if skipping == nil, contentDepth == 0 { pieces.append(decoded(rest)) }
                break
            }
            if skipping == nil, contentDepth == 0, open > rest.startIndex { pieces.append(decoded(rest[..<open])) }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            if let ending = skipping {
                if name == "/" + ending || tag.lowercased().hasPrefix("/" + ending) { skipping = nil }
                continue
            }
            if tag.hasPrefix("/") {
                if tag.lowercased().hasPrefix("/div"), contentDepth > 0 { contentDepth -= 1 }
                continue
            }
            // Scripts and styles are not text; a `<code>` element is a command or a file's words.
            if name == "script" || name == "style" || name == "code" { skipping = name }
            let attributes = attributes(of: tag)
            if name == "div" {
                let classes = (attributes["class"] ?? "").split(separator: " ")
                if contentDepth > 0 || classes.contains("prose") || classes.contains("statement") { contentDepth += 1 }
            }
            // Inside the content's blocks only `aria-label`: Markdown (without raw HTML) makes
            // none, so there it is the generator's (a table's region, a task's checkbox), while
            // `alt` and `title` there are the content's.
            for (key, value) in attributes where contentDepth == 0 ? shownAttributes.contains(key) : key == "aria-label" {
                pieces.append(decoded(value[...]))
            }
        }
        return pieces
    }

    private static func attributes(of tag: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag.drop { !$0.isWhitespace }
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { break }
            result[name.split(separator: " ").last.map(String.init) ?? name] = String(rest[..<end])
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    static func decoded(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return String(text).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The phrases of the content itself (titles, headings, names, list items, front matter values,
/// the site config's texts): each line of a source without its Markdown or YAML markers, and
/// each item of a YAML list on one line. Longest first, so that a phrase goes before its parts.
func contentPhrases(content: URL, config: URL) throws -> [String] {
    var phrases = Set<String>()
    func add(_ line: Substring) {
        var text = line.trimmingCharacters(in: .whitespaces)[...]
        for marker in ["###### ", "##### ", "#### ", "### ", "## ", "# ", "- ", "* ", "+ ", "> "] where text.hasPrefix(marker) {
            text = text.dropFirst(marker.count)
            break
        }
        // A front matter or YAML key (`title: `, `- naam: `), a bold label (`**Wie:** `), an indicator ID.
        if let colon = text.range(of: ": "), text[..<colon.lowerBound].allSatisfy({ $0.isLetter || $0 == "_" || $0 == " " || $0 == "-" }),
           !text[..<colon.lowerBound].contains(" ") || text.hasPrefix("- ") {
            text = text[colon.upperBound...]
        }
        if text.hasPrefix("**"), let end = text.range(of: ":** ") { text = text[end.upperBound...] }
        if let space = text.firstIndex(of: " "), text[..<space].contains("."), text[..<space].first.map({ "PSK".contains($0) }) == true {
            text = text[text.index(after: space)...]
        }
        var phrase = text.trimmingCharacters(in: .whitespaces)
        if phrase.hasPrefix("["), phrase.hasSuffix("]") {
            for item in phrase.dropFirst().dropLast().split(separator: ",") { add(item) }
            return
        }
        phrase = phrase.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        if phrase.count >= 4 { phrases.insert(straightQuotes(phrase)) }
    }
    for (path, data) in filesBelow(content) where path.hasSuffix(".md") {
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") { add(line[...]) }
    }
    for line in try String(contentsOf: config, encoding: .utf8).split(separator: "\n") { add(line[...]) }
    return phrases.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
}

@Suite("The site's language", .serialized)
struct LanguageTests {
    @Test func bothStringsFilesHaveTheSameKeys() throws {
        let words = try InterfaceWords()
        let dutchKeys = InterfaceWords.keys(words.dutch.root)
        let englishKeys = InterfaceWords.keys(words.english.root)
        #expect(dutchKeys.subtracting(englishKeys).isEmpty, "only in nl.yml: \(dutchKeys.subtracting(englishKeys).sorted())")
        #expect(englishKeys.subtracting(dutchKeys).isEmpty, "only in en.yml: \(englishKeys.subtracting(dutchKeys).sorted())")
        #expect(words.dutch.missingKeys.isEmpty && words.english.missingKeys.isEmpty)
        // The test below looks for these words; too few, and it would prove little.
        #expect(words.dutchOnly.count > 300)
        #expect(words.dutchOnly.isSuperset(of: ["Vorige", "Zoeken", "Zorgorganisatie", "maart", "pagina", "Onderdeel", "Gemeente"]))
    }

    /// Every key the generator's code names (a literal such as `"search.title"`, or the start of
    /// one such as `"assessment.changes." + ...`) is one the reader requires, so that a strings
    /// file without it is an error instead of a word rendered as nothing.
    @Test func everyKeyTheGeneratorUsesIsRequired() throws {
        let words = try InterfaceWords()
        let topLevel = Set(words.dutch.root.keys)
        let required = InterfaceStrings.requiredKeys.map(\.key)
        var named: [String] = []
        for (path, data) in filesBelow(repositoryRoot.appendingPathComponent("Sources")) where path.hasSuffix(".swift") {
            let text = String(decoding: data, as: UTF8.self)
            for piece in text.split(separator: "\"").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                let key = piece.prefix { $0.isLetter || $0.isNumber || $0 == "." }
                guard key.contains("."), let first = key.split(separator: ".").first, topLevel.contains(String(first)),
                      !["xml", "yml", "html", "txt"].contains(String(key.split(separator: ".").last ?? "")) else { continue }
                let isPrefix = key.count < piece.count || key.hasSuffix(".")
                let known = isPrefix ? required.contains { $0.hasPrefix(key) } : required.contains(String(key))
                #expect(known, "\(path): `\(piece)` is not among InterfaceStrings.requiredKeys")
                named.append(String(key))
            }
        }
        #expect(named.count > 25)
    }

    @Test func theEnglishSiteShowsNoDutchInterfaceWord() async throws {
        let site = try await EnglishSite.awaited()
        #expect(!site.report.diagnostics.hasErrors, "\(site.report.diagnostics.items)")
        #expect(site.report.diagnostics.items.isEmpty, "\(site.report.diagnostics.items)")
        let words = try InterfaceWords()
        let phrases = try contentPhrases(content: site.project.appendingPathComponent("content"),
                                         config: site.project.appendingPathComponent("kennisbank.yml"))
        // Every kind of page: knowledge pages, sections, the kader and its forms, result pages,
        // preparation pages and overviews, the search page, the 404 page and the book.
        for required in ["index.html", "404.html", "zoeken/index.html", "boek/index.html", "kader/index.html", "kader/p1/index.html",
                         "kader/formulieren/kwaliteitskader.html", "kader/formulieren/voorbereiding.html",
                         "kader/formulieren/plan-van-aanpak.html", "kader/formulieren/p1.html", "zelfevaluaties/index.html",
                         "zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html"] {
            #expect(site.pages[required] != nil, "\(required) was not built")
        }
        #expect(site.pages.keys.contains { $0.hasPrefix("zelfevaluaties/voorbereiding-") })
        var found: [String] = []
        for (path, html) in site.pages.sorted(by: { $0.key < $1.key }) {
            for piece in VisibleText.pieces(of: html) {
                var text = straightQuotes(piece)
                guard text.contains(where: \.isLetter) else { continue }
                for phrase in phrases where text.contains(phrase) { text = text.replacingOccurrences(of: phrase, with: " ") }
                let dutch = InterfaceWords.words(in: [text]).intersection(words.dutchOnly)
                if !dutch.isEmpty { found.append("\(path): \(dutch.sorted()) in “\(piece.trimmingCharacters(in: .whitespacesAndNewlines))”") }
            }
        }
        #expect(found.isEmpty, "\(found.count) Dutch interface words:\n\(found.prefix(60).joined(separator: "\n"))")
    }

    @Test func theBrowserScriptsAndStylesHoldNoDutchWord() async throws {
        let site = try await EnglishSite.awaited()
        let words = try InterfaceWords()
        // The form's words come as data: its labels and the names it shows.
        let form = try #require(site.pages["kader/formulieren/kwaliteitskader.html"])
        let start = try #require(form.range(of: "<script type=\"application/json\" id=\"kb-invuldata\">"))
        let end = try #require(form[start.upperBound...].range(of: "</script>"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(form[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        func texts(_ value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let list as [Any]: list.flatMap(texts)
            case let table as [String: Any]: table.values.flatMap(texts)
            default: []
            }
        }
        for part in ["labels", "names"] {
            let shown = InterfaceWords.words(in: texts(data[part] as Any))
            #expect(!shown.isEmpty)
            #expect(shown.intersection(words.dutchOnly).isEmpty, "\(part): \(shown.intersection(words.dutchOnly).sorted())")
        }
        let names = try #require(data["names"] as? [String: [String: String]])
        #expect(names["statuses"]?["opOrde"] == "In order" && names["roles"]?["gemeente"] == "Municipality")
        #expect(names["planFields"]?["who"] == "Who")
        // The scripts' and stylesheets' own texts: their string literals (`content:` values too),
        // without comments, and without those that name an id, a class or a key.
        var checked = 0
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("assets").path)
            .filter { $0.hasSuffix(".js") || $0.hasSuffix(".css") }.sorted().map { "assets/\($0)" }
        #expect(assets.count >= 9, "\(assets)")
        for file in assets {
            let literals = textLiterals(stringLiterals(in: try String(contentsOf: site.output.appendingPathComponent(file), encoding: .utf8)))
            checked += literals.count
            let dutch = InterfaceWords.words(in: literals).intersection(words.dutchOnly)
            #expect(dutch.isEmpty, "\(file): \(dutch.sorted()) in \(literals.filter { !InterfaceWords.words(in: [$0]).isDisjoint(with: dutch) })")
        }
        #expect(checked > 100)
        // The script `serve` adds to every page speaks the generator's language, not Dutch.
        let serveWords = InterfaceWords.words(in: textLiterals(stringLiterals(in: DevServer.liveScript(build: 0))))
        #expect(serveWords.contains("rebuilt") && serveWords.isDisjoint(with: words.dutchOnly), "\(serveWords.intersection(words.dutchOnly))")
        // The page numbers of printed pages, forms and the book are the language's.
        for page in ["index.html", "kader/formulieren/p1.html", "boek/index.html"] {
            #expect(site.pages[page]?.contains("@bottom-right { content: \"page \" counter(page) \" of \" counter(pages); }") == true, "\(page)")
        }
    }

    /// The literals that can be text: those with a space, or without the `-`, `:`, `.`, `#` or
    /// `/` of an id, a class, a key or a path.
    private func textLiterals(_ literals: [String]) -> [String] {
        literals.filter { $0.contains(" ") || !$0.contains(where: { "-:.#/".contains($0) }) }
    }

    /// The string literals of a script or stylesheet, without its comments.
    private func stringLiterals(in source: String) -> [String] {
        var code = ""
        var rest = source[...]
        while let open = rest.range(of: "/*") {
            code += rest[..<open.lowerBound]
            rest = rest[open.upperBound...].range(of: "*/").map { rest[$0.upperBound...] } ?? ""
        }
        code += rest
        let lines = code.split(separator: "\n").map { line -> Substring in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { return "" }
            return line.range(of: " // ").map { line[..<$0.lowerBound] } ?? line
        }
        var literals: [String] = []
        for line in lines {
            var rest = line[...]
            while let quote = rest.firstIndex(where: { $0 == "'" || $0 == "\"" }) {
                let mark = rest[quote]
                let after = rest[rest.index(after: quote)...]
                guard let close = after.firstIndex(of: mark) else { break }
                // An escape such as `\n` is no word.
                literals.append(String(after[..<close]).replacingOccurrences(of: "\\\\[a-z]", with: " ", options: .regularExpression))
                rest = after[after.index(after: close)...]
            }
        }
        return literals
    }

    @Test func everyPageIsMarkedEnglishWithEnglishDates() async throws {
        let site = try await EnglishSite.awaited()
        for (path, html) in site.pages where !path.hasPrefix("pagefind/") {
            #expect(html.contains("<html lang=\"en\">"), "\(path)")
        }
        let home = try #require(site.pages["index.html"])
        #expect(home.contains("<meta property=\"og:locale\" content=\"en_GB\">"))
        let result = try #require(site.pages["zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html"])
        #expect(result.contains("<time datetime=\"2025-03-11\">11 March 2025</time>"))
        #expect(result.contains("<title>Self-evaluation Housing First Duinmeer, 11 March 2025 – Kennisbank Housing First</title>"))
        #expect(result.contains("<span class=\"status-symbol\" aria-hidden=\"true\">▲</span> In development</span>"))
        let book = try #require(site.pages["boek/index.html"])
        #expect(book.contains("<time datetime=\"2026-11-23\">23 November 2026</time>"))
        // Pagefind indexed the pages as English (its stemmer and its index file are the language's).
        let entry = try String(contentsOf: site.output.appendingPathComponent("pagefind/pagefind-entry.json"), encoding: .utf8)
        #expect(entry.contains("\"en\""), "\(entry.prefix(300))")
        #expect(!entry.contains("\"nl\""))
    }

    @Test func thePDFsNumberTheirPagesInEnglish() async throws {
        let site = try await EnglishSite.awaited()
        guard FileManager.default.fileExists(atPath: site.output.appendingPathComponent("boek/kennisbank.pdf").path) else {
            Issue.record("no PDFs were made (is WeasyPrint installed?)")
            return
        }
        for pdf in ["boek/kennisbank.pdf", "kader/formulieren/p1.pdf", "zelfevaluaties/housing-first-duinmeer-2025-03-11/zelfevaluatie.pdf"] {
            let text = try runTool("pdftotext", "-layout", site.output.appendingPathComponent(pdf).path, "-")
            #expect(text.contains("page 2 of "), "\(pdf)")
            #expect(text.range(of: "pagina [0-9]+ van [0-9]+", options: .regularExpression) == nil, "\(pdf)")
        }
        let form = try runTool("pdftotext", "-layout", site.output.appendingPathComponent("kader/formulieren/p1.pdf").path, "-")
        #expect(form.contains("In order") && form.contains("Colour score") && !form.contains("Op orde"))
    }

    @Test func theNewsFeedIsInTheSitesLanguage() throws {
        var files = minimalSite
        files["sectie/nieuws.md"] = "---\ntitle: News\nnews: true\ndate: 2025-03-01\n---\nText.\n"
        let project = try TestProject(files: files, config: "title: Site\nlanguage: en\nbase_url: https://example.org/\n")
        defer { project.remove() }
        #expect(project.lines(project.build()).isEmpty)
        let feed = try project.output("nieuws.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        #expect(feed.contains("<title>Site – news</title>"))
        #expect(try project.output("sectie/nieuws/index.html").contains("<meta property=\"og:locale\" content=\"en_GB\">"))
    }

    // MARK: The strings file of a language

    @Test func aStringsFileMissingAKeyIsAnErrorNamingTheKeyAndItsUse() throws {
        let project = try TestProject(files: minimalSite, config: "language: en\n")
        defer { project.remove() }
        let file = project.root.appendingPathComponent("templates/strings/en.yml")
        var text = try String(contentsOf: file, encoding: .utf8)
        for line in ["  noResults: 'No results for \"{query}\".'\n", "  saveFile: Save as file\n", "    label: In order\n",
                     "  gemeente: Municipality\n"] {
            #expect(text.contains(line), "\(line)")
            text = text.replacingOccurrences(of: line, with: "")
        }
        try Data(text.utf8).write(to: file)
        let searchLine = try #require(try String(contentsOf: project.root.appendingPathComponent("templates/search.mustache"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("strings.search.noResults") }) + 1
        let scriptLine = try #require(try String(contentsOf: project.root.appendingPathComponent("templates/static/invullen.js"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("say('saveFile')") }) + 1
        let expected = [
            "templates/search.mustache:\(searchLine):1: error: the interface word `strings.search.noResults` is not in templates/strings/en.yml; add it there",
            "templates/static/invullen.js:\(scriptLine):\(try column(of: "say('saveFile')", in: project)): error: the interface word `fill.saveFile` is not in templates/strings/en.yml; add it there",
            "templates/strings/en.yml:1:1: error: the strings file has no `roles.gemeente`, which the generator needs for the role `gemeente` as pages and forms show it; add it (see `strings/nl.yml`)",
            "templates/strings/en.yml:1:1: error: the strings file has no `search.noResults`, which the generator needs for the search page's script; add it (see `strings/nl.yml`)",
            "templates/strings/en.yml:1:1: error: the strings file has no `status.opOrde.label`, which the generator needs for the status `op orde` as pages and forms show it; add it (see `strings/nl.yml`)",
        ]
        for report in [project.check(), project.build()] {
            #expect(project.lines(report).sorted() == expected.sorted(), "\(project.lines(report))")
        }
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site").path))
    }

    private func column(of call: String, in project: TestProject) throws -> Int {
        let text = try String(contentsOf: project.root.appendingPathComponent("templates/static/invullen.js"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains(call) })
        return line.distance(from: line.startIndex, to: try #require(line.range(of: call)).lowerBound) + 1
    }

    @Test func anUnknownLanguageWithoutAFileIsAnError() throws {
        let project = try TestProject(files: minimalSite, config: "title: Site\nlanguage: de\n")
        defer { project.remove() }
        let expected = ["templates/strings/de.yml: error: there is no strings file for the language `de`; add `templates/strings/de.yml` (copy `strings/nl.yml` and translate its values) or set another `language` in the site config"]
        #expect(project.lines(project.check()) == expected)
        #expect(project.lines(project.build()) == expected)
        // Adding the language is adding its file.
        try FileManager.default.copyItem(at: project.root.appendingPathComponent("templates/strings/en.yml"),
                                         to: project.root.appendingPathComponent("templates/strings/de.yml"))
        #expect(project.lines(project.build()).isEmpty)
        #expect(try project.output("index.html").contains("<html lang=\"de\">"))
    }

    @Test func aLanguageThatIsNoLanguageCodeIsAnError() throws {
        for code in ["../nl", "NL", "nl_NL", "n", "nl-", "nl/../en", "\"nl\" onload=\"x"] {
            let project = try TestProject(files: minimalSite, config: "title: Site\nlanguage: '\(code.replacingOccurrences(of: "'", with: "''"))'\n")
            defer { project.remove() }
            #expect(project.lines(project.build()) == [
                "kennisbank.yml:2:1: error: `language` must be a language code such as `nl` or `en` (two or three lower-case letters, optionally followed by a region such as `-BE`), the name of a file in `strings/`",
            ], "\(code)")
        }
        #expect(SiteConfig.isLanguageCode("nl") && SiteConfig.isLanguageCode("en-GB") && SiteConfig.isLanguageCode("nl-BE"))
    }

    @Test func thePageCounterIsOneCSSValueWhateverItsText() {
        let strings = InterfaceStrings(language: "xx", root: ["print": .table(["pageCounter": .text("p. {page}/{pages} \"</style>\\ {other}")])])
        #expect(strings.pageCounterCSS == "\"p. \" counter(page) \"/\" counter(pages) \" \\22 \\3c /style\\3e \\5c  {other}\"")
    }

    /// A text with a `{` that no `}` follows is shown as written (it was shown with the part
    /// before that `{` twice).
    @Test func aBraceWithoutItsPairIsShownOnce() {
        let strings = InterfaceStrings(language: "xx", root: ["forms": .table(["part": .text("Deel {number} { van {total")])])
        #expect(strings.text("forms.part", ["number": "3", "total": "10"]) == "Deel 3 { van {total")
    }
    @Test func calloutsTasksAndTablesAreNamedInTheSitesLanguage() throws {
        var files = minimalSite
        files["sectie/drie.md"] = "---\ntitle: Drie\n---\n> [!NOTE]\n> Let op.\n\n> [!CAUTION]\n> Pas op.\n\n- [x] klaar\n- [ ] open\n\n| Kolom | B |\n| --- | --- |\n| 1 | 2 |\n"
        let english = try TestProject(files: files, config: "title: Site\nlanguage: en\n")
        defer { english.remove() }
        #expect(english.build().succeeded)
        let page = try english.output("sectie/drie/index.html")
        #expect(page.contains("</svg>Note</p>") && page.contains("</svg>Caution</p>"))
        #expect(page.contains("checked=\"\" aria-label=\"Done\"") && page.contains("disabled=\"\" aria-label=\"To do\""))
        #expect(page.contains("aria-label=\"Table: Kolom\""))
        for dutch in ["Opmerking", "Let op</p>", "Gedaan", "Nog te doen", "Tabel:"] { #expect(!page.contains(dutch), "\(dutch)") }

        let dutchProject = try TestProject(files: files, config: "title: Site\n")
        defer { dutchProject.remove() }
        #expect(dutchProject.build().succeeded)
        let dutchPage = try dutchProject.output("sectie/drie/index.html")
        #expect(dutchPage.contains("</svg>Opmerking</p>") && dutchPage.contains("aria-label=\"Gedaan\"") && dutchPage.contains("aria-label=\"Tabel: Kolom\""))
    }
}
