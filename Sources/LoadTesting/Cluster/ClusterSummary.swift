/// What a distributed run's report adds: each worker, what happened to the cluster, and the
/// master's own CPU use.
public struct ClusterSummary: Sendable, Codable, Equatable {
    /// One worker of the run.
    public struct Worker: Sendable, Codable, Equatable {
        /// 1, 2, ... in the order workers joined.
        public var index: Int
        public var id: String
        public var host: String
        /// running, stopped, missing, disconnected, failed, dropped or refused.
        public var state: String
        /// Seconds into the run when it joined (0 for those there at the start).
        public var joinedAtSeconds: Double
        /// Seconds into the run when it was lost, with why; nil for a worker there to the end.
        public var lostAtSeconds: Double?
        public var lostReason: String?
        public var requests: UInt64
        /// The highest CPU use it reported in any second, as a share of its event-loop threads.
        public var peakCPUUse: Double
        public var peakMemoryBytes: UInt64
    }

    /// Something that changed the cluster during the run.
    public struct Event: Sendable, Codable, Equatable {
        public var elapsedSeconds: Double
        public var message: String
    }

    public var workers: [Worker]
    public var events: [Event]
    /// The master's highest CPU use in any second, as a share of one core.
    public var masterPeakCPUUse: Double
    /// The largest statistics message any worker sent, in bytes (one second of one worker).
    public var largestStatisticsMessageBytes: Int
}
