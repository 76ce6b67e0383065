import Primitives
import Statistics

/// Context-switch cost: two parties pass a token back and forth `roundtrips` times, once per
/// variant (tasks on one thread, tasks on the pool, OS threads, processes); reports total time
/// and the average cost of one handoff.
public struct HandoffExperiment: Experiment {
    public static let name = "handoff"
    public static let abstract = "Context-switch cost: a token passed back and forth between tasks, threads or processes."

    /// Round trips per run (two handoffs each).
    public var roundtrips: Int
    /// Measured runs per variant, after one warm-up run.
    public var runs: Int
    /// The variants to run, in this order.
    public var variants: [HandoffVariant]
    /// Receives one line per step of long work, for a progress display.
    public var progress: @Sendable (String) -> Void

    public init(
        roundtrips: Int = 100_000,
        runs: Int = 7,
        variants: [HandoffVariant] = HandoffVariant.allCases,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        precondition(roundtrips > 0 && runs > 0, "round trips and runs must be positive")
        self.roundtrips = roundtrips
        self.runs = runs
        self.variants = variants
        self.progress = progress
    }

    public func run() async throws -> HandoffResult {
        var measurements: [HandoffResult.Measurement] = []
        for variant in variants {
            progress("handoff: \(variant.rawValue), 1 warm-up + \(runs) runs of \(roundtrips) round trips")
            let measured = try await measure(variant)
            measurements.append(.init(variant: variant, expectedRoundtrips: roundtrips, runs: measured))
        }
        return HandoffResult(machine: .current, roundtrips: roundtrips, runs: runs, measurements: measurements)
    }

    private func measure(_ variant: HandoffVariant) async throws -> [HandoffRun] {
        let repetitions = RepeatedMeasurement(runs: runs)
        switch variant {
        case .tasksOneThread:
            return try await SingleThreadExecutor.withExecutor(name: "scalelab-handoff") { executor in
                try await withTaskExecutorPreference(executor) {
                    try await repetitions.collect { _ in try await Self.measureTasks(roundtrips: roundtrips) }
                }
            }
        case .tasksPool:
            return try await repetitions.collect { _ in try await Self.measureTasks(roundtrips: roundtrips) }
        case .threads:
            return await repetitions.collect { _ in await Self.measureThreads(roundtrips: roundtrips) }
        case .processes:
            return try await repetitions.collect { _ in try await Self.measureProcesses(roundtrips: roundtrips) }
        }
    }

    /// Ping-pong between the calling task and a child task over two rendezvous channels; both
    /// run wherever the caller's executor preference puts them.
    static func measureTasks(roundtrips: Int) async throws -> HandoffRun {
        let ping = RendezvousChannel<Int>()
        let pong = RendezvousChannel<Int>()
        return try await withThrowingTaskGroup(of: Int.self) { group in
            let clock = ContinuousClock()
            let start = clock.now
            group.addTask {
                var answered = 0
                while let token = await ping.receive() {
                    try await pong.send(token)
                    answered += 1
                }
                return answered
            }
            for token in 0..<roundtrips {
                try await ping.send(token)
                _ = await pong.receive()
            }
            ping.close()
            let answered = try await group.next() ?? 0
            return HandoffRun(seconds: (clock.now - start).seconds, roundtrips: answered)
        }
    }
}
