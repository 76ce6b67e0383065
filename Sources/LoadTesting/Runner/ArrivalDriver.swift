import NIOCore

/// The open model on one event loop: starts requests at a fixed rate whatever the target
/// does, on a pool of at most `maxInFlight` connections. A request with no free connection at
/// its intended time waits in a queue, is counted as a late start, and its response time still
/// counts from its intended start.
final class ArrivalDriver {
    /// A connection with the state of the user type whose tasks it runs.
    private final class Slot {
        let connection: any UserConnection
        let type: UserType
        var context: UserContext

        init(connection: any UserConnection, type: UserType, index: Int) {
            self.connection = connection
            self.type = type
            self.context = UserContext(userIndex: index)
        }
    }

    private unowned let worker: LoopWorker
    private let scenario: Scenario
    private let client: any LoadClient
    private let interval: Duration
    private let maxInFlight: Int
    private let firstSlotIndex: Int
    private let startTime: ContinuousClock.Instant
    private let endTime: ContinuousClock.Instant?
    private var issued = 0
    private var slots: [Slot] = []
    private var idle: [Slot] = []
    private var backlog: [ContinuousClock.Instant] = []
    private var backlogHead = 0
    private var timer: Scheduled<Void>?
    private var isStopping = false
    private var isDroppingOutcomes = false
    private var stopped: EventLoopPromise<Void>?
    /// Completes when the driver has stopped; set by the first `stop()`.
    private var stopping: EventLoopFuture<Void>?

    /// A driver starting `rate` requests per second from `start` until `end` (nil: until it is
    /// stopped) on at most
    /// `maxInFlight` connections; connection slots are numbered from `firstSlotIndex` (for
    /// their user contexts).
    init(
        worker: LoopWorker, scenario: Scenario, client: any LoadClient, rate: Double, maxInFlight: Int,
        firstSlotIndex: Int, from start: ContinuousClock.Instant, until end: ContinuousClock.Instant?
    ) {
        self.worker = worker
        self.scenario = scenario
        self.client = client
        self.interval = .seconds(1 / rate)
        self.maxInFlight = maxInFlight
        self.firstSlotIndex = firstSlotIndex
        self.startTime = start
        self.endTime = end
    }

    /// Requests in flight now.
    var inFlight: Int { slots.count - idle.count }

    func start() {
        startDueRequests()
    }

    /// Stops starting requests; completes when the requests in flight have ended. Requests
    /// still queued are counted as never started. Calling it again returns the same future.
    func stop() -> EventLoopFuture<Void> {
        if let stopping { return stopping }
        isStopping = true
        timer?.cancel()
        timer = nil
        worker.recorder.recordUnstarted(UInt64(backlog.count - backlogHead))
        backlog.removeAll()
        backlogHead = 0
        let promise = worker.loop.makePromise(of: Void.self)
        stopped = promise
        stopping = promise.futureResult
        if inFlight == 0 {
            stopped = nil
            promise.succeed()
        }
        return promise.futureResult
    }

    /// Drops the requests in flight (not recorded) and closes every connection. Returns how
    /// many requests were in flight.
    func stopNow() -> Int {
        let dropped = isDroppingOutcomes ? 0 : inFlight
        isStopping = true
        isDroppingOutcomes = true
        timer?.cancel()
        timer = nil
        for slot in slots { slot.connection.close() }
        stopped?.succeed()
        stopped = nil
        return dropped
    }

    private func startDueRequests() {
        guard !isStopping else { return }
        let now = ContinuousClock.now
        while startTime + interval * issued <= min(now, endTime ?? now) {
            let intended = startTime + interval * issued
            issued += 1
            if let slot = freeSlot() {
                send(on: slot, intendedStart: intended)
            } else {
                backlog.append(intended)
                worker.recorder.recordLateStarts(1)
            }
        }
        let next = startTime + interval * issued
        if let endTime, next >= endTime { return }
        timer = worker.loop.assumeIsolated().scheduleTask(in: TimeAmount(next - now)) {
            self.startDueRequests()
        }
    }

    private func freeSlot() -> Slot? {
        if let slot = idle.popLast() { return slot }
        guard slots.count < maxInFlight else { return nil }
        let index = firstSlotIndex + slots.count
        let slot = Slot(
            connection: client.makeConnection(on: worker.loop), type: scenario.userType(forUser: index), index: index
        )
        slots.append(slot)
        return slot
    }

    private func send(on slot: Slot, intendedStart: ContinuousClock.Instant) {
        let task = slot.type.randomTask(using: &slot.context.random)
        let request = task.makeRequest(&slot.context)
        let started = ContinuousClock.now
        slot.connection.send(request) { result in
            guard !self.isDroppingOutcomes else { return }
            let end = ContinuousClock.now
            let outcome = RequestOutcome(
                request: request, result: result, duration: end - intendedStart, serviceTime: end - started
            )
            task.handle(result, of: outcome, context: &slot.context)
            self.worker.recorder.record(outcome)
            self.worker.recorder.recordExceptions(slot.context.takeProblems())
            self.release(slot)
        }
    }

    private func release(_ slot: Slot) {
        if !isStopping, backlogHead < backlog.count {
            let intended = backlog[backlogHead]
            backlogHead += 1
            if backlogHead > 1_024, backlogHead * 2 > backlog.count {
                backlog.removeFirst(backlogHead)
                backlogHead = 0
            }
            worker.loop.assumeIsolated().execute { self.send(on: slot, intendedStart: intended) }
            return
        }
        idle.append(slot)
        if isStopping, inFlight == 0 {
            stopped?.succeed()
            stopped = nil
        }
    }
}
