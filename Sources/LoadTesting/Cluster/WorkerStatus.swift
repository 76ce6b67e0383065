/// One worker as the master sees it now (the web UI's Workers tab).
public struct WorkerStatus: Sendable, Codable, Equatable {
    /// 1, 2, ... in the order workers joined.
    public var index: Int
    public var id: String
    /// Its host name with the address the master sees.
    public var host: String
    /// running, missing, disconnected, failed or dropped.
    public var state: String
    /// Users it runs (closed model) or requests it has in flight (open model), as last reported.
    public var users: Int
    /// CPU use in its last heartbeat, as a share of its event-loop threads (0...1).
    public var cpuUse: Double
    public var peakMemoryBytes: UInt64
    /// Seconds since its last heartbeat.
    public var secondsSinceHeartbeat: Double
}
