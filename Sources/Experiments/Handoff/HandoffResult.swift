import Reporting
import Statistics

/// What the handoff experiment measured: per variant, total time and cost per handoff.
public struct HandoffResult: ExperimentResult {
    /// One variant's measured runs.
    public struct Measurement: Codable, Sendable {
        public let variant: HandoffVariant
        /// The round trips every run must complete.
        public let expectedRoundtrips: Int
        /// The measured runs (the warm-up run is not included).
        public let runs: [HandoffRun]
        /// Total run times in milliseconds.
        public let milliseconds: Summary?
        /// Average cost of one handoff per run, in nanoseconds.
        public let nanosecondsPerHandoff: Summary?
        /// True when every run completed every round trip.
        public let isComplete: Bool

        public init(variant: HandoffVariant, expectedRoundtrips: Int, runs: [HandoffRun]) {
            self.variant = variant
            self.expectedRoundtrips = expectedRoundtrips
            self.runs = runs
            self.milliseconds = Summary(runs.map(\.seconds))?.scaled(by: 1_000)
            self.nanosecondsPerHandoff = Summary(runs.map(\.secondsPerHandoff))?.scaled(by: 1_000_000_000)
            self.isComplete = runs.allSatisfy { $0.roundtrips == expectedRoundtrips }
        }
    }

    public let machine: MachineDescription
    public let roundtrips: Int
    /// Measured runs per variant, after one warm-up run.
    public let runs: Int
    public let measurements: [Measurement]

    public init(machine: MachineDescription, roundtrips: Int, runs: Int, measurements: [Measurement]) {
        self.machine = machine
        self.roundtrips = roundtrips
        self.runs = runs
        self.measurements = measurements
    }

    public var tables: [Table] {
        var table = Table(
            title: "handoff: a token passed back and forth \(NumberFormatting.grouped(roundtrips)) round trips (\(NumberFormatting.grouped(2 * roundtrips)) handoffs)",
            columns: [
                .init("variant", alignment: .left), .init("per handoff (median)"), .init("min"), .init("max"),
                .init("total (median)"), .init("vs fastest"), .init("round trips", alignment: .left),
            ]
        )
        let fastest = measurements.compactMap { $0.nanosecondsPerHandoff?.median }.min()
        for measurement in measurements {
            guard let perHandoff = measurement.nanosecondsPerHandoff, let total = measurement.milliseconds else { continue }
            let completed = measurement.runs.map(\.roundtrips).min() ?? 0
            table.append([measurement.variant.rawValue] + perHandoff.nanosecondCells + [
                total.millisecondCells[0],
                fastest.map { NumberFormatting.ratio(perHandoff.median / $0) } ?? "-",
                measurement.isComplete
                    ? "all \(NumberFormatting.grouped(roundtrips))"
                    : "WRONG: as few as \(NumberFormatting.grouped(completed))",
            ])
        }
        table.notes = [
            "Machine: \(machine.oneLine).",
            "Per handoff: total time / (2 × round trips); median of \(runs) runs after 1 warm-up, with min and max.",
            "The ladder: between tasks on one thread a handoff is a queue push and a function call, no kernel; on the pool the other task may resume on another thread, which may have to be woken; between threads every handoff wakes a sleeping thread through the kernel and switches context; between processes it also goes through a pipe and switches address space.",
        ]
        return [table]
    }
}
