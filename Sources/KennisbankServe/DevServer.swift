import Diagnostics
import FlyingFox
import Foundation
import Kennisbank
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics

/// `kennisbank serve`: builds the site, serves it on this computer, watches `content/`,
/// `templates/` and the config, rebuilds on every change, and reloads the open pages through a
/// WebSocket. A failed rebuild keeps the last good site served and shows its diagnostics in the
/// browser as an overlay. It answers GET and HEAD, only requests addressed to itself, and
/// WebSocket connections only from its own pages (`RequestRules`), and closes connections that
/// have been idle for `idleTimeout` seconds.
public final class DevServer: Sendable {
    public let options: BuildOptions
    public let host: String
    public let port: UInt16
    /// Seconds a connection may wait for its client before it is closed.
    public let idleTimeout: TimeInterval
    public let live = LiveReload()
    private let log: @Sendable (String) -> Void

    /// Path of the live-reload WebSocket.
    public static let livePath = "/_kennisbank/live"

    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, idleTimeout: TimeInterval = 15,
                log: @escaping @Sendable (String) -> Void = { print($0) }) {
        var options = options
        options.makePDFs = false
        self.options = options
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.log = log
    }

    /// The last good build, kept for rebuilding single pages.
    private let session = SessionBox()

    /// Builds the whole site once and reports the outcome to the open pages.
    @discardableResult
    public func rebuild() async -> BuildReport {
        let options = self.options
        let (report, built) = await Task.detached { SiteSession.build(options) }.value
        // After a failed build the content and the served site differ: the next change rebuilds all.
        await session.set(built)
        for diagnostic in report.diagnostics.items { log(diagnostic.description) }
        if report.succeeded {
            log(String(format: "built %d pages in %.2f s", report.pages, report.seconds))
        } else {
            log("build failed; the last good site stays served")
        }
        await live.finished(errors: report.succeeded ? [] : report.diagnostics.errors.map(\.description))
        return report
    }

    /// Rebuilds after `changes` (absolute paths): only the edited page when one page's text
    /// changed and nothing other pages show, the whole site otherwise.
    public func rebuild(after changes: [String]) async {
        guard changes.count == 1, let current = await session.current else {
            log("change seen; rebuilding")
            await rebuild()
            return
        }
        let update = await Task.detached { current.update(file: URL(fileURLWithPath: changes[0])) }.value
        switch update {
        case .rebuilt(let page, let seconds):
            log(String(format: "rebuilt %@ in %.0f ms", page, seconds * 1000))
            await live.finished(errors: [])
            // The book holds every page; it follows once the page itself is served, on a thread
            // of its own, so that neither the server nor the next edit waits for it.
            DispatchQueue.global(qos: .utility).async { current.refreshBook() }
        case .failed(let diagnostics):
            for diagnostic in diagnostics.items { log(diagnostic.description) }
            log("rebuild failed; the last good page stays served")
            await live.finished(errors: diagnostics.errors.map(\.description))
        case .needsFullBuild(let reason):
            log("change seen (\(reason)); rebuilding the site")
            await rebuild()
        }
    }

    /// Runs until cancelled. `ready` receives the address once the server listens.
    public func run(ready: @escaping @Sendable (URL) -> Void = { _ in }) async throws {
        await rebuild()
        let idle = Duration.milliseconds(Int(idleTimeout * 1000))
        // No time limit per answer (FlyingFox's default of 15 s turned a file answer that waited
        // for a thread of a busy machine into a 500); idle connections are limited by the pool.
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 3600,
                                pool: IdleClosingPool(pool: HTTPServer.defaultPool(), limit: idle), logger: .disabled)
        let responder = SiteFileResponder(root: URL(fileURLWithPath: options.output).standardizedFileURL)
        let state = self.live
        let live = WebSocketHTTPHandler(handler: PingingWSHandler(handler: MessageFrameWSHandler(handler: LiveSocket(live: state)),
                                                                  interval: idle / 3))
        let host = self.host, configuredPort = self.port
        await server.appendRoute("*") { [weak server] request in
            let port: UInt16 = switch await server?.listeningAddress {
            case .ip4(_, let port)?: port
            default: configuredPort
            }
            let rules = RequestRules(host: host, port: port)
            guard rules.acceptsHost(request.headers[.host]) else {
                return Self.refusal(421, "Misdirected Request", "This server answers only requests to http://\(host):\(port)/ (or http://localhost:\(port)/).")
            }
            if request.path == Self.livePath {
                guard rules.acceptsOrigin(request.headers[HTTPHeader("Origin")]) else {
                    return Self.refusal(403, "Forbidden", "Only pages of this server may connect.")
                }
                return try await live.handleRequest(request)
            }
            // The build number is read before the file, so a rebuild in between reloads the page.
            let build = await state.build
            switch request.method {
            case .GET: return Self.response(responder.answer(path: request.path), build: build)
            case .HEAD: return Self.response(responder.answer(path: request.path), build: build, withBody: false)
            default:
                var refusal = Self.refusal(405, "Method Not Allowed", "This server answers only GET and HEAD.")
                refusal.headers[HTTPHeader("Allow")] = "GET, HEAD"
                return refusal
            }
        }
        let watched = Self.watchedPaths(options)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                let address = await server.listeningAddress
                let actualPort: UInt16 = switch address {
                case .ip4(_, let port)?: port
                case .ip6(_, let port)?: port
                default: self.port
                }
                ready(URL(string: "http://\(self.host):\(actualPort)/")!)
            }
            group.addTask { try await self.watch(watched) }
            // Runs until the server stops or fails; a failure ends the others too.
            try await group.waitForAll()
        }
    }

    /// What `serve` watches: the content, the templates, the config and, when the config names
    /// one outside the content, the assessments folder.
    package static func watchedPaths(_ options: BuildOptions) -> [URL] {
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: options.url(options.config), displayPath: options.config, diagnostics: &diagnostics)
        return ([options.content, options.templates, options.config] + [config.assessmentsRoot].compactMap { $0 })
            .map { URL(fileURLWithPath: $0).standardizedFileURL }
    }

    /// Waits for changes below the watched paths and rebuilds after each batch of them.
    private func watch(_ paths: [URL]) async throws {
        for await changes in FileEvents.stream(paths: paths) {
            try Task.checkCancellation()
            await rebuild(after: changes)
        }
    }

    /// A plain-text refusal.
    static func refusal(_ status: Int, _ phrase: String, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: HTTPStatusCode(status, phrase: phrase),
                     headers: [.contentType: "text/plain; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                     body: Data((text + "\n").utf8))
    }

    /// An HTTP response for an answer; HTML gets the live-reload script with the number of the
    /// build it is from. Without body (for HEAD) it has the same headers, `Content-Length` included.
    static func response(_ answer: SiteFileResponder.Answer, build: Int, withBody: Bool = true) -> HTTPResponse {
        var body = answer.body
        if answer.contentType.hasPrefix("text/html"), var html = String(data: body, encoding: .utf8),
           let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: liveScript(build: build), at: end.lowerBound)
            body = Data(html.utf8)
        }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: answer.status == 200 ? "OK" : answer.status == 404 ? "Not Found" : "Forbidden"),
                            headers: [.contentType: answer.contentType, HTTPHeader("Cache-Control"): "no-store",
                                      .contentLength: String(body.count)],
                            body: withBody ? body : Data())
    }

    /// Reloads the page after a rebuild; shows the diagnostics of a failed one. Like the
    /// diagnostics it shows and the server's refusals, it is the generator speaking, in English
    /// whatever the site's language (after a failed build there may be no strings file to use).
    package static func liveScript(build: Int) -> String {
        """
    <script>
    (function () {
      var served = 'build \(build)';
      var overlay = null;
      function show(lines) {
        if (!overlay) {
          overlay = document.createElement('div');
          overlay.setAttribute('role', 'alert');
          overlay.style.cssText = 'position:fixed;inset:1rem;z-index:1000;overflow:auto;background:#fff;color:#111;border:4px solid #b3261e;padding:1rem;font:14px/1.5 monospace;';
          document.body.appendChild(overlay);
        }
        overlay.textContent = '';
        var title = document.createElement('strong');
        title.textContent = 'The site could not be rebuilt; the last good version stays shown.';
        overlay.appendChild(title);
        var pre = document.createElement('pre');
        pre.style.whiteSpace = 'pre-wrap';
        pre.textContent = lines.join('\\n');
        overlay.appendChild(pre);
      }
      function connect() {
        var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '\(livePath)');
        socket.onmessage = function (event) {
          if (event.data.indexOf('build ') === 0) { if (event.data !== served) { location.reload(); } }
          else if (event.data.indexOf('errors\\n') === 0) { show(event.data.split('\\n').slice(1)); }
        };
        socket.onclose = function () { setTimeout(connect, 1000); };
      }
      connect();
    }());
    </script>

    """
    }
}

/// Sends the live-reload messages of one page over its WebSocket.
struct LiveSocket: WSMessageHandler {
    let live: LiveReload

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await live.subscribe()
        return AsyncStream { continuation in
            let task = Task {
                for await message in updates { continuation.yield(.text(message)) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// The session of the last good build, shared between the watcher and the server.
private actor SessionBox {
    var current: SiteSession?
    func set(_ session: SiteSession?) { current = session }
}
