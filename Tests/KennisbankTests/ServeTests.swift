import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Kennisbank
import KennisbankServe
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

@Suite("Development server", .serialized)
struct ServeTests {
    @Test func answersFilesFoldersAndNotFoundButNeverOutsideTheSite() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        #expect(project.build().succeeded)
        try "geheim".write(to: project.root.appendingPathComponent("geheim.txt"), atomically: true, encoding: .utf8)
        let responder = SiteFileResponder(root: project.root.appendingPathComponent("_site"))
        let home = responder.answer(path: "/")
        #expect(home.status == 200 && home.contentType == "text/html; charset=utf-8")
        #expect(String(decoding: home.body, as: UTF8.self).contains("<h1>Start</h1>"))
        #expect(responder.answer(path: "/sectie/").status == 200)
        #expect(responder.answer(path: "/assets/style.css").contentType == "text/css; charset=utf-8")
        let missing = responder.answer(path: "/bestaat/niet.html")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("Pagina niet gevonden"))
        // A folder without index.html is not listed.
        #expect(responder.answer(path: "/assets/").status == 404)
        for attack in ["/../geheim.txt", "/sectie/../../geheim.txt", "/%2e%2e/geheim.txt", "/..%2fgeheim.txt", "/a/..\\..\\geheim.txt"] {
            let answer = responder.answer(path: attack)
            #expect(answer.status == 403, "\(attack) answered \(answer.status)")
            #expect(!String(decoding: answer.body, as: UTF8.self).contains("geheim"))
        }
    }

    @Test func servesRebuildsOnChangeAndTellsThePages() async throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let (server, base, running) = try await startServer(for: project)
        defer { running.cancel() }

        let (page, response) = try await URLSession.shared.data(from: base.appendingPathComponent("sectie/een/index.html"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("<h1>Een</h1>"))
        #expect(html.contains(DevServer.livePath))
        let (_, missing) = try await URLSession.shared.data(from: base.appendingPathComponent("nergens.html"))
        #expect((missing as? HTTPURLResponse)?.statusCode == 404)

        // A change to a content file: the live channel says reload, and the next request sees it.
        let updates = await server.live.subscribe()
        let inbox = Inbox()
        let reader = Task { for await message in updates { await inbox.add(message) } }
        defer { reader.cancel() }
        try project.write("---\ntitle: Een veranderd\norder: 1\n---\n## Kop een\n\n## Kop twee\n", to: "content/sectie/een.md")
        let message = try await inbox.wait(for: 1).last
        #expect(message == "reload")
        let (changed, _) = try await URLSession.shared.data(from: base.appendingPathComponent("sectie/een/index.html"))
        #expect(String(decoding: changed, as: UTF8.self).contains("<h1>Een veranderd</h1>"))

        // A broken change: the errors go to the pages and the last good site stays served.
        try project.write("---\ntitle: [kapot\n---\n", to: "content/sectie/twee.md")
        let failure = try await inbox.wait(for: 2).last
        #expect(failure?.hasPrefix("errors\n") == true)
        #expect(failure?.contains("content/sectie/twee.md:") == true)
        #expect(failure?.contains("malformed YAML") == true)
        let (still, _) = try await URLSession.shared.data(from: base.appendingPathComponent("sectie/twee/index.html"))
        #expect(String(decoding: still, as: UTF8.self).contains("<h1>Twee</h1>"))
    }
}

extension ServeTests {
    /// An edit to one page's text rebuilds that page alone, at once, and the book after it;
    /// an edit that other pages show (the title) or that breaks the page does not.
    @Test func oneEditedPageIsRebuiltOnItsOwn() throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        var options = project.options
        options.makePDFs = false
        let (report, built) = SiteSession.build(options)
        #expect(report.succeeded)
        let session = try #require(built)
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: project.root.appendingPathComponent("_site/\(path)").path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let twee = try inode("sectie/twee/index.html")
        let source = project.root.appendingPathComponent("content/sectie/een.md")

        try project.write(minimalSite["sectie/een.md"]! + "\nEen nieuwe zin.\n", to: "content/sectie/een.md")
        guard case .rebuilt(let page, _) = session.update(file: source) else {
            Issue.record("a text edit should rebuild the page on its own")
            return
        }
        #expect(page == "sectie/een/index.html")
        #expect(try project.output(page).contains("<p>Een nieuwe zin.</p>"))
        #expect(try inode("sectie/twee/index.html") == twee)
        #expect(try !project.output(Book.url).contains("Een nieuwe zin."))
        #expect(session.refreshBook())
        #expect(try project.output(Book.url).contains("<p>Een nieuwe zin.</p>"))

        try project.write(minimalSite["sectie/een.md"]! + "\nZie [weg](weg.md).\n", to: "content/sectie/een.md")
        guard case .failed(let diagnostics) = session.update(file: source) else {
            Issue.record("a broken link should fail the page")
            return
        }
        #expect(diagnostics.errors.first?.description.contains("content/sectie/een.md:11:5: error: broken link: `weg.md` does not exist") == true,
                "\(diagnostics.items)")
        #expect(try project.output(page).contains("<p>Een nieuwe zin.</p>"))

        try project.write(minimalSite["sectie/een.md"]!.replacingOccurrences(of: "title: Een", with: "title: Eén"), to: "content/sectie/een.md")
        guard case .needsFullBuild = session.update(file: source) else {
            Issue.record("a new title is shown on other pages and needs a full build")
            return
        }
        guard case .needsFullBuild = session.update(file: project.root.appendingPathComponent("templates/base.mustache")) else {
            Issue.record("a template change needs a full build")
            return
        }
    }

    /// The real channel: a page open in headless Chromium reloads itself after a change.
    @Test func openPageReloadsAfterAChange() async throws {
        let project = try TestProject(files: minimalSite)
        defer { project.remove() }
        let (_, base, running) = try await startServer(for: project)
        defer { running.cancel() }
        let page = base.appendingPathComponent("sectie/een/index.html").absoluteString
        let source = project.root.appendingPathComponent("content/sectie/een.md").path
        let result = try await runBrowserScript("live_reload.py", page, source, "Een", "Een na de wijziging")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok: the open page reloaded itself"))
    }
}

/// Starts a development server for `project` on a free port; returns it, its address and its task.
private func startServer(for project: TestProject) async throws -> (DevServer, URL, Task<Void, Error>) {
    let server = DevServer(options: project.options, port: 0, log: { _ in })
    let address = AsyncStream<URL>.makeStream()
    let running = Task { try await server.run { address.continuation.yield($0) } }
    var iterator = address.stream.makeAsyncIterator()
    guard let base = await iterator.next() else {
        running.cancel()
        throw TimeoutError()
    }
    return (server, base, running)
}

/// Collects live-reload messages.
private actor Inbox {
    private var messages: [String] = []

    func add(_ message: String) { messages.append(message) }

    /// The messages once there are `count` of them; fails after 20 seconds.
    func wait(for count: Int) async throws -> [String] {
        for _ in 0..<200 where messages.count < count {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        guard messages.count >= count else { throw TimeoutError() }
        return messages
    }
}

private struct TimeoutError: Error {}
