/// Runs a measurement once to warm up, then `runs` times, and summarizes the measured runs.
///
/// Every experiment uses this so that warm-up and run counts mean the same everywhere.
public struct RepeatedMeasurement: Sendable {
    /// Unmeasured runs before the measured ones (caches, page faults, lazy initialization).
    public let warmUpRuns: Int
    /// Measured runs.
    public let runs: Int

    public init(warmUpRuns: Int = 1, runs: Int) {
        precondition(runs > 0, "at least one measured run is needed")
        precondition(warmUpRuns >= 0, "warm-up runs cannot be negative")
        self.warmUpRuns = warmUpRuns
        self.runs = runs
    }

    /// Calls `body` for the warm-up runs (results dropped), then for each measured run, and
    /// returns the measured results in order.
    public func collect<Result>(_ body: (_ runIndex: Int) throws -> Result) rethrows -> [Result] {
        for _ in 0..<warmUpRuns { _ = try body(-1) }
        var results: [Result] = []
        results.reserveCapacity(runs)
        for run in 0..<runs { results.append(try body(run)) }
        return results
    }

    /// The async form of `collect(_:)`.
    public func collect<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (_ runIndex: Int) async throws -> Result
    ) async rethrows -> [Result] {
        for _ in 0..<warmUpRuns { _ = try await body(-1) }
        var results: [Result] = []
        results.reserveCapacity(runs)
        for run in 0..<runs { results.append(try await body(run)) }
        return results
    }
}
