import Foundation
import Primitives
import Statistics

/// Shared collections: `tasks` concurrent tasks write and read one shared map, with no
/// synchronization and with each map strategy, under the `write`, `read` and `mixed` workloads.
///
/// Each run checks the map it leaves (count and every value), so a wrong result is reported, not
/// hidden. The `unsynchronized` variant (a data race on purpose) runs in a child process per run,
/// so its crash, hang or corruption is reported and never takes this process down.
public struct MapsExperiment: Experiment {
    public static let name = "maps"
    public static let abstract =
        "Shared collections: concurrent tasks write and read one map; correctness and time per remedy."

    /// Concurrent tasks.
    public var tasks: Int
    /// Operations per task; also the distinct keys each task writes in `write`.
    public var keysPerTask: Int
    /// Measured runs of each variant, after one warm-up run.
    public var runs: Int
    /// The workloads to run, in this order.
    public var workloads: [MapWorkload]
    /// The variants to run, in this order (interleaved within each run).
    public var variants: [MapVariant]
    /// Receives one line per step of long work, for a progress display.
    public var progress: @Sendable (String) -> Void

    public init(
        tasks: Int = 50,
        keysPerTask: Int = 1000,
        runs: Int = 7,
        workloads: [MapWorkload] = MapWorkload.allCases,
        variants: [MapVariant] = MapVariant.allCases,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        precondition(tasks > 0 && keysPerTask > 0 && runs > 0, "tasks, keys per task and runs must be positive")
        self.tasks = tasks
        self.keysPerTask = keysPerTask
        self.runs = runs
        self.workloads = workloads
        self.variants = variants
        self.progress = progress
    }

    public func run() async throws -> MapsExperimentResult {
        var measured: [MapsExperimentResult.WorkloadResult] = []
        for workload in workloads {
            let runsInOrder = try await RepeatedMeasurement(runs: runs).collect { runIndex in
                let step = runIndex < 0 ? "warm-up run" : "run \(runIndex + 1) of \(runs)"
                progress("maps \(workload.rawValue): \(step) (\(variants.map(\.rawValue).joined(separator: ", ")))")
                var outcomes: [MapRun] = []
                for variant in variants {
                    outcomes.append(try await run(variant, workload))
                }
                return outcomes
            }
            let perVariant = variants.indices.map { index in runsInOrder.map { $0[index] } }
            measured.append(.init(workload: workload, runs: Array(zip(variants, perVariant))))
        }
        return MapsExperimentResult(
            machine: .current, tasks: tasks, keysPerTask: keysPerTask, runs: runs, workloads: measured
        )
    }

    /// One run of `variant` under `workload` on a new, empty map.
    private func run(_ variant: MapVariant, _ workload: MapWorkload) async throws -> MapRun {
        switch variant {
        case .unsynchronized:
            try await runInChildProcess(workload)
        case .mutex:
            MapRun(await workload.run(on: MutexMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask))
        case .rwlock:
            MapRun(await workload.run(on: ReadWriteLockedMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask))
        case .sharded:
            MapRun(await workload.run(on: ShardedMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask))
        case .snapshot:
            MapRun(await workload.run(on: SnapshotMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask))
        }
    }

    private func runInChildProcess(_ workload: MapWorkload) async throws -> MapRun {
        let arguments = [
            "experiment", "child", Self.unsynchronizedChildWork.name, workload.rawValue, "\(tasks)", "\(keysPerTask)",
        ]
        let outcome = try await ChildProcess.scalelab.run(arguments: arguments)
        if outcome.termination == .exited(0),
            let line = outcome.standardOutput.split(separator: "\n").last,
            let report = try? JSONDecoder().decode(MapRunReport.self, from: Data(line.utf8))
        {
            return MapRun(report)
        }
        return MapRun(failure: Self.failureDescription(of: outcome))
    }

    /// The signal or status the child ended with, and the runtime's fatal error message if any.
    static func failureDescription(of outcome: ChildProcess.Outcome) -> String {
        if outcome.termination == .signaled(SIGALRM) {
            return "hung: stopped after \(childTimeLimitSeconds) s"
        }
        let fatalError = outcome.standardError.split(separator: "\n")
            .lazy.compactMap { line in line.range(of: "Fatal error").map { String(line[$0.lowerBound...]) } }
            .first
        guard let fatalError else { return outcome.termination.description }
        return "\(outcome.termination.description), \(fatalError.prefix(100))"
    }

    /// How long a child may run before it is taken as hung (a corrupted dictionary can loop).
    static let childTimeLimitSeconds = 120

    /// The unsynchronized variant's work in the child process:
    /// `scalelab experiment child maps-unsynchronized <workload> <tasks> <keys per task>`.
    /// Prints the `MapRunReport` as one line of JSON, if the process survives.
    public static let unsynchronizedChildWork = ChildWork(name: "maps-unsynchronized") { arguments in
        guard arguments.count == 3,
            let workload = MapWorkload(rawValue: arguments[0]),
            let tasks = Int(arguments[1]), tasks > 0,
            let keysPerTask = Int(arguments[2]), keysPerTask > 0
        else {
            throw ChildWorkArgumentError(
                work: "maps-unsynchronized", expected: "<write|read|mixed> <tasks> <keys per task>", got: arguments
            )
        }
        alarm(UInt32(childTimeLimitSeconds))
        let report = await workload.run(on: UnsynchronizedMap(), tasks: tasks, keysPerTask: keysPerTask)
        return String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    }
}
