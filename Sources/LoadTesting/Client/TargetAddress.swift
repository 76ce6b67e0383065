/// The service under test, parsed from `-H/--host` (e.g. `http://127.0.0.1:8080`).
public struct TargetAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// A path prefix put before every request path, e.g. "/api"; empty for none.
    public let basePath: String

    /// Parses `http://host[:port][/base]`; throws a message saying what is wrong otherwise.
    public init(parsing text: String) throws(TargetAddressError) {
        guard text.hasPrefix("http://") else {
            if text.hasPrefix("https://") {
                throw TargetAddressError("HTTPS is not supported; the load clients speak plain HTTP/1.1. Use an http:// URL.")
            }
            throw TargetAddressError("'\(text)' is not an http:// URL; use e.g. http://127.0.0.1:8080.")
        }
        let rest = text.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        var base = String(rest.dropFirst(authority.count))
        while base.hasSuffix("/") { base.removeLast() }
        let hostPart: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw TargetAddressError("'\(text)' has an unclosed IPv6 bracket; use e.g. http://[::1]:8080.")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : nil
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            hostPart = authority
            portText = nil
        }
        guard !hostPart.isEmpty else {
            throw TargetAddressError("'\(text)' has no host; use e.g. http://127.0.0.1:8080.")
        }
        var port = 80
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else {
                throw TargetAddressError("'\(text)' has an invalid port '\(portText)'; use a number from 1 to 65535.")
            }
            port = value
        }
        self.host = String(hostPart)
        self.port = port
        self.basePath = base
    }

    /// The value of the `Host` request header.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }

    public var description: String { "http://\(hostHeader)\(basePath)" }
}

/// A `-H/--host` value that is not a usable URL; the message says how to fix it.
public struct TargetAddressError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
