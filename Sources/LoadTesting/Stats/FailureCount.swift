/// How often one request type failed for one reason, and when.
public struct FailureCount: Sendable, Codable, Equatable {
    public let method: String
    public let name: String
    public let reason: String
    public private(set) var occurrences: UInt64
    /// Unix time in seconds of the first and the last occurrence.
    public private(set) var firstSeen: Double
    public private(set) var lastSeen: Double

    public init(method: String, name: String, reason: String, occurrences: UInt64, firstSeen: Double, lastSeen: Double) {
        self.method = method
        self.name = name
        self.reason = reason
        self.occurrences = occurrences
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// Adds the occurrences of the same failure counted elsewhere.
    mutating func merge(_ other: FailureCount) {
        occurrences += other.occurrences
        firstSeen = min(firstSeen, other.firstSeen)
        lastSeen = max(lastSeen, other.lastSeen)
    }
}
