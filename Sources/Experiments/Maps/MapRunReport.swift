/// What one run of a map workload did: its time and the checks of the map it left.
public struct MapRunReport: Codable, Sendable, Equatable {
    /// Wall time of the concurrent phase, in seconds.
    public let seconds: Double
    /// Entries in the map at the end.
    public let count: Int
    /// Entries there should be: tasks × keys per task.
    public let expectedCount: Int
    /// Keys that at the end were missing or held a value other than the last one written.
    public let wrongValues: Int
    /// Lookups during the run that found no value or one that was never written.
    public let wrongReads: Int

    public init(seconds: Double, count: Int, expectedCount: Int, wrongValues: Int, wrongReads: Int) {
        self.seconds = seconds
        self.count = count
        self.expectedCount = expectedCount
        self.wrongValues = wrongValues
        self.wrongReads = wrongReads
    }

    /// True when the count is right, every value is right, and every lookup saw a written value.
    public var isCorrect: Bool {
        count == expectedCount && wrongValues == 0 && wrongReads == 0
    }
}
