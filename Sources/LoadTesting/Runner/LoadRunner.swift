import Foundation
import Statistics

/// Runs a load test: checks the target answers, spawns users at the spawn rate across the
/// event loops, merges statistics every second, follows its `LoadControl`'s commands, and
/// stops cleanly at the end of the run time (or when the calling task is cancelled).
public struct LoadRunner: Sendable {
    public let scenario: Scenario
    public let configuration: LoadConfiguration

    public init(scenario: Scenario, configuration: LoadConfiguration) {
        self.scenario = scenario
        self.configuration = configuration
    }

    /// Runs the test and returns the final statistics. `control` resizes it or resets its
    /// statistics while it runs; `onSecond` gets a snapshot every second (for the live views);
    /// it runs on the runner's task, so keep it quick.
    public func run(
        control: LoadControl = LoadControl(), onSecond: @Sendable (StatsSnapshot) async -> Void = { _ in }
    ) async throws -> StatsSnapshot {
        try await run(clock: ContinuousClock(), control: control, onSecond: onSecond)
    }

    /// Runs the test with `clock` deciding when users start, when each second's statistics
    /// are taken and when the run ends (requests themselves are timed on the event loops).
    func run<RunClock: Clock>(
        clock: RunClock, control: LoadControl = LoadControl(), onSecond: @Sendable (StatsSnapshot) async -> Void = { _ in }
    ) async throws -> StatsSnapshot where RunClock.Duration == Duration {
        let engine = try await LoadEngine.start(configuration)
        do {
            let snapshot = try await runUsers(on: engine, clock: clock, control: control, onSecond: onSecond)
            await engine.shutdown()
            return snapshot
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    private func runUsers<RunClock: Clock>(
        on engine: LoadEngine, clock: RunClock, control: LoadControl, onSecond: @Sendable (StatsSnapshot) async -> Void
    ) async throws -> StatsSnapshot where RunClock.Duration == Duration {
        let start = clock.now
        let end = configuration.runTime.map { start.advanced(by: $0) }
        var collector = StatsCollector(startTimestamp: Date().timeIntervalSince1970)
        var cpuMeter = CPUMeter(cpuSeconds: try await engine.cpuSeconds())
        var spawning = UserSpawner(shape: configuration.shape, start: start)
        var concurrency = 0
        var peakConcurrency = 0
        var nextSecond = start.advanced(by: .seconds(1))

        /// Merges what the loops recorded; `users` overrides the count the loops report (after
        /// the stop, when they report none).
        func collectSecond(now: RunClock.Instant, users: Int? = nil) async throws {
            let (delta, running, cpuSeconds) = try await engine.collect()
            concurrency = running
            peakConcurrency = max(peakConcurrency, concurrency)
            collector.addSecond(
                delta, elapsedSeconds: start.duration(to: now).seconds, users: users ?? concurrency,
                generatorCPUUse: cpuMeter.use(cpuSeconds: cpuSeconds, ofThreads: configuration.eventLoopThreads)
            )
        }

        if case .open(let rate, let maxInFlight) = configuration.shape {
            let arrivalsStart = ContinuousClock.now
            engine.startArrivals(
                scenario: scenario, rate: rate, maxInFlight: maxInFlight, from: arrivalsStart,
                until: configuration.runTime.map { arrivalsStart + $0 })
        }
        while !Task.isCancelled {
            let now = clock.now
            let commands = control.take()
            if let resize = commands.resize, case .closed = configuration.shape {
                let stopped = spawning.assign(Array(0..<resize.users), spawnRate: resize.spawnRate, from: now)
                for index in stopped { engine.stopUser(index) }
            }
            if commands.resetsStatistics { collector.resetStatistics() }
            for index in spawning.dueUsers(at: now) {
                engine.spawn(userIndex: index, type: scenario.userType(forUser: index))
            }
            if let end, now >= end { break }
            if now >= nextSecond {
                try await collectSecond(now: now)
                await onSecond(collector.snapshot(elapsedSeconds: start.duration(to: now).seconds, users: concurrency))
                nextSecond = nextSecond.advanced(by: .seconds(1))
                // Once more before sleeping: commands given meanwhile apply now.
                continue
            }
            let wake = [spawning.nextSpawn, nextSecond, end].compactMap { $0 }.min() ?? nextSecond
            try? await clock.sleep(until: wake, tolerance: nil)
        }

        // The users running (closed model) or the requests last seen in flight (open model).
        let usersAtEnd = if case .closed = configuration.shape { spawning.running.count } else { concurrency }
        try await engine.stop(within: configuration.stopTimeout)
        let stopped = clock.now
        try await collectSecond(now: stopped, users: usersAtEnd)
        let users = if case .closed = configuration.shape { spawning.running.count } else { peakConcurrency }
        return collector.snapshot(elapsedSeconds: start.duration(to: stopped).seconds, users: users)
    }
}
