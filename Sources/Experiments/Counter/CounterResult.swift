import Reporting
import Statistics

/// What the counter experiment measured: per variant, the final counts, lost updates and times.
public struct CounterResult: ExperimentResult {
    /// One variant's measured runs.
    public struct Measurement: Codable, Sendable {
        public let variant: CounterVariant
        /// tasks × iterations.
        public let expectedCount: Int
        /// The measured runs (the warm-up run is not included); empty when a child process died
        /// before reporting.
        public let runs: [CounterRun]
        /// Run times in milliseconds; nil when there are no runs.
        public let milliseconds: Summary?
        /// Lost updates (expected minus final count) per run.
        public let lostUpdates: [Int]
        /// How many runs lost at least one update.
        public let runsWithLostUpdates: Int
        /// The most updates lost in one run.
        public let mostLostUpdates: Int
        /// How the child process ended, for variants run in one.
        public let childTermination: ChildProcess.Termination?
        /// True when Thread Sanitizer reported a race in the child process (a sanitized build).
        public let isRaceReported: Bool

        public init(
            variant: CounterVariant, expectedCount: Int, runs: [CounterRun],
            childTermination: ChildProcess.Termination? = nil, isRaceReported: Bool = false
        ) {
            self.variant = variant
            self.expectedCount = expectedCount
            self.runs = runs
            self.milliseconds = Summary(runs.map(\.seconds))?.scaled(by: 1_000)
            self.lostUpdates = runs.map { expectedCount - $0.count }
            self.runsWithLostUpdates = lostUpdates.filter { $0 != 0 }.count
            self.mostLostUpdates = lostUpdates.max() ?? 0
            self.childTermination = childTermination
            self.isRaceReported = isRaceReported
        }
    }

    public let machine: MachineDescription
    public let tasks: Int
    public let iterations: Int
    /// Measured runs per variant, after one warm-up run.
    public let runs: Int
    public let measurements: [Measurement]

    public init(machine: MachineDescription, tasks: Int, iterations: Int, runs: Int, measurements: [Measurement]) {
        self.machine = machine
        self.tasks = tasks
        self.iterations = iterations
        self.runs = runs
        self.measurements = measurements
    }

    public var tables: [Table] {
        var table = Table(
            title: "counter: \(NumberFormatting.grouped(tasks)) tasks × \(NumberFormatting.grouped(iterations)) increments of one shared counter",
            columns: [
                .init("variant", alignment: .left), .init("median"), .init("min"), .init("max"),
                .init("final count"), .init("expected"), .init("lost updates", alignment: .left),
            ]
        )
        for measurement in measurements {
            table.append(row(for: measurement))
        }
        table.notes = [
            "Machine: \(machine.oneLine).",
            "Times: wall time from starting the first task to the end of the last; median of \(runs) runs after 1 warm-up, with min and max. Final count: the range over the runs.",
        ] + measurements.compactMap(note(for:))
        return [table]
    }

    private func row(for measurement: Measurement) -> [String] {
        let expected = NumberFormatting.grouped(measurement.expectedCount)
        guard let times = measurement.milliseconds else {
            let ending = measurement.childTermination?.description ?? "no result"
            return [measurement.variant.rawValue, "-", "-", "-", "-", expected, "child \(ending) before reporting"]
        }
        let counts = measurement.runs.map(\.count)
        let lowest = counts.min() ?? 0
        let highest = counts.max() ?? 0
        let finalCount = lowest == highest
            ? NumberFormatting.grouped(lowest)
            : "\(NumberFormatting.grouped(lowest))–\(NumberFormatting.grouped(highest))"
        let lost = measurement.runsWithLostUpdates == 0
            ? "none in \(measurement.runs.count) runs"
            : "in \(measurement.runsWithLostUpdates) of \(measurement.runs.count) runs, up to \(NumberFormatting.grouped(measurement.mostLostUpdates))"
        return [measurement.variant.rawValue] + times.millisecondCells + [finalCount, expected, lost]
    }

    private func note(for measurement: Measurement) -> String? {
        guard measurement.variant == .plain else {
            guard measurement.runsWithLostUpdates > 0 else { return nil }
            return "\(measurement.variant.rawValue) lost updates, which a synchronized counter must never do: this is a bug, please report it."
        }
        var sentences: [String] = ["plain ran in a child process (\(measurement.childTermination?.description ?? "not started"))."]
        if measurement.runs.isEmpty {
            sentences.append("The child died before reporting its counts: an unsynchronized counter can corrupt more than the count.")
        } else if measurement.runsWithLostUpdates == 0 {
            sentences.append(
                "It lost no updates in \(measurement.runs.count) runs at \(NumberFormatting.grouped(tasks)) × \(NumberFormatting.grouped(iterations)) on \(machine.logicalCores) cores: each task finishes its increments within one time slice, so two tasks rarely interleave mid-increment. The race is there all the same: try --iterations 100000."
            )
        } else {
            sentences.append(
                "It lost updates in \(measurement.runsWithLostUpdates) of \(measurement.runs.count) runs, up to \(NumberFormatting.grouped(measurement.mostLostUpdates)): `+= 1` is a load, an add and a store, and concurrent tasks overwrite each other's stores."
            )
        }
        sentences.append(
            measurement.isRaceReported
                ? "Thread Sanitizer reported the data race in the child (its report is on standard error)."
                : "To see the race reported, run `swift run --sanitize=thread scalelab experiment counter --variant plain`."
        )
        return sentences.joined(separator: " ")
    }
}
