import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A socket pool that closes a connection once it has waited `limit` for its client: one that
/// sends nothing, sends half a request, or reads no answer. Only the listening socket waits
/// for as long as it takes. (FlyingFox's own `timeout` limits a handler, not a connection.)
struct IdleClosingPool: AsyncSocketPool {
    let pool: any AsyncSocketPool
    let limit: Duration

    func prepare() async throws { try await pool.prepare() }

    func run() async throws { try await pool.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        guard !Self.isListening(socket) else {
            return try await pool.suspendSocket(socket, untilReadyFor: events)
        }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await pool.suspendSocket(socket, untilReadyFor: events)
                return true
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return false
            }
            let ready = try await group.next() ?? false
            group.cancelAll()
            // The connection ends as if the client had gone.
            if !ready { throw SocketError.disconnected }
        }
    }

    private static func isListening(_ socket: Socket) -> Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(socket.file.rawValue, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) == 0 && value != 0
    }
}

/// A WebSocket handler that sends a ping every `interval` besides the frames of `handler`: the
/// browser answers each with a pong, so an open page's connection is never idle for
/// `IdleClosingPool`, and one whose page is gone is closed.
struct PingingWSHandler: WSHandler {
    let handler: any WSHandler
    let interval: Duration

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        let frames = try await handler.makeFrames(for: client)
        let interval = interval
        return AsyncStream { continuation in
            let forward = Task {
                for await frame in frames { continuation.yield(frame) }
                continuation.finish()
            }
            let ping = Task {
                while (try? await Task.sleep(for: interval)) != nil {
                    continuation.yield(WSFrame(fin: true, opcode: .ping, mask: nil, payload: Data()))
                }
            }
            continuation.onTermination = { _ in
                forward.cancel()
                ping.cancel()
            }
        }
    }
}
