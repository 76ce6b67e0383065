import NIOCore
import NIOPosix

/// The event loops, the client and the users of one generator process: what a single-process
/// run and a cluster worker share. Users are started and stopped by index, so that a worker
/// can be given a different set of users mid-run.
final class LoadEngine: Sendable {
    let configuration: LoadConfiguration
    private let group: MultiThreadedEventLoopGroup
    private let client: any LoadClient
    private let workers: [NIOLoopBound<LoopWorker>]

    private init(
        configuration: LoadConfiguration, group: MultiThreadedEventLoopGroup, client: any LoadClient,
        workers: [NIOLoopBound<LoopWorker>]
    ) {
        self.configuration = configuration
        self.group = group
        self.client = client
        self.workers = workers
    }

    /// Starts the event loops and checks that the target answers; throws
    /// `LoadTestError.targetUnreachable` (after releasing everything) when it does not.
    static func start(_ configuration: LoadConfiguration) async throws -> LoadEngine {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
        let client = makeClient(configuration, group: group)
        do {
            try await checkTargetAnswers(configuration, on: group.next())
            var workers: [NIOLoopBound<LoopWorker>] = []
            for loop in group.makeIterator() {
                workers.append(try await loop.submit { NIOLoopBound(LoopWorker(loop: loop), eventLoop: loop) }.get())
            }
            return LoadEngine(configuration: configuration, group: group, client: client, workers: workers)
        } catch {
            try? await client.shutdown()
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Closed model: starts user `userIndex` of `type` (on loop `userIndex % threads`); nothing
    /// when it already runs.
    func spawn(userIndex: Int, type: UserType) {
        let worker = workers[userIndex % workers.count]
        let client = self.client
        worker.eventLoop.execute {
            worker.value.spawn(userIndex: userIndex, type: type, connection: client.makeConnection(on: worker.eventLoop))
        }
    }

    /// Closed model: stops user `userIndex` after its current request, which is recorded.
    func stopUser(_ userIndex: Int) {
        let worker = workers[userIndex % workers.count]
        worker.eventLoop.execute { worker.value.stopUser(userIndex) }
    }

    /// Open model: every loop starts its share of `rate` and of `maxInFlight` connections,
    /// whose user contexts are numbered from `firstSlotIndex`, until `end` (nil: until stopped).
    func startArrivals(
        scenario: Scenario, rate: Double, maxInFlight: Int, firstSlotIndex: Int = 0,
        from start: ContinuousClock.Instant, until end: ContinuousClock.Instant?
    ) {
        let count = workers.count
        let shares = Self.split(maxInFlight, into: count)
        var slot = firstSlotIndex
        for (worker, connections) in zip(workers, shares) {
            let client = self.client
            let first = slot
            worker.eventLoop.execute {
                worker.value.startArrivals(
                    scenario: scenario, client: client, rate: rate / Double(count), maxInFlight: max(1, connections),
                    firstSlotIndex: first, from: start, until: end
                )
            }
            slot += connections
        }
    }

    /// Takes what every loop recorded since the last call, and the users running (or requests
    /// in flight) now.
    func collect() async throws -> (recorder: StatsRecorder, concurrency: Int, cpuSeconds: Double) {
        var delta = StatsRecorder()
        var concurrency = 0
        var cpuSeconds = 0.0
        for worker in workers {
            let (recorder, running, threadSeconds) = try await worker.eventLoop.submit {
                (worker.value.recorder.take(), worker.value.concurrency, CPUMeter.currentThreadSeconds())
            }.get()
            delta.merge(recorder)
            concurrency += running
            cpuSeconds += threadSeconds
        }
        return (delta, concurrency, cpuSeconds)
    }

    /// The CPU time the event-loop threads have used so far, in seconds.
    func cpuSeconds() async throws -> Double {
        var total = 0.0
        for worker in workers {
            total += try await worker.eventLoop.submit { CPUMeter.currentThreadSeconds() }.get()
        }
        return total
    }

    /// Stops every user after its current request, and at once after `timeout`.
    func stop(within timeout: Duration) async throws {
        for worker in workers {
            try await worker.eventLoop.flatSubmit { worker.value.stop(within: TimeAmount(timeout)) }.get()
        }
    }

    /// Releases the client and the event loops; call once, after `stop(within:)`.
    func shutdown() async {
        try? await client.shutdown()
        try? await group.shutdownGracefully()
    }

    /// `total` split into `parts` shares that differ by at most one, the larger first.
    static func split(_ total: Int, into parts: Int) -> [Int] {
        (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
    }

    private static func makeClient(_ configuration: LoadConfiguration, group: MultiThreadedEventLoopGroup) -> any LoadClient {
        switch configuration.client {
        case .fast:
            return FastClient(target: configuration.target, timeout: configuration.requestTimeout)
        case .standard:
            let connections = switch configuration.shape {
            case .closed(let users, _): users
            case .open(_, let maxInFlight): maxInFlight
            }
            return StandardClient(
                target: configuration.target, timeout: configuration.requestTimeout, group: group, connections: connections
            )
        }
    }

    /// One TCP connection before any user starts, so that a target that is down gives one
    /// clear error instead of a stream of failures.
    private static func checkTargetAnswers(_ configuration: LoadConfiguration, on loop: any EventLoop) async throws {
        let target = configuration.target
        do {
            let channel = try await ClientBootstrap(group: loop)
                .connectTimeout(TimeAmount(min(configuration.requestTimeout, .seconds(10))))
                .connect(host: target.host, port: target.port).get()
            try? await channel.close()
        } catch {
            throw LoadTestError.targetUnreachable(target, reason: ConnectionErrorDescription.describe(error))
        }
    }
}
