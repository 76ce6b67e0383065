import NIOCore

/// The users (closed model) or the arrival driver (open model) living on one event loop, and
/// the statistics they record. Used only on its loop (the engine reaches it through
/// `NIOLoopBound`), so nothing here takes a lock.
final class LoopWorker {
    let loop: any EventLoop
    /// What this loop's users recorded since the engine last took it.
    var recorder = StatsRecorder()
    /// Running users by index (closed model).
    private var users: [Int: VirtualUser] = [:]
    /// Open model: the arrival driver, and before it those replaced mid-run that may still
    /// have requests in flight.
    private var arrivals: [ArrivalDriver] = []
    private var allStopped: EventLoopPromise<Void>?

    init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Running users (closed model) or requests in flight (open model).
    var concurrency: Int { arrivals.isEmpty ? users.count : arrivals.reduce(0) { $0 + $1.inFlight } }

    /// Closed model: starts user `userIndex` of `type` with the given connection; a user of that
    /// index that is already running is left alone.
    func spawn(userIndex: Int, type: UserType, connection: @autoclosure () -> any UserConnection) {
        guard users[userIndex] == nil, allStopped == nil else { return }
        let user = VirtualUser(worker: self, userIndex: userIndex, type: type, connection: connection())
        users[userIndex] = user
        user.start()
    }

    /// Closed model: asks user `userIndex` to stop after its current request (its outcome is
    /// recorded); nothing when no such user runs here.
    func stopUser(_ userIndex: Int) {
        users[userIndex]?.stop()
    }

    /// Open model: starts `rate` requests per second from `start` until `end` on at most
    /// `maxInFlight` connections. A driver already running stops starting requests; those it
    /// has in flight finish and are recorded.
    func startArrivals(
        scenario: Scenario, client: any LoadClient, rate: Double, maxInFlight: Int, firstSlotIndex: Int,
        from start: ContinuousClock.Instant, until end: ContinuousClock.Instant?
    ) {
        let driver = ArrivalDriver(
            worker: self, scenario: scenario, client: client, rate: rate, maxInFlight: maxInFlight,
            firstSlotIndex: firstSlotIndex, from: start, until: end
        )
        for previous in arrivals { _ = previous.stop() }
        arrivals.append(driver)
        driver.start()
    }

    /// Asks every user to stop after its current request (or the arrival driver to start no
    /// more), and stops what still runs after `timeout` at once: the requests then in flight
    /// are not recorded, only counted (`StatsRecorder.droppedInFlight`). Completes when
    /// everything has stopped.
    func stop(within timeout: TimeAmount) -> EventLoopFuture<Void> {
        let gracefully: EventLoopFuture<Void>
        if !arrivals.isEmpty {
            gracefully = EventLoopFuture.andAllComplete(arrivals.map { $0.stop() }, on: loop)
        } else {
            let promise = loop.makePromise(of: Void.self)
            allStopped = promise
            for user in users.values { user.stop() }
            if users.isEmpty {
                allStopped = nil
                promise.succeed()
            }
            gracefully = promise.futureResult
        }
        let deadline = loop.assumeIsolated().scheduleTask(in: timeout) { self.stopNow() }
        return gracefully.always { _ in deadline.cancel() }
    }

    private func stopNow() {
        var dropped = arrivals.reduce(0) { $0 + $1.stopNow() }
        for user in users.values where user.stopNow() { dropped += 1 }
        users.removeAll()
        recorder.recordDroppedInFlight(UInt64(dropped))
        allStopped?.succeed()
        allStopped = nil
    }

    /// Called by a user when it has stopped.
    func userDidStop(_ userIndex: Int) {
        users[userIndex] = nil
        if users.isEmpty {
            allStopped?.succeed()
            allStopped = nil
        }
    }
}
