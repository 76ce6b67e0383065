import Reporting

/// A worker's side of a distributed run: applies the master's assignments to its load engine,
/// and queues the messages to send (in order, so statistics numbers never arrive out of
/// order). Load runs on the engine's event loops; nothing here runs there.
actor WorkerAgent {
    private let threads: Int
    private let scenarios: [String: Scenario]
    private let outbound: AsyncStream<WorkerMessage>.Continuation
    private let log: @Sendable (String) -> Void
    private var engine: LoadEngine?
    private var scenario: Scenario?
    private var epoch = 0
    private var sequence = 0
    private var spawner = UserSpawner<ContinuousClock.Instant>(start: .now)
    private var spawning: Task<Void, Never>?
    /// Users running (closed model) or requests in flight (open model), as last collected.
    private(set) var concurrency = 0
    /// Why the master refused this worker, if it did.
    private(set) var refusal: String?
    /// Whether the master said the session is over.
    private(set) var hasQuit = false
    /// Whether the connection to the master was ever made.
    private(set) var didConnect = false

    init(
        threads: Int, scenarios: [String: Scenario] = [:], outbound: AsyncStream<WorkerMessage>.Continuation,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.threads = threads
        self.scenarios = scenarios
        self.outbound = outbound
        self.log = log
    }

    func markConnected() {
        didConnect = true
    }

    /// The epoch of the run in progress, for a hello after a reconnect.
    var runningEpoch: Int? { engine == nil ? nil : epoch }

    /// Acts on one message from the master.
    func handle(_ message: MasterMessage) async {
        switch message {
        case .welcome(let welcome):
            guard welcome.protocolVersion.isCompatible(with: .current) else {
                return refuse(speaking: welcome.protocolVersion, "")
            }
            log("Connected to the master as worker \(welcome.workerIndex) (protocol \(welcome.protocolVersion)).")
        case .refused(let refusal):
            refuse(speaking: refusal.protocolVersion, refusal.reason)
        case .assign(let assignment):
            await apply(assignment)
        case .stop(let order):
            await stop(order)
        case .quit:
            hasQuit = true
        }
    }

    /// Sends the statistics recorded since the last call (nothing when no run is going on).
    func sendStatistics() async {
        guard let engine else { return }
        guard let (recorder, running, _) = try? await engine.collect(), self.engine === engine else { return }
        concurrency = running
        sequence += 1
        outbound.yield(.stats(body: IntervalStats(epoch: epoch, sequence: sequence, isFinal: false, recorder: recorder, concurrency: running)))
    }

    /// Stops any load at once (the master is gone or wrote this worker off).
    func abandon() async {
        guard let engine else { return }
        self.engine = nil
        spawning?.cancel()
        try? await engine.stop(within: .zero)
        await engine.shutdown()
        spawner = UserSpawner(start: .now)
        concurrency = 0
        log("Stopped the load: the master is gone.")
    }

    private func apply(_ assignment: WorkerAssignment) async {
        if assignment.epoch != epoch { await abandon() }
        let configuration: LoadConfiguration
        let scenario: Scenario
        do {
            configuration = try assignment.configuration(threads: threads)
            scenario = try assignment.scenario.scenario(registered: scenarios)
        } catch {
            return fail(epoch: assignment.epoch, "its assignment is invalid: \(error)")
        }
        epoch = assignment.epoch
        if engine == nil {
            do {
                engine = try await LoadEngine.start(configuration)
                sequence = 0
                spawner = UserSpawner(start: .now)
            } catch {
                return fail(epoch: assignment.epoch, "\(error)")
            }
        }
        guard let engine else { return }
        self.scenario = scenario
        let now = ContinuousClock.now
        switch assignment.load {
        case .users(let indices, let spawnRate):
            for index in spawner.assign(indices, spawnRate: spawnRate, from: now) { engine.stopUser(index) }
            startSpawning()
            log("Assigned \(indices.count) user(s) at \(NumberFormatting.significant(spawnRate))/s.")
        case .arrivals(let rate, let maxInFlight, let firstSlotIndex):
            engine.startArrivals(
                scenario: scenario, rate: rate, maxInFlight: maxInFlight, firstSlotIndex: firstSlotIndex, from: now,
                until: configuration.runTime.map { now + $0 }
            )
            log("Assigned \(NumberFormatting.significant(rate)) requests/s on at most \(maxInFlight) connection(s).")
        }
    }

    private func stop(_ order: StopOrder) async {
        guard let engine, order.epoch == epoch else { return }
        self.engine = nil
        spawning?.cancel()
        try? await engine.stop(within: .seconds(order.timeoutSeconds))
        let (recorder, _, _) = (try? await engine.collect()) ?? (StatsRecorder(), 0, 0)
        await engine.shutdown()
        spawner = UserSpawner(start: .now)
        concurrency = 0
        sequence += 1
        outbound.yield(.stats(body: IntervalStats(epoch: epoch, sequence: sequence, isFinal: true, recorder: recorder, concurrency: 0)))
        log("Stopped; final statistics sent.")
    }

    private func refuse(speaking version: ClusterProtocolVersion, _ reason: String) {
        refusal = version.isCompatible(with: .current)
            ? reason
            : "the master speaks cluster protocol \(version) and this worker speaks \(ClusterProtocolVersion.current); run the same major version of scalelab on both"
    }

    private func fail(epoch: Int, _ reason: String) {
        log("Cannot run: \(reason)")
        outbound.yield(.failed(body: WorkerFailure(epoch: epoch, reason: reason)))
    }

    private func startSpawning() {
        spawning?.cancel()
        spawning = Task { [weak self] in
            while !Task.isCancelled, let next = await self?.spawnDueUsers() {
                try? await ContinuousClock().sleep(until: next)
            }
        }
    }

    /// Starts the users due now; returns when the next is due, nil when none is left.
    private func spawnDueUsers() -> ContinuousClock.Instant? {
        guard let engine, let scenario else { return nil }
        for index in spawner.dueUsers(at: .now) {
            engine.spawn(userIndex: index, type: scenario.userType(forUser: index))
        }
        return spawner.nextSpawn
    }
}
