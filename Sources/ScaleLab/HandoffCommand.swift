import ArgumentParser
import Experiments

/// `scalelab experiment handoff`: the cost of passing control between tasks, threads, processes.
struct HandoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Context-switch cost: a token passed back and forth between tasks, threads or processes.",
        discussion: """
            Two parties pass a token back and forth --roundtrips times; the report gives the \
            total time and the average cost of one handoff (half a round trip) in nanoseconds. \
            tasks-one-thread pins both tasks to one thread of ScaleLab's own executor, the \
            analogue of Go's GOMAXPROCS=1.

            Exit codes: 0 success; 1 the experiment could not run; 64 bad command-line usage.
            """
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Round trips per run (each is two handoffs).")
    var roundtrips: Int = 100_000

    @Option(
        name: .customLong("variant"), help: VariantSelection.help { (variant: HandoffVariant) in variant.summary },
        transform: VariantSelection.parser(experiment: "handoff"))
    var variantNames: [[HandoffVariant]] = []

    func validate() throws {
        guard roundtrips >= 1 else {
            throw ValidationError("--roundtrips must be at least 1 (got \(roundtrips)); try --roundtrips 100000.")
        }
    }

    func run() async throws {
        let experiment = HandoffExperiment(
            roundtrips: roundtrips, runs: options.runs,
            variants: VariantSelection.chosen(variantNames),
            progress: ExperimentProgress.standardError
        )
        try options.write([try await experiment.run()])
    }
}
