/// One measured run of a counter variant: the final count and how long the tasks took.
public struct CounterRun: Codable, Sendable, Equatable {
    /// The counter's value after every task finished.
    public let count: Int
    /// Wall time from starting the first task to the end of the last, in seconds.
    public let seconds: Double

    public init(count: Int, seconds: Double) {
        self.count = count
        self.seconds = seconds
    }
}
