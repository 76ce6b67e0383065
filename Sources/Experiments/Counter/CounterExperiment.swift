import Foundation
import Statistics
import Synchronization

/// Atomicity: `tasks` concurrent tasks each increment one shared counter `iterations` times,
/// once per variant; reports the final count against the expected one, lost updates, and time.
///
/// The `plain` variant (a data race on purpose) runs in a child process; its standard error is
/// forwarded to this process's, so a Thread Sanitizer report from the child is visible.
public struct CounterExperiment: Experiment {
    public static let name = "counter"
    public static let abstract = "Atomicity: concurrent tasks increment one counter; lost updates and time per remedy."

    /// Concurrent tasks.
    public var tasks: Int
    /// Increments per task.
    public var iterations: Int
    /// Measured runs per variant, after one warm-up run.
    public var runs: Int
    /// The variants to run, in this order.
    public var variants: [CounterVariant]
    /// Receives one line per step of long work, for a progress display.
    public var progress: @Sendable (String) -> Void

    public init(
        tasks: Int = 50,
        iterations: Int = 1000,
        runs: Int = 7,
        variants: [CounterVariant] = CounterVariant.allCases,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        precondition(tasks > 0 && iterations > 0 && runs > 0, "tasks, iterations and runs must be positive")
        self.tasks = tasks
        self.iterations = iterations
        self.runs = runs
        self.variants = variants
        self.progress = progress
    }

    public func run() async throws -> CounterResult {
        var measurements: [CounterResult.Measurement] = []
        for variant in variants {
            progress("counter: \(variant.rawValue), 1 warm-up + \(runs) runs of \(tasks) tasks × \(iterations) increments")
            if variant == .plain {
                measurements.append(try await measurePlainInChildProcess())
            } else {
                let measured = await RepeatedMeasurement(runs: runs).collect { _ in
                    await Self.measure(variant, tasks: tasks, iterations: iterations)
                }
                measurements.append(.init(variant: variant, expectedCount: expectedCount, runs: measured))
            }
        }
        return CounterResult(
            machine: .current, tasks: tasks, iterations: iterations, runs: runs, measurements: measurements
        )
    }

    private var expectedCount: Int { tasks * iterations }

    /// One run of `variant` in this process: starts the tasks, waits for all, reads the count.
    static func measure(_ variant: CounterVariant, tasks: Int, iterations: Int) async -> CounterRun {
        switch variant {
        case .atomic:
            let counter = Shared(Atomic<Int>(0))
            let seconds = await fanOut(tasks: tasks) {
                for _ in 0..<iterations { counter.value.wrappingAdd(1, ordering: .relaxed) }
            }
            return CounterRun(count: counter.value.load(ordering: .relaxed), seconds: seconds)
        case .plain:
            let counter = UnsynchronizedCounter()
            let seconds = await fanOut(tasks: tasks) {
                for _ in 0..<iterations { counter.increment() }
            }
            return CounterRun(count: counter.value, seconds: seconds)
        case .mutex:
            let counter = Shared(Mutex<Int>(0))
            let seconds = await fanOut(tasks: tasks) {
                for _ in 0..<iterations { counter.value.withLock { $0 += 1 } }
            }
            return CounterRun(count: counter.value.withLock { $0 }, seconds: seconds)
        case .actor:
            let counter = CountingActor()
            let seconds = await fanOut(tasks: tasks) {
                for _ in 0..<iterations { await counter.increment() }
            }
            return CounterRun(count: await counter.value, seconds: seconds)
        }
    }

    /// Runs `body` in `tasks` child tasks on the global executor and returns the wall time until
    /// the last one finished, in seconds (task creation included, as in Go's fan-out).
    private static func fanOut(tasks: Int, _ body: @escaping @Sendable () async -> Void) async -> Double {
        await Stopwatch.time {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<tasks { group.addTask(operation: body) }
            }
        }.seconds
    }

    private func measurePlainInChildProcess() async throws -> CounterResult.Measurement {
        let arguments = ["experiment", "child", Self.plainChildWork.name, "\(tasks)", "\(iterations)", "\(runs)"]
        let outcome = try await ChildProcess.scalelab.run(arguments: arguments)
        if !outcome.standardError.isEmpty {
            FileHandle.standardError.write(Data(outcome.standardError.utf8))
        }
        let isRaceReported = outcome.standardError.contains("ThreadSanitizer")
        let lastLine = outcome.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        // No runs when the child died before printing them all.
        let measured = (try? JSONDecoder().decode([CounterRun].self, from: Data(lastLine.utf8)))
            .flatMap { $0.count == runs ? $0 : nil } ?? []
        return .init(
            variant: .plain, expectedCount: expectedCount, runs: measured,
            childTermination: outcome.termination, isRaceReported: isRaceReported
        )
    }

    /// The `plain` variant's runs, done in the child process: arguments are tasks, iterations and
    /// the number of measured runs (after one warm-up); prints the measured runs as a JSON array.
    public static let plainChildWork = ChildWork(name: "counter-plain") { arguments in
        let numbers = arguments.compactMap(Int.init)
        guard numbers.count == 3, numbers.allSatisfy({ $0 > 0 }) else {
            throw ChildWorkArgumentError(work: "counter-plain", expected: "tasks iterations runs", got: arguments)
        }
        let runs = await RepeatedMeasurement(runs: numbers[2]).collect { _ in
            await measure(.plain, tasks: numbers[0], iterations: numbers[1])
        }
        return String(decoding: try JSONEncoder().encode(runs), as: UTF8.self)
    }
}

/// Holds a non-copyable synchronization value (an `Atomic` or a `Mutex`) so that many tasks can
/// share it.
private final class Shared<Value: ~Copyable & Sendable>: Sendable {
    let value: Value

    init(_ value: consuming Value) {
        self.value = value
    }
}
