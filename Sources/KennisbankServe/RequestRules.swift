import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which requests the development server answers. Only those addressed to it by its own
/// address (`Host` is `127.0.0.1:PORT`, `localhost:PORT` or the `--host` given, and any IPv4
/// address when it listens on all of them, `0.0.0.0`): a page elsewhere could otherwise read
/// the served site, unlisted pages included, by making its own name point here (DNS rebinding),
/// and no rebinding name is an address. WebSocket connections only from the server's own pages
/// (an `Origin` of one of those addresses); browsers always send one, so a connection without it
/// comes from a program on this computer, which may read the files anyway.
package struct RequestRules: Sendable {
    /// The address the server listens on (`--host`).
    package let host: String
    package let port: UInt16

    package init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Whether a `Host` header value (`name:port`) names this server.
    package func acceptsHost(_ value: String?) -> Bool {
        guard let value, let (name, port) = Self.split(value), port == self.port else { return false }
        if name == "localhost" || name == "127.0.0.1" || name == host.lowercased() { return true }
        return host == "0.0.0.0" && Self.isIPv4Address(name)
    }

    /// Whether a WebSocket connection with this `Origin` header may be made.
    package func acceptsOrigin(_ value: String?) -> Bool {
        guard let value else { return true }
        let scheme = "http://"
        guard value.lowercased().hasPrefix(scheme) else { return false }
        return acceptsHost(String(value.dropFirst(scheme.count)))
    }

    /// The name (lower case) and port of `name:port`; port 80 when none is given.
    private static func split(_ value: String) -> (String, UInt16)? {
        let value = value.lowercased()
        guard let colon = value.lastIndex(of: ":") else { return value.isEmpty ? nil : (value, 80) }
        guard let port = UInt16(value[value.index(after: colon)...]) else { return nil }
        return (String(value[..<colon]), port)
    }

    private static func isIPv4Address(_ name: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, name, &address) == 1
    }
}
