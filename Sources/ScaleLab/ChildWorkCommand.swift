import ArgumentParser
import Experiments

/// `scalelab experiment child <name> [arguments]`: runs one piece of unsafe-on-purpose work in
/// this process, which the parent started as a child. Hidden from help: users never call it.
struct ChildWorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "child",
        abstract: "Run unsafe experiment work in this process (used internally by the experiments).",
        shouldDisplay: false
    )

    @Argument(help: "The child work to run.")
    var name: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the work.")
    var arguments: [String] = []

    func run() async throws {
        guard let work = ChildWorkCatalog.work(named: name) else {
            let known = ChildWorkCatalog.all.map(\.name).joined(separator: ", ")
            throw ValidationError("Unknown child work '\(name)'; known: \(known).")
        }
        print(try await work.run(arguments))
    }
}
