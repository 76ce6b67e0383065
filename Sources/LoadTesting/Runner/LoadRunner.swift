import Foundation
import NIOCore
import NIOPosix
import Statistics

/// Runs a load test: checks the target answers, spawns users at the spawn rate across the
/// event loops, merges statistics every second, and stops cleanly at the end of the run time
/// (or when the calling task is cancelled).
public struct LoadRunner: Sendable {
    public let scenario: Scenario
    public let configuration: LoadConfiguration

    public init(scenario: Scenario, configuration: LoadConfiguration) {
        self.scenario = scenario
        self.configuration = configuration
    }

    /// Runs the test and returns the final statistics. `onSecond` gets a snapshot every second
    /// (for the live console view); it runs on the runner's task, so keep it quick.
    public func run(onSecond: @Sendable (StatsSnapshot) -> Void = { _ in }) async throws -> StatsSnapshot {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
        let client = makeClient(group: group)
        do {
            try await checkTargetAnswers(on: group.next())
            let snapshot = try await runUsers(group: group, client: client, onSecond: onSecond)
            try await client.shutdown()
            try await group.shutdownGracefully()
            return snapshot
        } catch {
            try? await client.shutdown()
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private func makeClient(group: MultiThreadedEventLoopGroup) -> any LoadClient {
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
    private func checkTargetAnswers(on loop: any EventLoop) async throws {
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

    private func runUsers(
        group: MultiThreadedEventLoopGroup, client: any LoadClient, onSecond: @Sendable (StatsSnapshot) -> Void
    ) async throws -> StatsSnapshot {
        var workers: [NIOLoopBound<LoopWorker>] = []
        for loop in group.makeIterator() {
            workers.append(try await loop.submit { NIOLoopBound(LoopWorker(loop: loop), eventLoop: loop) }.get())
        }
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + configuration.runTime
        var collector = StatsCollector(startTimestamp: Date().timeIntervalSince1970)
        var cpuMeter = ProcessCPUMeter()
        var spawning = UserSpawner(shape: configuration.shape, start: start)
        var concurrency = 0
        var peakConcurrency = 0
        var nextSecond = start + .seconds(1)

        /// Merges what the loops recorded; `users` overrides the count the loops report (after
        /// the stop, when they report none).
        func collectSecond(now: ContinuousClock.Instant, users: Int? = nil) async throws {
            var delta = StatsRecorder()
            concurrency = 0
            for worker in workers {
                let (recorder, running) = try await worker.eventLoop.submit {
                    (worker.value.recorder.take(), worker.value.concurrency)
                }.get()
                delta.merge(recorder)
                concurrency += running
            }
            peakConcurrency = max(peakConcurrency, concurrency)
            collector.addSecond(
                delta, elapsedSeconds: (now - start).seconds, users: users ?? concurrency,
                generatorCPUUse: cpuMeter.use(ofThreads: configuration.eventLoopThreads)
            )
        }

        startArrivals(on: workers, client: client, from: start, until: end)
        while !Task.isCancelled {
            let now = clock.now
            for index in spawning.dueUsers(at: now) {
                let worker = workers[index % workers.count]
                let type = scenario.userType(forUser: index)
                worker.eventLoop.execute {
                    worker.value.spawn(userIndex: index, type: type, connection: client.makeConnection(on: worker.eventLoop))
                }
            }
            if now >= end { break }
            if now >= nextSecond {
                try await collectSecond(now: now)
                onSecond(collector.snapshot(elapsedSeconds: (now - start).seconds, users: concurrency))
                nextSecond += .seconds(1)
            }
            try? await clock.sleep(until: min(spawning.nextSpawn ?? end, nextSecond, end))
        }

        let usersAtEnd = concurrency
        let timeout = TimeAmount(configuration.stopTimeout)
        for worker in workers {
            try await worker.eventLoop.flatSubmit { worker.value.stop(within: timeout) }.get()
        }
        let stopped = clock.now
        try await collectSecond(now: stopped, users: usersAtEnd)
        let users = if case .closed = configuration.shape { spawning.spawned } else { peakConcurrency }
        return collector.snapshot(elapsedSeconds: (stopped - start).seconds, users: users)
    }

    /// Open model: every loop starts its share of the arrival rate and of the connections.
    private func startArrivals(
        on workers: [NIOLoopBound<LoopWorker>], client: any LoadClient, from start: ContinuousClock.Instant,
        until end: ContinuousClock.Instant
    ) {
        guard case .open(let rate, let maxInFlight) = configuration.shape else { return }
        let count = workers.count
        for (index, worker) in workers.enumerated() {
            let connections = maxInFlight / count + (index < maxInFlight % count ? 1 : 0)
            let firstSlot = (0..<index).reduce(0) { $0 + maxInFlight / count + ($1 < maxInFlight % count ? 1 : 0) }
            let scenario = self.scenario
            worker.eventLoop.execute {
                worker.value.startArrivals(
                    scenario: scenario, client: client, rate: rate / Double(count), maxInFlight: max(1, connections),
                    firstSlotIndex: firstSlot, from: start, until: end
                )
            }
        }
    }
}
