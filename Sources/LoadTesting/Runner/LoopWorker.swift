import NIOCore

/// The users (closed model) or the arrival driver (open model) living on one event loop, and
/// the statistics they record. Used only on its loop (the runner reaches it through
/// `NIOLoopBound`), so nothing here takes a lock.
final class LoopWorker {
    let loop: any EventLoop
    /// What this loop's users recorded since the runner last took it.
    var recorder = StatsRecorder()
    private var users: [VirtualUser] = []
    private var runningUsers = 0
    private var arrivals: ArrivalDriver?
    private var allStopped: EventLoopPromise<Void>?

    init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Running users (closed model) or requests in flight (open model).
    var concurrency: Int { arrivals?.inFlight ?? runningUsers }

    /// Closed model: starts a user of `type` with the given connection.
    func spawn(userIndex: Int, type: UserType, connection: any UserConnection) {
        let user = VirtualUser(worker: self, userIndex: userIndex, type: type, connection: connection)
        users.append(user)
        runningUsers += 1
        user.start()
    }

    /// Open model: starts `rate` requests per second from `start` until `end` on at most
    /// `maxInFlight` connections.
    func startArrivals(
        scenario: Scenario, client: any LoadClient, rate: Double, maxInFlight: Int, firstSlotIndex: Int,
        from start: ContinuousClock.Instant, until end: ContinuousClock.Instant
    ) {
        let driver = ArrivalDriver(
            worker: self, scenario: scenario, client: client, rate: rate, maxInFlight: maxInFlight,
            firstSlotIndex: firstSlotIndex, from: start, until: end
        )
        arrivals = driver
        driver.start()
    }

    /// Asks every user to stop after its current request (or the arrival driver to start no
    /// more), and stops what still runs after `timeout` at once (requests in flight are then
    /// dropped, not recorded). Completes when everything has stopped.
    func stop(within timeout: TimeAmount) -> EventLoopFuture<Void> {
        let gracefully: EventLoopFuture<Void>
        if let arrivals {
            gracefully = arrivals.stop()
        } else {
            let promise = loop.makePromise(of: Void.self)
            allStopped = promise
            for user in users { user.stop() }
            if runningUsers == 0 {
                allStopped = nil
                promise.succeed()
            }
            gracefully = promise.futureResult
        }
        let deadline = loop.assumeIsolated().scheduleTask(in: timeout) { self.stopNow() }
        return gracefully.always { _ in deadline.cancel() }
    }

    private func stopNow() {
        arrivals?.stopNow()
        for user in users { user.stopNow() }
        users.removeAll()
        allStopped?.succeed()
        allStopped = nil
    }

    /// Called by a user when it has stopped.
    func userDidStop() {
        runningUsers -= 1
        if runningUsers == 0 {
            allStopped?.succeed()
            allStopped = nil
        }
    }
}
