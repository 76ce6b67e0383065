import ArgumentParser

@main
struct ScaleLabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scalelab",
        abstract: "Measure Swift concurrency and load-test HTTP services, with numbers you can trust.",
        discussion: """
            Exit codes: 0 success; 1 a run failed or a check did not hold; 64 bad command-line \
            usage (the message says which option and how to fix it).
            """,
        subcommands: [ExperimentCommand.self, LoadCommand.self]
    )
}
