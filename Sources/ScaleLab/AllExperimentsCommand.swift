import ArgumentParser
import Experiments

/// `scalelab experiment all`: the four experiments, one after another, at their default sizes.
struct AllExperimentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run counter, maps, file-writes and handoff at their default sizes, one report.",
        discussion: """
            Runs each experiment as `scalelab experiment <name>` would with no options but \
            --runs, --format and --output, which apply to all four. Use the single experiments \
            to change sizes or pick variants. Progress goes to standard error.

            Exit codes: 0 success; 1 an experiment could not run or a synchronized variant gave \
            a wrong result; 64 bad command-line usage.
            """
    )

    @OptionGroup var options: ExperimentOptions

    func run() async throws {
        let progress = ExperimentProgress.standardError
        let runs = options.runs
        var results: [any ExperimentResult] = []
        progress("counter")
        results.append(try await CounterExperiment(runs: runs, progress: progress).run())
        progress("maps")
        let maps = try await MapsExperiment(runs: runs, progress: progress).run()
        results.append(maps)
        progress("file-writes")
        results.append(try await FileWritesExperiment(runs: runs, progress: progress).run())
        progress("handoff")
        results.append(try await HandoffExperiment(runs: runs, progress: progress).run())
        try options.write(results)
        if maps.hasWrongSynchronizedRun {
            throw ExitCode.failure
        }
    }
}
