import ArgumentParser

/// `scalelab experiment <name>`: the concurrency experiments.
struct ExperimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run the concurrency experiments: counter, maps, file-writes, handoff, or all.",
        subcommands: [
            CounterCommand.self, MapsCommand.self, FileWritesCommand.self, HandoffCommand.self,
            AllExperimentsCommand.self, ChildWorkCommand.self,
        ]
    )
}
