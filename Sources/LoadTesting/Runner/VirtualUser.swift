import NIOCore

/// One simulated user of the closed model: picks a task, sends its request, records the
/// outcome, waits, and loops, all on its event loop.
final class VirtualUser {
    private unowned let worker: LoopWorker
    private let userIndex: Int
    private let type: UserType
    private let connection: any UserConnection
    private var context: UserContext
    private var waitTask: Scheduled<Void>?
    private var isStopping = false
    private var isDroppingOutcomes = false
    private var hasStopped = false
    /// True from sending a request until its completion ran.
    private var isAwaitingResponse = false
    /// True while `connection.send` runs: a completion that comes before it returns must not
    /// start the next task there (the stack would grow with every request).
    private var isSending = false

    init(worker: LoopWorker, userIndex: Int, type: UserType, connection: any UserConnection) {
        self.worker = worker
        self.userIndex = userIndex
        self.type = type
        self.connection = connection
        self.context = UserContext(userIndex: userIndex)
    }

    func start() {
        runNextTask()
    }

    /// Stop after the request in flight, or at once when waiting.
    func stop() {
        isStopping = true
        if let waitTask {
            waitTask.cancel()
            self.waitTask = nil
            finish()
        }
    }

    /// Stop at once; the request in flight is dropped. Returns whether one was in flight.
    @discardableResult
    func stopNow() -> Bool {
        let dropsRequest = isAwaitingResponse && !hasStopped
        isStopping = true
        isDroppingOutcomes = true
        waitTask?.cancel()
        waitTask = nil
        connection.close()
        finish()
        return dropsRequest
    }

    private func runNextTask() {
        waitTask = nil
        guard !isStopping else { return finish() }
        let task = type.randomTask(using: &context.random)
        let request = task.makeRequest(&context)
        let start = ContinuousClock.now
        isSending = true
        isAwaitingResponse = true
        defer { isSending = false }
        connection.send(request) { result in
            self.isAwaitingResponse = false
            let elapsed = ContinuousClock.now - start
            guard !self.isDroppingOutcomes else { return }
            let outcome = RequestOutcome(request: request, result: result, duration: elapsed)
            task.handle(result, of: outcome, context: &self.context)
            self.worker.recorder.record(outcome)
            self.worker.recorder.recordExceptions(self.context.takeProblems())
            self.waitThenContinue(afterTaskThatTook: elapsed)
        }
    }

    private func waitThenContinue(afterTaskThatTook elapsed: Duration) {
        guard !isStopping else { return finish() }
        let delay = type.wait.delay(afterTaskThatTook: elapsed, using: &context.random)
        let loop = worker.loop.assumeIsolated()
        if delay <= .zero {
            // Usually this runs inside the channel's read, so the next request is written at
            // once; a completion inside send goes through the loop's queue instead.
            if isSending { loop.execute { self.runNextTask() } } else { runNextTask() }
        } else {
            waitTask = loop.scheduleTask(in: TimeAmount(delay)) { self.runNextTask() }
        }
    }

    private func finish() {
        guard !hasStopped else { return }
        hasStopped = true
        connection.close()
        worker.userDidStop(userIndex)
    }
}
