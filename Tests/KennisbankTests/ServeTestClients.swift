import Foundation
import FoundationNetworking
import Kennisbank
import KennisbankServe
import Testing
import KennisbankModel
import KennisbankLoad
import KennisbankRender
import KennisbankOutput
import SiteFormats
import Basics
import Glibc

/// A development server over the minimal site, for the tests of its rules.
final class RunningServer: @unchecked Sendable {
    let idleTimeout: TimeInterval
    private var project: TestProject?
    private var process: Process?

    init(idleTimeout: TimeInterval = 15) { self.idleTimeout = idleTimeout }

    /// The folder of the site it serves, once started.
    var root: URL? { project?.root }

    /// Starts `kennisbank serve` on a free port as a process of its own, as a user runs it (in
    /// this process, other suites' long synchronous builds could hold the threads it answers
    /// on); returns its port once it says where it serves.
    func start() async throws -> UInt16 {
        let project = try TestProject(files: minimalSite)
        self.project = project
        let options = project.options
        let process = Process()
        process.executableURL = kennisbankProgram
        process.arguments = ["serve", "--content", options.content, "--templates", options.templates, "--config", options.config,
                             "--output", options.output, "--port", "0", "--idle-timeout", String(idleTimeout)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        let reader = output.fileHandleForReading
        return try await onOwnThread {
            var said = ""
            while true {
                let data = reader.availableData
                guard !data.isEmpty else { throw ServeFailure(output: said) }
                said += String(decoding: data, as: UTF8.self)
                let prefix = "serving http://127.0.0.1:"
                if let start = said.range(of: prefix)?.upperBound, let end = said[start...].firstIndex(of: "/"),
                   let port = UInt16(said[start..<end]) {
                    // Its later lines are read and dropped, so that it never waits on a full pipe.
                    Thread.detachNewThread { while !reader.availableData.isEmpty {} }
                    return port
                }
            }
        }
    }

    func stop() {
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        project?.remove()
    }
}

/// `kennisbank serve` ended before it served, with what it printed.
private struct ServeFailure: Error, CustomStringConvertible {
    let output: String
    var description: String { "kennisbank serve ended before serving:\n\(output)" }
}

/// A client on a plain socket, for requests no library would send.
final class RawClient: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var isOpen = true

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TimeoutError() }
    }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        guard Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw TimeoutError() }
    }

    /// Reads what arrives within 0.1 s into the buffer; false once the server has closed.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        if count > 0 { buffer += chunk[..<count] }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { isOpen = false }
        return isOpen
    }

    /// Everything until the server closes the connection, or nil when it is still open after `seconds`.
    func readUntilClosed(within seconds: TimeInterval) async throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while fill() {
            guard Date() < deadline else { return nil }
            await Task.yield()
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The buffer up to and including `marker`.
    func read(until marker: String, within seconds: TimeInterval) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: marker) {
                let upTo = String(text[..<range.upperBound])
                buffer.removeFirst(upTo.utf8.count)
                return upTo
            }
            guard fill() else { break }
            await Task.yield()
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The next `count` bytes, or nil when they do not come within `seconds`.
    func readBytes(_ count: Int, within seconds: TimeInterval) async throws -> [UInt8]? {
        let deadline = Date().addingTimeInterval(seconds)
        while buffer.count < count {
            guard Date() < deadline, fill() else { return nil }
            await Task.yield()
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer.prefix(count))
    }

    func close() { Glibc.close(descriptor) }

    /// Sends `request` on a new connection and returns the answer: until the server closes, or up to `marker`.
    static func exchange(port: UInt16, _ request: String, until marker: String? = nil) async throws -> String {
        let client = try RawClient(port: port)
        defer { client.close() }
        try client.send(request)
        if let marker { return try await client.read(until: marker, within: 10) }
        guard let answer = try await client.readUntilClosed(within: 10) else { throw TimeoutError() }
        return answer
    }

    /// The head (status line and headers) and the body of an answer.
    static func split(_ answer: String) -> (String, String) {
        guard let end = answer.range(of: "\r\n\r\n") else { return (answer, "") }
        return (String(answer[..<end.upperBound]), String(answer[end.upperBound...]))
    }
}
