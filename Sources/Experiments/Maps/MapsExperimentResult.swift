import Reporting
import Statistics

/// What the maps experiment measured: per workload and variant, every run and its summary.
public struct MapsExperimentResult: ExperimentResult {
    /// One variant under one workload.
    public struct VariantResult: Codable, Sendable, Equatable {
        public let variant: MapVariant
        /// The measured runs, in order.
        public let runs: [MapRun]
        /// Milliseconds over the runs that finished; nil when none did.
        public let milliseconds: Summary?
        /// Runs whose count and values were all right.
        public let correctRuns: Int
        /// The mutex variant's median time divided by this one's (above 1, faster than mutex);
        /// nil without both medians.
        public let speedRelativeToMutex: Double?
    }

    /// Every variant under one workload.
    public struct WorkloadResult: Codable, Sendable, Equatable {
        public let workload: MapWorkload
        public let variants: [VariantResult]

        init(workload: MapWorkload, runs: [(MapVariant, [MapRun])]) {
            self.workload = workload
            let times = runs.map { _, runs in Summary(runs.compactMap { run in run.report.map { $0.seconds * 1_000 } }) }
            let mutexMedian = zip(runs, times).first { $0.0.0 == .mutex }?.1?.median
            variants = zip(runs, times).map { pair, milliseconds in
                VariantResult(
                    variant: pair.0,
                    runs: pair.1,
                    milliseconds: milliseconds,
                    correctRuns: pair.1.count(where: \.isCorrect),
                    speedRelativeToMutex: mutexMedian.flatMap { mutex in milliseconds.map { mutex / $0.median } }
                )
            }
        }
    }

    public let machine: MachineDescription
    public let tasks: Int
    public let keysPerTask: Int
    /// Measured runs per variant (after one warm-up run).
    public let runs: Int
    public let workloads: [WorkloadResult]

    public init(machine: MachineDescription, tasks: Int, keysPerTask: Int, runs: Int, workloads: [WorkloadResult]) {
        self.machine = machine
        self.tasks = tasks
        self.keysPerTask = keysPerTask
        self.runs = runs
        self.workloads = workloads
    }

    public var tables: [Table] {
        workloads.map(table(for:))
    }

    private func table(for result: WorkloadResult) -> Table {
        var table = Table(
            title: "maps, \(result.workload.rawValue): \(result.workload.explanation)",
            columns: [
                .init("variant", alignment: .left), .init("median ms"), .init("min ms"), .init("max ms"),
                .init("correct runs"), .init("vs mutex"), .init("what happened", alignment: .left),
            ],
            notes: notes(for: result)
        )
        for variant in result.variants {
            let time = variant.milliseconds
            table.append([
                variant.variant.rawValue,
                time.map { NumberFormatting.significant($0.median) } ?? "-",
                time.map { NumberFormatting.significant($0.min) } ?? "-",
                time.map { NumberFormatting.significant($0.max) } ?? "-",
                "\(variant.correctRuns) of \(variant.runs.count)",
                variant.speedRelativeToMutex.map(NumberFormatting.ratio) ?? "-",
                Self.summary(of: variant.runs),
            ])
        }
        return table
    }

    /// "all correct", or how many runs ended each way, e.g. "5 killed by SIGSEGV (11); 2 correct".
    private static func summary(of runs: [MapRun]) -> String {
        if runs.allSatisfy(\.isCorrect) { return "all correct" }
        var kinds: [(kind: String, runs: Int)] = []
        for run in runs {
            let kind = run.report.map { $0.isCorrect ? "correct" : "wrong result" } ?? run.failure ?? "no result"
            if let index = kinds.firstIndex(where: { $0.kind == kind }) {
                kinds[index].runs += 1
            } else {
                kinds.append((kind, 1))
            }
        }
        return kinds.map { "\($0.runs) \($0.kind)" }.joined(separator: "; ")
    }

    private func notes(for result: WorkloadResult) -> [String] {
        let keyCount = NumberFormatting.grouped(tasks * keysPerTask)
        var notes = [
            "Machine: \(machine.oneLine).",
            "\(tasks) tasks × \(NumberFormatting.grouped(keysPerTask)) operations = \(keyCount) keys; median of \(runs) measured runs after 1 warm-up, variants interleaved within each run.",
            result.workload == .write
                ? "Time: the concurrent phase, from starting the first task to the end of the last."
                : "Time: the concurrent phase, from starting the first task to the end of the last; filling the map with \(keyCount) keys first is not timed.",
            "correct: the map ends with \(keyCount) entries, each holding the last value written, and no lookup found a value never written.",
            "vs mutex: the mutex median divided by this median; above 1x is faster than mutex.",
        ]
        for variant in result.variants where variant.variant == .unsynchronized {
            notes.append("unsynchronized runs in a child process, one per run (a data race on purpose); run by run: "
                + variant.runs.enumerated().map { "\($0.offset + 1) \($0.element.outcomeDescription)" }.joined(separator: "; ") + ".")
            if variant.correctRuns == variant.runs.count {
                notes.append("The unsynchronized map happened to come out right in every run: the race is still there. More tasks or keys (--tasks, --keys-per-task) make it show.")
            }
        }
        for variant in result.variants where variant.variant != .unsynchronized && variant.correctRuns < variant.runs.count {
            notes.append("\(variant.variant.rawValue) was WRONG in \(variant.runs.count - variant.correctRuns) runs: "
                + variant.runs.filter { !$0.isCorrect }.map(\.outcomeDescription).joined(separator: "; ") + ".")
        }
        return notes
    }
}

extension MapsExperimentResult {
    /// True when a synchronized variant left a wrong map in some run: a bug, never a finding.
    public var hasWrongSynchronizedRun: Bool {
        workloads.flatMap(\.variants).contains { $0.variant != .unsynchronized && $0.correctRuns < $0.runs.count }
    }
}
