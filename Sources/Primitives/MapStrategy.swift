/// The map strategies, by the name users pass on the command line (`--map mutex`).
public enum MapStrategy: String, CaseIterable, Sendable, Codable {
    /// One `Mutex` around one dictionary: every operation is serialized.
    case mutex
    /// One `pthread_rwlock_t` around one dictionary: reads run in parallel, writes alone.
    case rwlock
    /// Lock striping: keys hashed to independent mutex-guarded shards.
    case sharded
    /// Readers use a published immutable snapshot through per-thread slots, sharing no lock;
    /// writes lock (like Go's `sync.Map`).
    case snapshot

    /// A one-line explanation for help text and reports.
    public var explanation: String {
        switch self {
        case .mutex: "one Mutex around one Dictionary"
        case .rwlock: "one pthread reader-writer lock around one Dictionary"
        case .sharded: "\(ShardedMap<Int, Int>.defaultShardCount) Mutex-guarded shards chosen by key hash"
        case .snapshot: "reads of a published snapshot through per-thread slots, locked writes, like Go's sync.Map"
        }
    }

    /// A new, empty map of this strategy.
    public func makeMap<Key: Hashable & Sendable, Value: Sendable>(
        of keyType: Key.Type = Key.self, to valueType: Value.Type = Value.self
    ) -> any ConcurrentMap<Key, Value> {
        switch self {
        case .mutex: MutexMap<Key, Value>()
        case .rwlock: ReadWriteLockedMap<Key, Value>()
        case .sharded: ShardedMap<Key, Value>()
        case .snapshot: SnapshotMap<Key, Value>()
        }
    }
}
