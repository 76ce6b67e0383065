import Foundation
import Reporting

/// The master's view of its workers: who joined, what each was assigned, their heartbeats and
/// statistics. Every worker connection hands its messages here; the master's run loop asks it
/// for each second's merged statistics. It never trusts a worker's data: a message that does
/// not decode, or holds numbers that cannot be, drops that worker with the reason logged.
actor ClusterHub {
    /// A worker missing heartbeats this long is written off.
    static let heartbeatTimeout: Duration = .seconds(3)

    /// Outbound messages of one connection; finishing it closes the connection.
    typealias Outbound = AsyncStream<MasterMessage>.Continuation

    private struct Record {
        var summary: ClusterSummary.Worker
        var connection: Int?
        var isActive: Bool { connection != nil && summary.state == "running" }
        var users: [Int] = []
        var lastHeartbeat: ContinuousClock.Instant
        var lastSequence = 0
        var concurrency = 0
        var hasSentFinal = false
        /// CPU use in its last heartbeat, as a share of its event-loop threads.
        var cpuUse = 0.0
    }

    /// What the current (or last) run does; nil before the first.
    private var plan: ClusterRunPlan?
    private let token: String?
    private let log: @Sendable (String) -> Void
    private var nextConnection = 0
    private var outbound: [Int: Outbound] = [:]
    private var addresses: [Int: String] = [:]
    /// Connections whose handler still runs.
    private var openConnections = 0
    private var workerOfConnection: [Int: String] = [:]
    private var records: [String: Record] = [:]
    /// Worker ids in join order.
    private var order: [String] = []
    private var epoch = 0
    private var runStart: ContinuousClock.Instant?
    private var isStopping = false
    /// Set by `finish()`: connections closing after it are no loss.
    private var isFinished = false
    private var pending = StatsRecorder()
    private var events: [ClusterSummary.Event] = []
    private var largestStatisticsMessage = 0

    init(plan: ClusterRunPlan? = nil, token: String?, log: @escaping @Sendable (String) -> Void) {
        self.plan = plan
        self.token = token
        self.log = log
    }

    // MARK: Connections

    /// A new connection from `address` (the peer's IP address, when known): its number and the
    /// messages to send on it.
    func connect(from address: String? = nil) -> (connection: Int, messages: AsyncStream<MasterMessage>) {
        nextConnection += 1
        openConnections += 1
        let (stream, continuation) = AsyncStream<MasterMessage>.makeStream()
        outbound[nextConnection] = continuation
        addresses[nextConnection] = address
        return (nextConnection, stream)
    }

    /// The connection closed (the worker left, died, or was dropped).
    func disconnected(_ connection: Int, at now: ContinuousClock.Instant = .now) {
        outbound.removeValue(forKey: connection)?.finish()
        addresses.removeValue(forKey: connection)
        guard let id = workerOfConnection.removeValue(forKey: connection), !isFinished else { return }
        writeOff(id, state: "disconnected", reason: "its connection closed", at: now)
    }

    /// A connection's handler has ended: what was queued for it was written, or it closed.
    func connectionEnded() {
        openConnections -= 1
    }

    /// Whether any connection's handler still runs.
    var hasOpenConnections: Bool { openConnections > 0 }

    /// One text message from a connection.
    func receive(_ text: String, on connection: Int, at now: ContinuousClock.Instant = .now) {
        guard let id = workerOfConnection[connection] else {
            return greet(text, on: connection, at: now)
        }
        let message: WorkerMessage
        do {
            message = try ClusterCoding.decode(WorkerMessage.self, from: text)
        } catch {
            return drop(id, reason: "sent a malformed message (\(Self.describe(error)))", at: now)
        }
        switch message {
        case .hello:
            drop(id, reason: "sent a second hello", at: now)
        case .heartbeat(let beat):
            guard beat.users >= 0, beat.cpuUse.isFinite, beat.cpuUse >= 0 else {
                return drop(id, reason: "sent a heartbeat with impossible values", at: now)
            }
            update(id) { record in
                record.lastHeartbeat = now
                record.cpuUse = min(beat.cpuUse, 1)
                record.summary.peakCPUUse = max(record.summary.peakCPUUse, min(beat.cpuUse, 1))
                record.summary.peakMemoryBytes = max(record.summary.peakMemoryBytes, beat.peakMemoryBytes)
            }
        case .stats(let stats):
            largestStatisticsMessage = max(largestStatisticsMessage, text.utf8.count)
            accept(stats, from: id, at: now)
        case .failed(let failure):
            guard failure.epoch == epoch else { return }
            writeOff(id, state: "failed", reason: failure.reason, at: now)
        }
    }

    private func greet(_ text: String, on connection: Int, at now: ContinuousClock.Instant) {
        let current = ClusterProtocolVersion.current
        func refuse(_ reason: String) {
            log("Refused a worker: \(reason)")
            outbound[connection]?.yield(.refused(body: MasterRefusal(protocolVersion: current, reason: reason)))
            outbound.removeValue(forKey: connection)?.finish()
        }
        guard let version = ClusterCoding.announcedVersion(in: text) else {
            return refuse("its first message was not a hello of the ScaleLab cluster protocol")
        }
        guard version.isCompatible(with: current) else {
            return refuse("it speaks cluster protocol \(version) and this master speaks \(current); run the same major version of scalelab on both")
        }
        guard case .hello(let hello)? = try? ClusterCoding.decode(WorkerMessage.self, from: text) else {
            return refuse("its hello does not decode")
        }
        guard Self.tokensMatch(hello.token, token) else {
            return refuse(hello.token == nil ? "it sent no token; give it the master's --auth-token (or SCALELAB_CLUSTER_TOKEN)" : "its token is wrong")
        }
        guard records[hello.workerID].map({ !$0.isActive }) ?? true, hello.workerID.utf8.count <= 256, hello.host.utf8.count <= 256 else {
            return refuse("a worker with id \(hello.workerID) is already connected, or its id or host is too long")
        }
        if let stale = hello.runningEpoch, stale != epoch || isStopping {
            // Load from a run the master has written off or ended must stop at once.
            outbound[connection]?.yield(.stop(body: StopOrder(epoch: stale, timeoutSeconds: 0)))
        }
        let index = order.count + 1
        let id = hello.workerID
        let host = addresses[connection].map { "\(hello.host) (\($0))" } ?? hello.host
        if records[id] == nil { order.append(id) }
        records[id] = Record(
            summary: ClusterSummary.Worker(
                index: records[id]?.summary.index ?? index, id: id, host: host, state: "running",
                joinedAtSeconds: elapsed(at: now), requests: records[id]?.summary.requests ?? 0, peakCPUUse: 0, peakMemoryBytes: 0),
            connection: connection, lastHeartbeat: now
        )
        workerOfConnection[connection] = id
        outbound[connection]?.yield(.welcome(body: MasterWelcome(protocolVersion: current, workerIndex: records[id]!.summary.index)))
        log("Worker \(records[id]!.summary.index) joined: \(id) on \(host), \(hello.cores) cores.")
        if runStart != nil, !isStopping {
            note("worker \(records[id]!.summary.index) (\(host)) joined; users rebalanced", at: now)
            rebalance(at: now)
        }
    }

    private func accept(_ stats: IntervalStats, from id: String, at now: ContinuousClock.Instant) {
        guard let record = records[id], stats.epoch == epoch else { return }
        guard stats.sequence == record.lastSequence + 1 else {
            return drop(id, reason: "sent statistics number \(stats.sequence) after number \(record.lastSequence)", at: now)
        }
        var delta: StatsRecorder
        do {
            delta = try stats.validatedRecorder()
            delta.attributeExceptions(to: id)
        } catch {
            return drop(id, reason: "sent impossible statistics (\(error))", at: now)
        }
        pending.merge(delta)
        update(id) { record in
            record.lastSequence = stats.sequence
            record.concurrency = stats.concurrency
            record.summary.requests += delta.aggregated.requests
            if stats.isFinal { record.hasSentFinal = true }
        }
    }

    // MARK: The run

    /// Workers connected and ready.
    var activeWorkerCount: Int { records.values.filter(\.isActive).count }

    /// Starts a run of `newPlan` (or of the plan given before): every worker gets its share.
    /// A run after an earlier one starts with fresh per-worker counts and events, and without
    /// the workers lost before it.
    func startRun(_ newPlan: ClusterRunPlan? = nil, at now: ContinuousClock.Instant = .now) {
        if let newPlan { plan = newPlan }
        epoch += 1
        runStart = now
        isStopping = false
        pending = StatsRecorder()
        events = []
        largestStatisticsMessage = 0
        order.removeAll { records[$0]?.isActive != true }
        records = records.filter { $0.value.isActive }
        for id in order {
            update(id) { record in
                record.users = []
                record.lastSequence = 0
                record.hasSentFinal = false
                record.concurrency = 0
                record.summary.requests = 0
                record.summary.joinedAtSeconds = 0
                record.summary.peakCPUUse = record.cpuUse
            }
        }
        note("run started with \(activeWorkerCount) worker(s)", at: now)
        rebalance(at: now)
    }

    /// Closed model: runs `users` users from now on, started at `spawnRate` per second, shared
    /// among the workers (each keeps what it can of what it runs).
    func resize(users: Int, spawnRate: Double, at now: ContinuousClock.Instant = .now) {
        guard var plan, case .closed = plan.configuration.shape, !isStopping else { return }
        plan.configuration.shape = .closed(users: users, spawnRate: spawnRate)
        self.plan = plan
        note("resized to \(users) user(s) at \(NumberFormatting.significant(spawnRate))/s; users rebalanced", at: now)
        rebalance(at: now)
    }

    /// Every worker that joined, with its state now.
    func workerStatus(at now: ContinuousClock.Instant = .now) -> [WorkerStatus] {
        order.compactMap { id in
            guard let record = records[id] else { return nil }
            return WorkerStatus(
                index: record.summary.index, id: id, host: record.summary.host, state: record.summary.state,
                users: record.isActive ? record.concurrency : 0, cpuUse: record.cpuUse,
                peakMemoryBytes: record.summary.peakMemoryBytes, secondsSinceHeartbeat: (now - record.lastHeartbeat).seconds)
        }
    }

    /// Writes off workers without a heartbeat for `heartbeatTimeout`.
    func checkHeartbeats(at now: ContinuousClock.Instant = .now) {
        for id in order where records[id]?.isActive == true {
            if let last = records[id]?.lastHeartbeat, now - last > Self.heartbeatTimeout {
                drop(id, state: "missing", reason: "no heartbeat for \(DurationText.format(Self.heartbeatTimeout))", at: now)
            }
        }
    }

    /// What the workers sent since the last call, the users they run now, and the highest CPU
    /// use any of them reported last (a share of its event-loop threads).
    func takeSecond() -> (recorder: StatsRecorder, concurrency: Int, busiestWorkerCPUUse: Double) {
        let taken = pending.take()
        let active = records.values.filter(\.isActive)
        return (taken, active.reduce(0) { $0 + $1.concurrency }, active.map(\.cpuUse).max() ?? 0)
    }

    /// Tells every worker to stop within `timeout` and send its final statistics.
    func stopRun(within timeout: Duration) {
        isStopping = true
        for id in order {
            guard let record = records[id], record.isActive, let connection = record.connection else { continue }
            outbound[connection]?.yield(.stop(body: StopOrder(epoch: epoch, timeoutSeconds: timeout.seconds)))
        }
    }

    /// Whether every worker still connected has sent its final statistics.
    var haveAllStopped: Bool {
        records.values.allSatisfy { !$0.isActive || $0.hasSentFinal }
    }

    /// Tells every worker to quit and closes every connection.
    func finish() {
        isFinished = true
        for (connection, continuation) in outbound {
            if workerOfConnection[connection] != nil { continuation.yield(.quit) }
            continuation.finish()
        }
        outbound.removeAll()
    }

    /// The workers and events for the final report.
    func summary(masterPeakCPUUse: Double) -> ClusterSummary {
        ClusterSummary(
            workers: order.compactMap { id in
                guard var worker = records[id]?.summary else { return nil }
                if worker.state == "running" { worker.state = isStopping ? "stopped" : "running" }
                return worker
            },
            events: events, masterPeakCPUUse: masterPeakCPUUse, largestStatisticsMessageBytes: largestStatisticsMessage
        )
    }

    /// Events so far.
    var eventLog: [ClusterSummary.Event] { events }

    // MARK: Helpers

    private func drop(_ id: String, state: String = "dropped", reason: String, at now: ContinuousClock.Instant) {
        guard let connection = records[id]?.connection else { return }
        // Tell it to stop at once, then close: no load from a worker the master has written off.
        outbound[connection]?.yield(.stop(body: StopOrder(epoch: epoch, timeoutSeconds: 0)))
        outbound.removeValue(forKey: connection)?.finish()
        workerOfConnection.removeValue(forKey: connection)
        writeOff(id, state: state, reason: reason, at: now)
    }

    private func writeOff(_ id: String, state: String, reason: String, at now: ContinuousClock.Instant) {
        guard var record = records[id], record.connection != nil else { return }
        let wasRunning = record.isActive
        record.connection = nil
        record.summary.state = state
        record.summary.lostAtSeconds = elapsed(at: now)
        record.summary.lostReason = reason
        let users = record.users.count
        record.users = []
        records[id] = record
        let name = "worker \(record.summary.index) (\(record.summary.host))"
        log("Lost \(name): \(reason).")
        guard wasRunning, runStart != nil, !isStopping else { return }
        let others = activeWorkerCount
        note(
            others > 0
                ? "\(name) lost (\(reason)); its \(users) user(s) given to \(others) other worker(s)"
                : "\(name) lost (\(reason)); no worker left to take its users", at: now)
        rebalance(at: now)
    }

    /// Sends every active worker its share, where it changed.
    private func rebalance(at now: ContinuousClock.Instant) {
        guard let plan, runStart != nil, !isStopping else { return }
        let active = order.filter { records[$0]?.isActive == true }
        let timeLeft = plan.configuration.runTime.map { max(0, ($0 - (now - (runStart ?? now))).seconds) }
        func send(_ load: WorkerAssignment.Load, to id: String) {
            guard let connection = records[id]?.connection else { return }
            let assignment = WorkerAssignment(
                epoch: epoch, scenario: plan.scenarioSource, target: plan.configuration.target.description,
                client: plan.configuration.client, requestTimeoutSeconds: plan.configuration.requestTimeout.seconds,
                runTimeLeftSeconds: timeLeft, load: load
            )
            outbound[connection]?.yield(.assign(body: assignment))
        }
        switch plan.configuration.shape {
        case .closed(let users, let spawnRate):
            let current = Dictionary(uniqueKeysWithValues: active.map { ($0, records[$0]?.users ?? []) })
            let shares = UserAllocation.users(users, among: active, keeping: current)
            for id in active {
                let mine = shares[id] ?? []
                guard mine != records[id]?.users || records[id]?.lastSequence == 0 else { continue }
                update(id) { $0.users = mine }
                send(.users(indices: mine, spawnRate: spawnRate / Double(active.count)), to: id)
            }
        case .open(let rate, let maxInFlight):
            let shares = UserAllocation.arrivals(rate: rate, maxInFlight: maxInFlight, among: active)
            for id in active {
                guard let share = shares[id] else { continue }
                send(.arrivals(rate: share.rate, maxInFlight: share.maxInFlight, firstSlotIndex: share.firstSlotIndex), to: id)
            }
        }
    }

    /// Changes one worker's record (a copy written back: no access to `records` stays open
    /// while the change runs).
    private func update(_ id: String, _ change: (inout Record) -> Void) {
        guard var record = records[id] else { return }
        change(&record)
        records[id] = record
    }

    private func note(_ message: String, at now: ContinuousClock.Instant) {
        events.append(ClusterSummary.Event(elapsedSeconds: elapsed(at: now), message: message))
    }

    private func elapsed(at now: ContinuousClock.Instant) -> Double {
        runStart.map { (now - $0).seconds } ?? 0
    }

    /// Whether a worker's token lets it in: any when the master has none, else the same one
    /// (compared in constant time).
    static func tokensMatch(_ given: String?, _ expected: String?) -> Bool {
        guard let expected else { return true }
        guard let given else { return false }
        return ConstantTimeComparison.equals(given, expected)
    }

    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
            @unknown default:
                return "\(decoding)"
            }
        }
        return "\(error)"
    }
}
