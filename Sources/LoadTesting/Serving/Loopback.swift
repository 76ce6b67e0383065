/// This machine's loopback names: where a master or the web UI may listen without credentials,
/// and the only Host names a loopback web UI answers to.
package enum Loopback {
    /// Whether `host` (a name or address, IPv6 with or without brackets, no port) is loopback:
    /// `localhost`, `::1`, or an IPv4 literal in 127.0.0.0/8 (not any name starting "127.").
    package static func contains(host: some StringProtocol) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? Substring(host.dropFirst().dropLast()) : Substring(host)
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        let isIPv4 = octets.count == 4 && octets.allSatisfy { $0 != nil } && octets[0] == 127
        return bare == "localhost" || bare == "::1" || isIPv4
    }

    /// Whether the host of `authority` (`host[:port]`, `[v6]:port`) is loopback.
    package static func contains(authority: String) -> Bool {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return contains(host: authority[...close])
        }
        return contains(host: authority.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
