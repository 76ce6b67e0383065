/// Work that is unsafe on purpose (a data race that may crash or corrupt memory, a crash before a
/// flush) and so only ever runs in a child process: `scalelab experiment child <name> [arguments]`.
///
/// The parent starts the child with `ChildProcess.scalelab`, reads the one line of JSON the work
/// prints on standard output, and reports the signal or exit status when there is no such line.
public struct ChildWork: Sendable {
    /// The name on the hidden command line, e.g. "maps-unsynchronized".
    public let name: String

    /// Does the work in this process and returns one line of JSON describing what happened.
    public let run: @Sendable (_ arguments: [String]) async throws -> String

    public init(name: String, run: @escaping @Sendable (_ arguments: [String]) async throws -> String) {
        self.name = name
        self.run = run
    }
}

/// Every kind of child work, looked up by name by the hidden `child` command.
public enum ChildWorkCatalog {
    /// All registered child work.
    public static let all: [ChildWork] = [
        CounterExperiment.plainChildWork,
        MapsExperiment.unsynchronizedChildWork,
        FileWritesExperiment.crashChildWork,
        HandoffExperiment.peerChildWork,
    ]

    /// The work named `name`, or nil.
    public static func work(named name: String) -> ChildWork? {
        all.first { $0.name == name }
    }
}
