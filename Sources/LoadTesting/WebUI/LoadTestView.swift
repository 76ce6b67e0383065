/// A load-test session at one moment, as the web UI's routes render it.
public struct LoadTestView: Sendable {
    public let state: LoadTestSession.State
    /// Which test of the session this is (0 before the first).
    public let testNumber: Int
    public let configuration: LoadConfiguration
    public let scenario: Scenario
    /// The latest statistics (empty before the first second).
    public let snapshot: StatsSnapshot
    /// Cluster events (workers lost or joined, users rebalanced), for the charts' markers.
    public let events: [ClusterSummary.Event]
    /// The master's workers; nil for a single-process session.
    public let workers: [WorkerStatus]?
    /// Why the last test could not run, if it could not.
    public let error: String?
    /// The latest log lines, oldest first.
    public let logs: [String]
}
