import Primitives

/// A way of sharing one map between the tasks of the maps experiment.
public enum MapVariant: String, CaseIterable, Codable, Sendable {
    /// A plain `Dictionary` with no synchronization: a data race on purpose, run in a child
    /// process so its crash or corruption is reported instead of taking the CLI down.
    case unsynchronized
    /// One `Mutex` around one dictionary.
    case mutex
    /// One pthread reader-writer lock around one dictionary.
    case rwlock
    /// Lock striping over mutex-guarded shards.
    case sharded
    /// A read-optimized map in the spirit of Go's `sync.Map`.
    case snapshot

    /// The map strategy of a synchronized variant; nil for `unsynchronized`.
    public var strategy: MapStrategy? {
        switch self {
        case .unsynchronized: nil
        case .mutex: .mutex
        case .rwlock: .rwlock
        case .sharded: .sharded
        case .snapshot: .snapshot
        }
    }

    /// One line for help text and reports.
    public var explanation: String {
        strategy?.explanation ?? "a plain Dictionary with no lock: a data race, run in a child process"
    }
}
