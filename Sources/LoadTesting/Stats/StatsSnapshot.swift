/// Everything a load test measured up to one moment: per request type and aggregated, with
/// current rates, failures by reason, and the per-second history. The console table, CSV,
/// JSON and HTML reports all render this one value, so they never disagree.
public struct StatsSnapshot: Sendable, Codable, Equatable {
    /// One request type's (or the aggregate's) cumulative statistics with its current rates.
    public struct Row: Sendable, Codable, Equatable {
        public let stats: EndpointStats
        /// Requests per second over the last `StatsCollector.rateWindowSeconds` seconds.
        public let currentRequestsPerSecond: Double
        /// Failures per second over the same window.
        public let currentFailuresPerSecond: Double
    }

    /// One second of the run, for the history CSV and charts.
    public struct HistoryPoint: Sendable, Codable, Equatable {
        /// Unix time in seconds.
        public let timestamp: Double
        public let elapsedSeconds: Double
        public let users: Int
        /// Current rates of all request types together.
        public let requestsPerSecond: Double
        public let failuresPerSecond: Double
        /// Response-time percentiles (of `reportedPercentiles`) over the rate window, in ms.
        public let windowPercentilesMilliseconds: [Double]
        /// All requests from the start of the run.
        public let total: Totals
        /// The generator's CPU use in this second, as a share of its event-loop threads (0...1).
        public let generatorCPUUse: Double
    }

    /// Cumulative figures of all requests at one moment (numbers only, so that the history
    /// stays small however long the run).
    public struct Totals: Sendable, Codable, Equatable {
        public let requests: UInt64
        public let failures: UInt64
        /// Response-time percentiles (of `reportedPercentiles`) in ms.
        public let percentilesMilliseconds: [Double]
        public let meanMilliseconds: Double
        public let minMilliseconds: Double
        public let maxMilliseconds: Double
        public let averageContentBytes: Double

        init(_ stats: EndpointStats) {
            requests = stats.requests
            failures = stats.failures
            percentilesMilliseconds = StatsSnapshot.reportedPercentiles.map { stats.percentileMilliseconds($0) }
            meanMilliseconds = stats.meanMilliseconds
            minMilliseconds = stats.minMilliseconds
            maxMilliseconds = stats.maxMilliseconds
            averageContentBytes = stats.averageContentBytes
        }

        /// The median response time in ms.
        public var medianMilliseconds: Double { percentilesMilliseconds[0] }
    }

    /// The percentiles the final table and the CSV files report, as Locust does.
    public static let reportedPercentiles: [Double] = [50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100]

    /// Unix time in seconds when the run started.
    public let startTimestamp: Double
    public let elapsedSeconds: Double
    /// Users running (closed model) or requests in flight (open model) at this moment.
    public let users: Int
    /// Per request type, sorted by name then method.
    public let endpoints: [Row]
    /// All request types together.
    public let aggregated: Row
    /// Failures grouped by request type and reason, most frequent first.
    public let failures: [FailureCount]
    /// Errors in scenario code (captures that found nothing), most frequent first.
    public let exceptions: [ExceptionCount]
    /// Open model: requests that could not start at their intended time (no free connection).
    public let lateStarts: UInt64
    /// Open model: requests still waiting for a connection when the test ended.
    public let unstartedRequests: UInt64
    /// Requests in flight when the stop timeout ran out: sent, never recorded.
    public let droppedInFlight: UInt64
    public let history: [HistoryPoint]

    /// Requests per second over the whole run so far (what thresholds and the CSV report).
    public var averageRequestsPerSecond: Double {
        elapsedSeconds > 0 ? Double(aggregated.stats.requests) / elapsedSeconds : 0
    }

    /// Average requests per second of one row over the whole run so far.
    public func averageRequestsPerSecond(of row: Row) -> Double {
        elapsedSeconds > 0 ? Double(row.stats.requests) / elapsedSeconds : 0
    }

    /// Average failures per second of one row over the whole run so far.
    public func averageFailuresPerSecond(of row: Row) -> Double {
        elapsedSeconds > 0 ? Double(row.stats.failures) / elapsedSeconds : 0
    }

    /// The highest generator CPU use seen in any second (0...1).
    public var peakGeneratorCPUUse: Double {
        history.map(\.generatorCPUUse).max() ?? 0
    }
}
