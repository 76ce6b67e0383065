import ArgumentParser
import Experiments

/// `scalelab experiment counter`: many tasks increment one counter.
struct CounterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counter",
        abstract: "Atomicity: concurrent tasks increment one counter; lost updates and time per variant.",
        discussion: """
            Each variant starts --tasks tasks that each add 1 to a shared counter --iterations \
            times, and checks the final count against tasks × iterations. The plain variant is a \
            data race on purpose and runs in a child process; build with \
            `swift run --sanitize=thread scalelab experiment counter --variant plain` to see \
            Thread Sanitizer report it.

            Exit codes: 0 success; 1 the experiment could not run; 64 bad command-line usage.
            """
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Concurrent tasks incrementing the counter.")
    var tasks: Int = 50

    @Option(help: "Increments per task. At 1000 a plain counter rarely loses updates on a few cores; try 100000 to see it.")
    var iterations: Int = 1000

    @Option(
        name: .customLong("variant"), help: VariantSelection.help { (variant: CounterVariant) in variant.summary },
        transform: VariantSelection.parser(experiment: "counter"))
    var variantNames: [[CounterVariant]] = []

    func validate() throws {
        guard tasks >= 1 else { throw ValidationError("--tasks must be at least 1 (got \(tasks)); try --tasks 50.") }
        guard iterations >= 1 else {
            throw ValidationError("--iterations must be at least 1 (got \(iterations)); try --iterations 1000.")
        }
        guard tasks.multipliedReportingOverflow(by: iterations).overflow == false else {
            throw ValidationError("--tasks × --iterations is too large to count; lower one of them.")
        }
    }

    func run() async throws {
        let experiment = CounterExperiment(
            tasks: tasks, iterations: iterations, runs: options.runs,
            variants: VariantSelection.chosen(variantNames),
            progress: ExperimentProgress.standardError
        )
        try options.write([try await experiment.run()])
    }
}
