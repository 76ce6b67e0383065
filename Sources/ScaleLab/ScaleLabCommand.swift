import ArgumentParser

@main
struct ScaleLabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scalelab",
        abstract: "Measure Swift concurrency and load-test HTTP services, with numbers you can trust.",
        discussion: """
            Exit codes: 0 success; 1 a run failed or a check did not hold; 2 a load-test \
            threshold broke; 3 a load test could not run (target down); 64 bad command-line \
            usage (the message says which option and how to fix it). Each subcommand's --help \
            details its own.
            """,
        subcommands: [StudyCommand.self, ExperimentCommand.self, ServeCommand.self, LoadCommand.self]
    )
}
