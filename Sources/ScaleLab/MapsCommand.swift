import ArgumentParser
import Experiments
import Foundation
import Primitives

/// `scalelab experiment maps`: many tasks share one map, unsynchronized and with each remedy.
struct MapsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maps",
        abstract: "Shared collections: concurrent tasks write and read one map; correctness and time per remedy.",
        discussion: """
            Workloads: \(MapWorkload.allCases.map { "\($0.rawValue) (\($0.explanation))" }.joined(separator: "; ")).

            Variants: \(MapVariant.allCases.map { "\($0.rawValue) (\($0.explanation))" }.joined(separator: "; ")).

            Each table gives, per variant, the median, min and max time of the measured runs, how \
            many runs left a correct map (the right count and every value right), and the speed \
            relative to mutex. The unsynchronized variant runs in a child process per run, so its \
            crash, hang or corruption is reported (the signal it died of, or the wrong count) and \
            never takes scalelab down. Progress goes to standard error.

            Exit codes: 0 the runs finished (a wrong unsynchronized result is the expected \
            finding); 1 a synchronized map gave a wrong result, or a run could not be started; 64 \
            bad command-line usage.
            """
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Concurrent tasks sharing the map.")
    var tasks: Int = 50

    @Option(help: "Operations per task: distinct keys written by each task in `write`, lookups or updates in `read` and `mixed`.")
    var keysPerTask: Int = 1000

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Workloads to run: \(MapWorkload.allCases.map(\.rawValue).joined(separator: ", ")) (repeat the option or separate with commas; default all).",
            valueName: "workload"
        ),
        transform: VariantSelection.parser(experiment: "maps", option: "workload")
    )
    var workload: [[MapWorkload]] = []

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Variants to run: \(MapVariant.allCases.map(\.rawValue).joined(separator: ", ")) (repeat the option or separate with commas; default all).",
            valueName: "variant"
        ),
        transform: VariantSelection.parser(experiment: "maps")
    )
    var variant: [[MapVariant]] = []

    func validate() throws {
        guard tasks >= 1 else {
            throw ValidationError("--tasks must be at least 1 (got \(tasks)); try --tasks 50.")
        }
        guard keysPerTask >= 1 else {
            throw ValidationError("--keys-per-task must be at least 1 (got \(keysPerTask)); try --keys-per-task 1000.")
        }
        let keys = tasks.multipliedReportingOverflow(by: keysPerTask)
        guard !keys.overflow, keys.partialValue <= 100_000_000 else {
            throw ValidationError("--tasks × --keys-per-task must be at most 100,000,000 keys (got \(tasks) × \(keysPerTask)); lower one of them.")
        }
    }

    func run() async throws {
        let experiment = MapsExperiment(
            tasks: tasks,
            keysPerTask: keysPerTask,
            runs: options.runs,
            workloads: VariantSelection.chosen(workload),
            variants: VariantSelection.chosen(variant),
            progress: ExperimentProgress.standardError
        )
        let result = try await experiment.run()
        try options.write([result])
        if result.hasWrongSynchronizedRun {
            FileHandle.standardError.write(Data("maps: a synchronized map gave a wrong result; see the table notes.\n".utf8))
            throw ExitCode.failure
        }
    }
}
