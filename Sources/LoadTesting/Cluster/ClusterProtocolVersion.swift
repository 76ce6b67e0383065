/// The version of the master/worker protocol. Master and workers with different major versions
/// refuse each other at once, each naming both versions; minor versions only add optional
/// fields and capabilities.
public struct ClusterProtocolVersion: Sendable, Codable, Equatable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    /// The version this build speaks.
    public static let current = ClusterProtocolVersion(major: 1, minor: 0)

    /// What this build's workers can do, announced in their hello.
    public static let capabilities = ["closed-model", "open-model", "rebalance", "sparse-hdr"]

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Whether a peer speaking `other` can work with this version.
    public func isCompatible(with other: ClusterProtocolVersion) -> Bool { major == other.major }

    public var description: String { "\(major).\(minor)" }
}
