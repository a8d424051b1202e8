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
#if canImport(Glibc)
import Glibc
#endif

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

        let (page, response) = try await patientSession.data(from: base.appendingPathComponent("sectie/een/index.html"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("<h1>Een</h1>"))
        #expect(html.contains(DevServer.livePath))
        let (_, missing) = try await patientSession.data(from: base.appendingPathComponent("nergens.html"))
        #expect((missing as? HTTPURLResponse)?.statusCode == 404)

        // A change to a content file: the live channel first says which build is served, then
        // the next one, and the next request sees it.
        let updates = await server.live.subscribe()
        let inbox = Inbox()
        let reader = Task { for await message in updates { await inbox.add(message) } }
        defer { reader.cancel() }
        #expect(try await inbox.wait(for: 1).first == "build 1")
        try project.write("---\ntitle: Een veranderd\norder: 1\n---\n## Kop een\n\n## Kop twee\n", to: "content/sectie/een.md")
        let message = try await inbox.wait(for: 2).last
        #expect(message == "build 2")
        let (changed, _) = try await patientSession.data(from: base.appendingPathComponent("sectie/een/index.html"))
        #expect(String(decoding: changed, as: UTF8.self).contains("<h1>Een veranderd</h1>"))

        // A broken change: the errors go to the pages and the last good site stays served.
        try project.write("---\ntitle: [kapot\n---\n", to: "content/sectie/twee.md")
        let failure = try await inbox.wait(for: 3).last
        #expect(failure?.hasPrefix("errors\n") == true)
        #expect(failure?.contains("content/sectie/twee.md:") == true)
        #expect(failure?.contains("malformed YAML") == true)
        let (still, _) = try await patientSession.data(from: base.appendingPathComponent("sectie/twee/index.html"))
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

    /// The real channel: a page open in headless Chromium reloads itself after a change. The
    /// server runs as a process of its own, as a user runs it; the page connects only after the
    /// file changed, so a rebuild that finished before its WebSocket opened must reload it too.
    @Test func openPageReloadsAfterAChange() async throws {
        let server = RunningServer(idleTimeout: 60)
        defer { server.stop() }
        let port = try await server.start()
        let page = "http://127.0.0.1:\(port)/sectie/een/index.html"
        let source = try #require(server.root).appendingPathComponent("content/sectie/een.md").path
        let result = try await runBrowserScript("live_reload.py", page, source, "Een", "Een na de wijziging")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok: the open page reloaded itself"))
        #expect(result.output.contains("ok: a page that connected after the rebuild reloaded itself"))
    }
}

/// The server's rules, through raw sockets: what a browser, a page elsewhere or a careless
/// client sends.
extension ServeTests {
    @Test func headAnswersWithTheHeadersOfGetAndNoBody() async throws {
        let server = RunningServer()
        defer { server.stop() }
        let port = try await server.start()
        for path in ["/", "/sectie/een/", "/assets/style.css", "/nergens.html"] {
            let get = try await RawClient.exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            let head = try await RawClient.exchange(port: port, "HEAD \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            let (getHead, getBody) = RawClient.split(get)
            let (headHead, headBody) = RawClient.split(head)
            #expect(headHead == getHead, "\(path)")
            #expect(headHead.contains("Content-Length: \(getBody.utf8.count)\r\n"), "\(path): \(headHead)")
            #expect(headBody.isEmpty && !getBody.isEmpty, "\(path)")
        }
        #expect(try await RawClient.exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 200 OK\r\n"))
        let post = try await RawClient.exchange(port: port, "POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n") && post.contains("Allow: GET, HEAD\r\n"))
    }

    /// DNS rebinding: a page at `evil.example`, made to resolve to 127.0.0.1, sends its own name.
    @Test func answersOnlyRequestsForItsOwnAddress() async throws {
        let server = RunningServer()
        defer { server.stop() }
        let port = try await server.start()
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
            let answer = try await RawClient.exchange(port: port, "GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(host): \(answer.prefix(80))")
        }
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1", "127.0.0.1:\(port &+ 1)", "localhost.evil.example:\(port)", ""] {
            let answer = try await RawClient.exchange(port: port, "GET /sectie/een/ HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 421 Misdirected Request\r\n"), "\(host): \(answer.prefix(80))")
            #expect(!answer.contains("<h1>Een</h1>"))
        }
        let rules = RequestRules(host: "0.0.0.0", port: 8000)
        #expect(rules.acceptsHost("192.168.1.20:8000") && !rules.acceptsHost("kennisbank.example:8000") && !rules.acceptsHost("192.168.1.20:8001"))
        #expect(!RequestRules(host: "127.0.0.1", port: 8000).acceptsHost("192.168.1.20:8000"))
    }

    @Test func acceptsWebSocketsOnlyFromItsOwnPages() async throws {
        let server = RunningServer()
        defer { server.stop() }
        let port = try await server.start()
        func upgrade(origin: String?) async throws -> String {
            let originLine = origin.map { "Origin: \($0)\r\n" } ?? ""
            return try await RawClient.exchange(port: port, "GET \(DevServer.livePath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\(originLine)\r\n",
                                                until: "\r\n\r\n")
        }
        for origin in ["http://127.0.0.1:\(port)", "http://localhost:\(port)", nil] {
            #expect(try await upgrade(origin: origin).hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"), "\(origin ?? "no Origin")")
        }
        for origin in ["http://evil.example", "http://127.0.0.1:\(port &+ 1)", "https://127.0.0.1:\(port)", "null", "file://"] {
            #expect(try await upgrade(origin: origin).hasPrefix("HTTP/1.1 403 Forbidden\r\n"), "\(origin)")
        }
    }

    /// 40 connections that never send a whole request were held for 75 s; they are closed after
    /// the idle time. An open page's WebSocket stays: the server pings it and the page answers.
    @Test func idleConnectionsAreClosed() async throws {
        let server = RunningServer(idleTimeout: 1)
        defer { server.stop() }
        let port = try await server.start()
        let started = Date()
        let clients = try (0..<40).map { index in
            let client = try RawClient(port: port)
            if index % 2 == 1 { try client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n") }
            return client
        }
        var open = 0
        for client in clients {
            if try await client.readUntilClosed(within: max(0, 20 - Date().timeIntervalSince(started))) == nil { open += 1 }
            client.close()
        }
        #expect(open == 0, "\(open) of 40 connections were still open after 20 s")

        // A WebSocket client that answers pings stays connected past the idle time.
        let socket = try RawClient(port: port)
        defer { socket.close() }
        try socket.send("GET \(DevServer.livePath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
        let handshake = try await socket.read(until: "\r\n\r\n", within: 10)
        #expect(handshake.hasPrefix("HTTP/1.1 101"))
        // First the number of the build it serves, as an unmasked text frame: 0x81 and the length.
        let greeting = Array("build 1".utf8)
        #expect(try await socket.readBytes(2 + greeting.count, within: 10) == [0x81, UInt8(greeting.count)] + greeting)
        var pings = 0
        let until = Date().addingTimeInterval(3)
        while Date() < until {
            // A ping frame from the server: 0x89 and a zero length; the answer is a masked pong.
            guard let frame = try await socket.readBytes(2, within: 2) else { break }
            #expect(frame == [0x89, 0x00])
            pings += 1
            try socket.send(bytes: [0x8A, 0x80, 1, 2, 3, 4])
        }
        #expect(pings >= 3, "\(pings) pings in 3 s with an idle time of 1 s")
        #expect(socket.isOpen)
    }
}

/// Starts a development server for `project` on a free port; returns it, its address and its task.
private func startServer(for project: TestProject, idleTimeout: TimeInterval = 15) async throws -> (DevServer, URL, Task<Void, Error>) {
    let server = DevServer(options: project.options, port: 0, idleTimeout: idleTimeout, log: { _ in })
    let address = AsyncStream<URL>.makeStream()
    let running = Task { try await server.run { address.continuation.yield($0) } }
    var iterator = address.stream.makeAsyncIterator()
    guard let base = await iterator.next() else {
        running.cancel()
        throw TimeoutError()
    }
    return (server, base, running)
}

/// A session that waits up to ten minutes for an answer. The server runs in this process on the
/// cooperative thread pool, and other suites' long synchronous builds may hold both of its
/// threads on a 2-core machine for more than URLSession's default 60 s (NSURLErrorTimedOut, seen
/// in CI): the test checks what the server answers, not how fast.
private let patientSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 600
    configuration.timeoutIntervalForResource = 900
    return URLSession(configuration: configuration)
}()

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

/// A wait that ran out.
struct TimeoutError: Error {}
