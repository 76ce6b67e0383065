/// Measures elapsed wall time with the monotonic clock.
public enum Stopwatch {
    /// Runs `body` and returns how long it took, in seconds, with its result.
    @inlinable
    public static func time<Result>(_ body: () throws -> Result) rethrows -> (seconds: Double, result: Result) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return ((clock.now - start).seconds, result)
    }

    /// Runs the async `body` and returns how long it took, in seconds, with its result.
    @inlinable
    public static func time<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> (seconds: Double, result: Result) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await body()
        return ((clock.now - start).seconds, result)
    }
}
