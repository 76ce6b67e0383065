/// Merges the per-loop recorders' contents once a second into cumulative statistics, current
/// rates over a sliding window, and a history point; makes `StatsSnapshot`s.
public struct StatsCollector: Sendable {
    /// Current rates and history percentiles cover this many of the most recent seconds
    /// (as Locust's current RPS and current response-time percentiles).
    public static let rateWindowSeconds = 10

    private let startTimestamp: Double
    private var cumulative = StatsRecorder()
    private var window: [StatsRecorder] = []
    private var history: [StatsSnapshot.HistoryPoint] = []

    /// A collector for a run that started at `startTimestamp` (Unix seconds).
    public init(startTimestamp: Double) {
        self.startTimestamp = startTimestamp
    }

    /// Adds one second's recordings and appends a history point.
    public mutating func addSecond(
        _ delta: StatsRecorder, elapsedSeconds: Double, users: Int, generatorCPUUse: Double
    ) {
        cumulative.merge(delta)
        window.append(delta)
        if window.count > Self.rateWindowSeconds { window.removeFirst(window.count - Self.rateWindowSeconds) }
        let windowTotal = window.reduce(into: EndpointStats(method: "", name: EndpointStats.aggregatedName)) {
            $0.merge($1.aggregated)
        }
        let seconds = Double(window.count)
        history.append(
            StatsSnapshot.HistoryPoint(
                timestamp: startTimestamp + elapsedSeconds,
                elapsedSeconds: elapsedSeconds,
                users: users,
                requestsPerSecond: Double(windowTotal.requests) / seconds,
                failuresPerSecond: Double(windowTotal.failures) / seconds,
                windowPercentilesMilliseconds: StatsSnapshot.reportedPercentiles.map {
                    windowTotal.percentileMilliseconds($0)
                },
                total: StatsSnapshot.Totals(cumulative.aggregated),
                generatorCPUUse: generatorCPUUse
            ))
    }

    /// Starts the statistics afresh: totals, percentiles, failures and current rates. The
    /// history (the charts) stays, so that the reset shows in it.
    public mutating func resetStatistics() {
        cumulative = StatsRecorder()
        window = []
    }

    /// The statistics so far.
    public func snapshot(elapsedSeconds: Double, users: Int) -> StatsSnapshot {
        let seconds = Double(Swift.max(1, window.count))
        func row(_ stats: EndpointStats, _ key: EndpointKey?) -> StatsSnapshot.Row {
            var requests: UInt64 = 0
            var failures: UInt64 = 0
            for second in window {
                if let key {
                    requests += second.endpoints[key]?.requests ?? 0
                    failures += second.endpoints[key]?.failures ?? 0
                } else {
                    for stats in second.endpoints.values {
                        requests += stats.requests
                        failures += stats.failures
                    }
                }
            }
            return StatsSnapshot.Row(
                stats: stats,
                currentRequestsPerSecond: Double(requests) / seconds,
                currentFailuresPerSecond: Double(failures) / seconds
            )
        }
        return StatsSnapshot(
            startTimestamp: startTimestamp,
            elapsedSeconds: elapsedSeconds,
            users: users,
            endpoints: cumulative.sortedEndpoints.map { row($0, EndpointKey(method: $0.method, name: $0.name)) },
            aggregated: row(cumulative.aggregated, nil),
            failures: cumulative.failureCounts,
            exceptions: cumulative.exceptionCounts,
            lateStarts: cumulative.lateStarts,
            unstartedRequests: cumulative.unstarted,
            droppedInFlight: cumulative.droppedInFlight,
            history: history
        )
    }
}
