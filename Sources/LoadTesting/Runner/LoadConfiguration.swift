/// How a load test runs: the target, the client, and the load shape.
public struct LoadConfiguration: Sendable {
    public var target: TargetAddress
    public var client: ClientKind
    /// The load: a number of users looping over their tasks (closed) or a fixed arrival rate (open).
    public var shape: LoadShape
    /// How long the test runs after it starts spawning users; nil runs it until it is stopped
    /// (from the web UI or by cancelling its task).
    public var runTime: Duration?
    /// At the end, how long users may finish the request they are in (Locust's --stop-timeout);
    /// zero stops them at once and drops requests in flight.
    public var stopTimeout: Duration
    /// How long one request may take before it fails as a timeout.
    public var requestTimeout: Duration
    /// Event-loop threads that run the users.
    public var eventLoopThreads: Int

    public init(
        target: TargetAddress, client: ClientKind = .fast, shape: LoadShape, runTime: Duration?,
        stopTimeout: Duration = .zero, requestTimeout: Duration = .seconds(60), eventLoopThreads: Int = 1
    ) {
        self.target = target
        self.client = client
        self.shape = shape
        self.runTime = runTime
        self.stopTimeout = stopTimeout
        self.requestTimeout = requestTimeout
        self.eventLoopThreads = eventLoopThreads
    }
}

/// The load a test puts on the target.
public enum LoadShape: Sendable, Equatable {
    /// Locust's model: `users` users, started at `spawnRate` per second, each running its next
    /// task only after the previous one ended (and its wait time passed).
    case closed(users: Int, spawnRate: Double)
    /// wrk2's and k6's constant arrival rate: `arrivalRate` tasks (requests) start per second
    /// whatever the target does, on at most `maxInFlight` connections. Response times count
    /// from each request's intended start, so a stalling target cannot hide its stall
    /// (coordinated-omission correction); wait times are not used.
    case open(arrivalRate: Double, maxInFlight: Int)
}
