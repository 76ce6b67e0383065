import Foundation

/// The workers connected to a master, while `ClusterMaster.serve` listens: tests run on them
/// one after another, each with its own plan, and their state can be read at any time.
public struct ClusterWorkers: Sendable {
    let hub: ClusterHub

    /// Workers connected and ready.
    public var count: Int {
        get async { await hub.activeWorkerCount }
    }

    /// Every worker that joined, with its state now (for the web UI's Workers tab).
    public func status() async -> [WorkerStatus] {
        await hub.workerStatus()
    }

    /// The workers and events of the test in progress (or the last one), as a report shows them.
    public func summary() async -> ClusterSummary {
        await hub.summary(masterPeakCPUUse: 0)
    }

    /// Waits until `expected` workers are connected; throws `ClusterError.workersMissing` when
    /// they are not within `maxWait` (or the task is cancelled).
    public func waitForWorkers(_ expected: Int, within maxWait: Duration) async throws {
        let clock = ContinuousClock()
        let waitEnd = clock.now + maxWait
        while await hub.activeWorkerCount < expected {
            guard clock.now < waitEnd, !Task.isCancelled else {
                throw ClusterError.workersMissing(expected: expected, connected: await hub.activeWorkerCount, waited: maxWait)
            }
            try? await clock.sleep(for: .milliseconds(50))
        }
    }

    /// Runs one test on the workers connected now (and any joining during it) and returns the
    /// merged statistics and the cluster's summary. `control` resizes it or resets its
    /// statistics; `onSecond` gets a snapshot and the cluster's events every second.
    /// Cancelling the calling task stops the test early, with a report.
    public func run(
        _ plan: ClusterRunPlan, control: LoadControl = LoadControl(),
        onSecond: @Sendable (StatsSnapshot, [ClusterSummary.Event]) async -> Void = { _, _ in }
    ) async throws -> (statistics: StatsSnapshot, cluster: ClusterSummary) {
        let clock = ContinuousClock()
        let start = clock.now
        let end = plan.configuration.runTime.map { start + $0 }
        var collector = StatsCollector(startTimestamp: Date().timeIntervalSince1970)
        var cpuMeter = CPUMeter(cpuSeconds: CPUMeter.processSeconds())
        var masterPeakCPU = 0.0
        var users = 0
        await hub.startRun(plan, at: start)
        func collectSecond(now: ContinuousClock.Instant) async {
            let (delta, concurrency, workerCPU) = await hub.takeSecond()
            users = concurrency
            masterPeakCPU = max(masterPeakCPU, cpuMeter.use(cpuSeconds: CPUMeter.processSeconds(), ofThreads: 1))
            // The generators are the workers: the history keeps the busiest one's CPU use.
            collector.addSecond(delta, elapsedSeconds: (now - start).seconds, users: users, generatorCPUUse: workerCPU)
        }
        var nextSecond = start + .seconds(1)
        while !Task.isCancelled {
            let now = clock.now
            if let end, now >= end { break }
            let commands = control.take()
            if let resize = commands.resize { await hub.resize(users: resize.users, spawnRate: resize.spawnRate, at: now) }
            if commands.resetsStatistics { collector.resetStatistics() }
            if now >= nextSecond {
                await hub.checkHeartbeats(at: now)
                await collectSecond(now: now)
                await onSecond(collector.snapshot(elapsedSeconds: (now - start).seconds, users: users), await hub.eventLog)
                nextSecond += .seconds(1)
            }
            try? await clock.sleep(until: end.map { min(nextSecond, $0) } ?? nextSecond)
        }
        let usersAtEnd = users
        await hub.stopRun(within: plan.configuration.stopTimeout)
        // Workers get the stop timeout plus time for their final message.
        let finalDeadline = clock.now + plan.configuration.stopTimeout + .seconds(5)
        while await !hub.haveAllStopped, clock.now < finalDeadline {
            await hub.checkHeartbeats(at: clock.now)
            try? await clock.sleep(for: .milliseconds(20))
        }
        let stopped = clock.now
        await collectSecond(now: stopped)
        let statistics = collector.snapshot(elapsedSeconds: (stopped - start).seconds, users: max(usersAtEnd, users))
        return (statistics, await hub.summary(masterPeakCPUUse: masterPeakCPU))
    }
}
