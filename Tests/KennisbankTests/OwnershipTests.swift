import Foundation
import Kader
import Kennisbank
import Testing
import KennisbankModel
import SiteFormats
import Basics

/// The minimal site with a kader of ten small parts and an assessments folder.
private let kaderSite: [String: String] = {
    var files = minimalKaderSite
    files["zelfevaluaties/_index.md"] = "---\ntitle: Zelfevaluaties\n---\nDe rondes.\n"
    return files
}()

/// An assessment file; `extra` lines go into its front matter, `body` after it.
private func assessment(_ practice: String, date: String = "2025-03-11", code: String? = "abcdefghij12", extra: [String] = [],
                        body: String = "## P1.01\n\n**Kleurscore:** groen\n") -> String {
    var lines = ["---", "praktijk: \(practice)", "datum: \(date)"]
    if let code { lines.append("code: \(code)") }
    return (lines + extra + ["---", body]).joined(separator: "\n")
}

/// A preparation file of `session` for `party`.
private func preparation(_ party: String, session: String, code: String = "abcdefghij12") -> String {
    assessment("Duinmeer", code: code, extra: ["voorbereiding: true", "namens: \(party)", "sessie: \"\(session)\""])
}

/// The project's diagnostics of `check`, and that `build` reports the same and fails.
private func problems(_ files: [String: String], config: String? = nil) throws -> [String] {
    let project = try TestProject(files: files, config: config)
    defer { project.remove() }
    let checked = project.lines(project.check()).filter { !$0.contains(": note: ") }
    let built = project.build()
    #expect(project.lines(built) == checked)
    #expect(!built.succeeded)
    #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site").path))
    return checked
}

/// Files added to a site that it refuses, and the exact errors `check` and `build` give.
private struct Clash: Sendable, CustomStringConvertible {
    let description: String
    let files: [String: String]
    let trusted: Bool
    let expected: [String]

    /// `files` go over the minimal site, or over `kaderSite` when `kader` is set.
    init(_ name: String, kader: Bool = false, trusted: Bool = false, _ files: [String: String], _ expected: [String]) {
        description = name
        self.files = (kader ? kaderSite : minimalSite).merging(files) { $1 }
        self.trusted = trusted
        self.expected = expected
    }
}

private let sessionFix = "give the session another name (`sessie:` in each of its preparation files) or another `code`"
private let overview = "zelfevaluaties/voorbereiding-duinmeer-2025-abcdefghij12/index.html"

private let clashes: [Clash] = [
    Clash("sessions whose names give one slug", kader: true, [
        "zelfevaluaties/a.md": preparation("zorgorganisatie", session: "Duinmeer 2025"),
        "zelfevaluaties/b.md": preparation("gemeente", session: "duinmeer-2025"),
    ], [
        "content/zelfevaluaties/a.md:7:1: error: the preparation overview of the session `Duinmeer 2025` would be written to `\(overview)`, where the preparation overview of the session `duinmeer-2025` (`content/zelfevaluaties/b.md`) is written too; \(sessionFix)",
        "content/zelfevaluaties/b.md:7:1: error: the preparation overview of the session `duinmeer-2025` would be written to `\(overview)`, where the preparation overview of the session `Duinmeer 2025` (`content/zelfevaluaties/a.md`) is written too; \(sessionFix)",
    ]),
    // The result page of `Voorbereiding` on 2025-03-11 and the overview of the session
    // `2025-03-11` both get the address `voorbereiding-2025-03-11-<code>`.
    Clash("an overview over an unlisted result page", kader: true, [
        "zelfevaluaties/ronde.md": assessment("Voorbereiding"),
        "zelfevaluaties/prep.md": preparation("gemeente", session: "2025-03-11"),
    ], [
        "content/zelfevaluaties/prep.md:7:1: error: the preparation overview of the session `2025-03-11` would be written to `zelfevaluaties/voorbereiding-2025-03-11-abcdefghij12/index.html`, where the page `content/zelfevaluaties/ronde.md` is written too; \(sessionFix)",
    ]),
    Clash("a page at the search page's address", ["zoeken.md": "---\ntitle: Zoeken\n---\nMijn eigen zoekpagina.\n"], [
        "content/zoeken.md:1:1: error: this page would be written to `zoeken/index.html`, where the generator's search page is written too; give this page another file name or set another `slug`",
    ]),
    Clash("a page at the book's address", ["boek.md": "---\ntitle: Boek\n---\nOver het boek.\n"], [
        "content/boek.md:1:1: error: this page would be written to `boek/index.html`, where the generator's book is written too; give this page another file name or set another `slug`",
    ]),
    Clash("a section in the search page's folder", ["zoeken/_index.md": "---\ntitle: Zoeken\n---\nTekst.\n"], [
        "content/zoeken/_index.md:1:1: error: this page would be written to `zoeken/index.html`, where the generator's search page is written too; rename this section's folder or set another `slug`",
    ]),
    Clash("a file over the home page", trusted: true, ["index.html": "<!doctype html><title>Eigen</title>\n"], [
        "content/index.html:1:1: error: this file would be copied to `index.html`, where the home page `content/_index.md` is written too; rename or move this file",
    ]),
    Clash("a file over a page", trusted: true, ["sectie/een/index.html": "<!doctype html><title>Eigen</title>\n"], [
        "content/sectie/een/index.html:1:1: error: this file would be copied to `sectie/een/index.html`, where the page `content/sectie/een.md` is written too; rename or move this file",
    ]),
    Clash("a file where a page needs its folder", ["sectie/een": "geen map\n"], [
        "content/sectie/een:1:1: error: this file would be copied to `sectie/een`, where the page `content/sectie/een.md` needs a folder of that name (for `sectie/een/index.html`); rename or move this file",
    ]),
    // Told once, though three pages need the folder `y/`.
    Clash("a file where a section needs its folder", [
        "x/_index.md": "---\ntitle: X\nslug: y\n---\n", "x/a.md": "# A\n", "x/b.md": "# B\n", "y": "geen map\n",
    ], [
        "content/y:1:1: error: this file would be copied to `y`, where the page `content/x/a.md` needs a folder of that name (for `y/a/index.html`); rename or move this file",
    ]),
    Clash("files over the generator's own files", trusted: true, [
        "404.html": "<!doctype html><title>Weg</title>\n",
        "robots.txt": "User-agent: *\nDisallow: /\n",
        "sitemap.xml": "<urlset/>\n",
        "assets/site.css": "body { color: red }\n",
    ], [
        "content/404.html:1:1: error: this file would be copied to `404.html`, where the generator's 404 page is written too; rename or move this file",
        "content/assets/site.css:1:1: error: this file would be copied to `assets/site.css`, inside `assets/`, which the generator fills with the theme's files (from `templates/static/`); rename or move this file",
        "content/robots.txt:1:1: error: this file would be copied to `robots.txt`, where the generator's `robots.txt` is written too; rename or move this file",
        "content/sitemap.xml:1:1: error: this file would be copied to `sitemap.xml`, where the generator's sitemap (made when `base_url` is set) is written too; rename or move this file",
    ]),
    Clash("files over a form and its PDF", kader: true, trusted: true, [
        "kader/formulieren/p1.html": "<!doctype html><title>Eigen formulier</title>\n",
        "kader/formulieren/p2.pdf": "%PDF-1.4\n",
    ], [
        "content/kader/formulieren/p1.html:1:1: error: this file would be copied to `kader/formulieren/p1.html`, where the generator's blank form `p1.html` is written too; rename or move this file",
        "content/kader/formulieren/p2.pdf:1:1: error: this file would be copied to `kader/formulieren/p2.pdf`, where the generator's PDF of the blank form `p2.html` is written too; rename or move this file",
    ]),
]

@Suite("Every output path has one owner")
struct OwnershipTests {
    /// Each clash is an error naming both sides, the same in `check` and `build`.
    @Test(arguments: clashes)
    fileprivate func clashIsAnError(_ clash: Clash) throws {
        #expect(try problems(clash.files, config: clash.trusted ? "trusted_active_files: true\n" : nil) == clash.expected)
    }

    /// Every file a build writes (pages, forms, overviews, the theme, the search index, the
    /// sitemap and feed) has its owner in the model's table, so no path is missing from it.
    @Test func everyWrittenFileHasAnOwner() throws {
        var files = kaderSite
        files["sectie/drie.md"] = "---\ntitle: Drie\nnews: true\ndate: 2025-01-02\n---\nNieuws.\n"
        files["sectie/foto.png"] = "png"
        files["zelfevaluaties/open.md"] = assessment("Open", code: nil, extra: ["zichtbaarheid: public", "persoonsgegevens_gecontroleerd: true"])
        files["zelfevaluaties/a.md"] = preparation("zorgorganisatie", session: "duinmeer-2025")
        files["zelfevaluaties/b.md"] = preparation("gemeente", session: "duinmeer-2025")
        let project = try TestProject(files: files, config: "base_url: https://example.org/kb/\n")
        defer { project.remove() }
        var options = project.options
        options.makeSearch = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(project.lines(report))")
        let (model, _) = try #require(SiteRenderer.renderer(options, withSearch: true))
        let written = filesBelow(project.root.appendingPathComponent("_site")).keys.sorted()
        for path in ["sitemap.xml", "nieuws.xml", "zoeken/index.html", "assets/style.css", "sectie/foto.png",
                     "zelfevaluaties/voorbereiding-duinmeer-2025-abcdefghij12/index.html"] {
            #expect(written.contains(path), "\(path) was not written")
        }
        for path in written {
            #expect(model.outputs.owner(of: path) != nil, "`\(path)` has no owner in the table")
        }
    }
}

@Suite("Active files")
struct ActiveFileTests {
    @Test func activeFilesNeedTheTrustedKey() throws {
        var files = minimalSite
        files["sectie/tekening.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n"
        files["sectie/Pagina.HTML"] = "<script>alert(1)</script>\n"
        files["sectie/foto.png"] = "png"
        let project = try TestProject(files: files)
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded)
        let key = "if the content is trusted, set `trusted_active_files: true` in `kennisbank.yml`; otherwise remove the file"
        #expect(project.lines(report) == [
            "content/sectie/Pagina.HTML:1:1: warning: this file is not published: a browser runs the script in `.html` files, which only trusted content may hold; \(key)",
            "content/sectie/tekening.svg:1:1: warning: this file is not published: a browser runs the script in `.svg` files, which only trusted content may hold; \(key)",
        ])
        let site = project.root.appendingPathComponent("_site/sectie")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("tekening.svg").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Pagina.HTML").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("foto.png").path))

        // Trusted content publishes them as they are, script and all.
        try project.write("trusted_active_files: true\n", to: "kennisbank.yml")
        let trusted = project.build()
        #expect(trusted.succeeded && trusted.diagnostics.items.isEmpty, "\(project.lines(trusted))")
        #expect(try project.output("sectie/tekening.svg").contains("<script>alert(1)</script>"))
    }

    @Test func activeFilesAreNeverPublishedFromTheAssessmentsFolder() throws {
        var files = kaderSite
        files["zelfevaluaties/bijlage.html"] = "<script>alert(1)</script>\n"
        files["zelfevaluaties/schema.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        let project = try TestProject(files: files, config: "trusted_active_files: true\n")
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded)
        let rest = "and the assessments folder holds text that is never trusted, so they are not published from it, whatever `trusted_active_files` says; remove the file, or move it to another folder if it is trusted"
        #expect(project.lines(report) == [
            "content/zelfevaluaties/bijlage.html:1:1: warning: this file is not published: a browser runs the script in `.html` files, \(rest)",
            "content/zelfevaluaties/schema.svg:1:1: warning: this file is not published: a browser runs the script in `.svg` files, \(rest)",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/zelfevaluaties/bijlage.html").path))
    }

    @Test func aLinkToAFileThatIsNotPublishedIsAnError() throws {
        var files = minimalSite
        files["sectie/tekening.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        files["sectie/drie.md"] = "---\ntitle: Een\n---\nZie ![de tekening](tekening.svg).\n"
        #expect(try problems(files) == [
            "content/sectie/drie.md:4:5: error: link `tekening.svg` leads to `sectie/tekening.svg`, which is not published (see the warning about it); link to another file",
            "content/sectie/tekening.svg:1:1: warning: this file is not published: a browser runs the script in `.svg` files, which only trusted content may hold; if the content is trusted, set `trusted_active_files: true` in `kennisbank.yml`; otherwise remove the file",
        ])
    }
}

private let leak = "leads to an unlisted page, whose secret address this listed page (and the book) would publish; link to it only from unlisted pages"
private let secret = "zelfevaluaties/geheim-2025-03-11-abcdefghij12/index.html"

private let unlistedLinks: [Clash] = [
    Clash("a listed page to an unlisted assessment", kader: true, [
        "zelfevaluaties/geheim.md": assessment("Geheim"),
        "sectie/drie.md": "---\ntitle: Drie\n---\nZie [de ronde](../zelfevaluaties/geheim.md#p1-01).\n",
    ], [
        "content/sectie/drie.md:4:5: error: link `../zelfevaluaties/geheim.md#p1-01` \(leak), or make it listed with `zichtbaarheid: public`",
    ]),
    Clash("a listed page to a preparation", kader: true, [
        "zelfevaluaties/prep.md": preparation("gemeente", session: "duinmeer-2025"),
        "sectie/drie.md": "---\ntitle: Drie\n---\nZie [de voorbereiding](../zelfevaluaties/prep.md).\n",
    ], [
        "content/sectie/drie.md:4:5: error: link `../zelfevaluaties/prep.md` \(leak) (a preparation is always unlisted)",
    ]),
    Clash("a public assessment to an unlisted one", kader: true, [
        "zelfevaluaties/geheim.md": assessment("Geheim"),
        "zelfevaluaties/open.md": assessment("Open", code: nil, extra: ["zichtbaarheid: public", "persoonsgegevens_gecontroleerd: true"],
                                             body: "## P1.01\n\n**Kleurscore:** groen\n\n### Reflectie\n\nZie [vorig jaar](geheim.md).\n"),
    ], [
        "content/zelfevaluaties/open.md:13:5: error: link `geheim.md` \(leak), or make it listed with `zichtbaarheid: public`",
    ]),
    Clash("a listed page with the secret address written out", kader: true, [
        "zelfevaluaties/geheim.md": assessment("Geheim"),
        "sectie/drie.md": "---\ntitle: Drie\n---\n[Ronde](https://example.org/kb/\(secret))\n",
    ], [
        "content/sectie/drie.md:4:1: error: link `https://example.org/kb/\(secret)` \(leak), or make it listed with `zichtbaarheid: public`",
    ]),
]

@Suite("Unlisted addresses stay unlisted")
struct UnlistedLinkTests {
    @Test(arguments: unlistedLinks)
    fileprivate func linkIsAnError(_ link: Clash) throws {
        #expect(try problems(link.files) == link.expected)
    }

    /// The development server rebuilds an edited page alone; the edit is checked the same way.
    @Test func aPageRebuiltAloneCannotLinkToAnUnlistedAssessment() throws {
        var files = kaderSite
        files["zelfevaluaties/geheim.md"] = assessment("Geheim")
        files["sectie/drie.md"] = "---\ntitle: Drie\n---\nTekst.\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        let (report, built) = SiteSession.build(project.options)
        #expect(report.succeeded, "\(project.lines(report))")
        let session = try #require(built)
        try project.write("---\ntitle: Drie\n---\nTekst en [de ronde](../zelfevaluaties/geheim.md).\n", to: "content/sectie/drie.md")
        guard case .failed(let diagnostics) = session.update(file: project.root.appendingPathComponent("content/sectie/drie.md")) else {
            Issue.record("a link to an unlisted page should fail the page")
            return
        }
        #expect(diagnostics.items.map { $0.description.replacingOccurrences(of: project.root.path + "/", with: "") } == [
            "content/sectie/drie.md:4:10: error: link `../zelfevaluaties/geheim.md` \(leak), or make it listed with `zichtbaarheid: public`",
        ])
        #expect(try !project.output("sectie/drie/index.html").contains("geheim"))
    }

    @Test func unlistedPagesMayLinkToEachOther() throws {
        var files = kaderSite
        files["zelfevaluaties/geheim.md"] = assessment("Geheim")
        files["zelfevaluaties/later.md"] = assessment("Geheim", date: "2026-03-11",
                                                      body: "## P1.01\n\n**Kleurscore:** groen\n\n### Reflectie\n\nZie [vorig jaar](geheim.md) en [het kader](../kader/p1.md).\n")
        let project = try TestProject(files: files)
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
    }
}

@Suite("Images in untrusted text")
struct UntrustedImageTests {
    private func withReflection(_ text: String) -> [String: String] {
        var files = kaderSite
        files["zelfevaluaties/ronde.md"] = assessment("Ronde", body: "## P1.01\n\n**Kleurscore:** groen\n\n### Reflectie\n\n\(text)\n")
        files["zelfevaluaties/schema.png"] = "png"
        return files
    }

    @Test func outsideImagesInAnAssessmentAreErrors() throws {
        let rest = "images in assessments and preparations may only come from the site itself (a relative path to a file in the content folder, such as `schema.png`) or be PNG, GIF, JPEG or WebP `data:` images, so that opening or printing the page makes no request elsewhere; copy the image into the content folder"
        #expect(try problems(withReflection("Zie ![a](https://example.org/pixel.png) en ![b](//example.org/b.png)\nen ![c](file:///etc/c.png) en ![d](HTTP://127.0.0.1/d.png).")) == [
            "content/zelfevaluaties/ronde.md:12:5: error: image `https://example.org/pixel.png` is not from this site; \(rest)",
            "content/zelfevaluaties/ronde.md:12:44: error: image `//example.org/b.png` is not from this site; \(rest)",
            "content/zelfevaluaties/ronde.md:13:4: error: image `file:///etc/c.png` is not from this site; \(rest)",
            "content/zelfevaluaties/ronde.md:13:31: error: image `HTTP://127.0.0.1/d.png` is not from this site; \(rest)",
        ])
    }

    @Test func imagesFromTheSiteAndDataImagesAreFine() throws {
        let project = try TestProject(files: withReflection("![schema](schema.png) ![punt](data:image/png;base64,iVBORw0KGgo=)"))
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(project.lines(report))")
    }

    @Test func knowledgePagesMayShowOutsideImages() throws {
        var files = minimalSite
        files["sectie/drie.md"] = "---\ntitle: Een\n---\n![logo](https://example.org/logo.png)\n"
        let project = try TestProject(files: files)
        defer { project.remove() }
        #expect(project.build().succeeded)
    }

    @Test func theStandaloneFileRefusesOutsideImagesToo() throws {
        let project = try TestProject(files: kaderSite)
        defer { project.remove() }
        try project.write(assessment("Los", body: "## P1.01\n\n**Kleurscore:** groen\n\n### Reflectie\n\n![a](https://example.org/a.png)\n"),
                          to: "elders/los.md")
        let report = StandaloneAssessment.render(file: project.root.appendingPathComponent("elders/los.md").path,
                                                 output: project.root.appendingPathComponent("los.html").path, pdf: false,
                                                 options: project.options)
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message.prefix { $0 != ";" })" }
                == ["12:1 image `https://example.org/a.png` is not from this site"])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("los.html").path))
    }
}
