/// One measured run of a handoff variant.
public struct HandoffRun: Codable, Sendable, Equatable {
    /// Wall time for all round trips, in seconds.
    public let seconds: Double
    /// Round trips the answering party completed.
    public let roundtrips: Int

    public init(seconds: Double, roundtrips: Int) {
        self.seconds = seconds
        self.roundtrips = roundtrips
    }

    /// The average cost of one handoff (half a round trip), in seconds.
    public var secondsPerHandoff: Double {
        roundtrips > 0 ? seconds / Double(2 * roundtrips) : 0
    }
}
