import Foundation

/// Collects request outcomes where they happen: one recorder per event loop, used only on that
/// loop, so recording takes no lock. The runner takes each recorder's contents once a second
/// and merges them into the run's `StatsSnapshot`.
public struct StatsRecorder: Sendable {
    struct FailureKey: Hashable {
        let endpoint: EndpointKey
        let reason: String
    }

    private(set) var endpoints: [EndpointKey: EndpointStats] = [:]
    private(set) var failures: [FailureKey: FailureCount] = [:]
    /// Open model: requests that started later than intended because no connection was free.
    public private(set) var lateStarts: UInt64 = 0
    /// Open model: requests still waiting for a connection when the test ended.
    public private(set) var unstarted: UInt64 = 0
    /// Requests still in flight when the stop timeout ran out: sent, but never recorded.
    public private(set) var droppedInFlight: UInt64 = 0
    /// Errors in scenario code by message.
    private(set) var exceptions: [String: ExceptionCount] = [:]

    public init() {}

    /// Records one request.
    public mutating func record(_ outcome: RequestOutcome) {
        let key = EndpointKey(method: outcome.method, name: outcome.name)
        endpoints[key, default: EndpointStats(method: key.method, name: key.name)].record(outcome)
        if let failure = outcome.failure {
            let now = Date().timeIntervalSince1970
            let reason = failure.reason
            let occurrence = FailureCount(
                method: key.method, name: key.name, reason: reason, occurrences: 1, firstSeen: now, lastSeen: now
            )
            add(occurrence, as: FailureKey(endpoint: key, reason: reason))
        }
    }

    /// Adds one request type's statistics.
    mutating func merge(_ stats: EndpointStats) {
        let key = EndpointKey(method: stats.method, name: stats.name)
        endpoints[key, default: EndpointStats(method: key.method, name: key.name)].merge(stats)
    }

    /// Adds failures counted elsewhere.
    mutating func add(_ failure: FailureCount) {
        add(failure, as: FailureKey(endpoint: EndpointKey(method: failure.method, name: failure.name), reason: failure.reason))
    }

    private mutating func add(_ count: FailureCount, as key: FailureKey) {
        if let index = failures.index(forKey: key) {
            failures.values[index].merge(count)
        } else {
            failures[key] = count
        }
    }

    /// Records errors reported by scenario code.
    mutating func recordExceptions(_ messages: [String]) {
        for message in messages { add(ExceptionCount(message: message, occurrences: 1)) }
    }

    /// Adds errors in scenario code counted elsewhere.
    mutating func add(_ exception: ExceptionCount) {
        exceptions[exception.message, default: ExceptionCount(message: exception.message, occurrences: 0)].merge(exception)
    }

    /// Marks every error in scenario code as seen on `node` (a worker's id).
    mutating func attributeExceptions(to node: String) {
        exceptions = exceptions.mapValues { $0.seen(on: node) }
    }

    /// Records requests that could not start on time.
    public mutating func recordLateStarts(_ count: UInt64) {
        lateStarts += count
    }

    /// Records requests that never started before the test ended.
    public mutating func recordUnstarted(_ count: UInt64) {
        unstarted += count
    }

    /// Records requests that were in flight when the stop timeout ran out.
    public mutating func recordDroppedInFlight(_ count: UInt64) {
        droppedInFlight += count
    }

    /// Adds everything `other` recorded.
    public mutating func merge(_ other: StatsRecorder) {
        for stats in other.endpoints.values { merge(stats) }
        for (key, count) in other.failures {
            add(count, as: key)
        }
        for exception in other.exceptions.values { add(exception) }
        lateStarts += other.lateStarts
        unstarted += other.unstarted
        droppedInFlight += other.droppedInFlight
    }

    /// Returns what was recorded and starts afresh.
    public mutating func take() -> StatsRecorder {
        let taken = self
        self = StatsRecorder()
        return taken
    }

    /// All request types together.
    public var aggregated: EndpointStats {
        endpoints.values.reduce(into: EndpointStats(method: "", name: EndpointStats.aggregatedName)) { $0.merge($1) }
    }

    /// Per request type, sorted by name then method.
    public var sortedEndpoints: [EndpointStats] {
        endpoints.keys.sorted().compactMap { endpoints[$0] }
    }

    /// Errors in scenario code, most frequent first.
    public var exceptionCounts: [ExceptionCount] {
        exceptions.values.sorted { ($0.occurrences, $1.message) > ($1.occurrences, $0.message) }
    }

    /// Failures grouped by request type and reason, most frequent first.
    public var failureCounts: [FailureCount] {
        failures.values.sorted { ($0.occurrences, $1.name, $1.reason) > ($1.occurrences, $0.name, $0.reason) }
    }
}
