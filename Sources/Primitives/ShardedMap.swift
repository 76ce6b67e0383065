import Synchronization

/// Lock striping: keys are spread by hash over independent `Mutex`-guarded shards, so writers
/// of different keys rarely wait for each other.
public final class ShardedMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    /// Shards in a map made with `init()`.
    public static var defaultShardCount: Int { 16 }

    private final class Shard: Sendable {
        let entries = Mutex<[Key: Value]>([:])
    }

    private let shards: [Shard]
    private let shardMask: Int

    public convenience init() {
        self.init(shardCount: Self.defaultShardCount)
    }

    /// A map with `shardCount` shards, rounded up to a power of two.
    public init(shardCount: Int) {
        precondition(shardCount > 0, "a sharded map needs at least one shard")
        var count = 1
        while count < shardCount { count <<= 1 }
        shards = (0..<count).map { _ in Shard() }
        shardMask = count - 1
    }

    /// The number of shards.
    public var shardCount: Int { shards.count }

    private func shard(for key: Key) -> Shard {
        shards[key.hashValue & shardMask]
    }

    public func value(forKey key: Key) -> Value? {
        shard(for: key).entries.withLock { $0[key] }
    }

    @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        shard(for: key).entries.withLock { $0.updateValue(value, forKey: key) }
    }

    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        shard(for: key).entries.withLock { entries in
            guard entries[key] == nil else { return false }
            entries[key] = value
            return true
        }
    }

    @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        shard(for: key).entries.withLock { $0.removeValue(forKey: key) }
    }

    public var count: Int {
        contentsOfAllShards().reduce(0) { $0 + $1.count }
    }

    public func snapshot() -> [Key: Value] {
        let parts = contentsOfAllShards()
        var merged: [Key: Value] = [:]
        merged.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { merged.merge(part) { current, _ in current } }
        return merged
    }

    /// The contents of every shard at one instant: each shard is locked in index order (so two
    /// callers cannot deadlock) and all stay locked until the last is read. Reading a shard
    /// copies a reference to its copy-on-write storage, so the locks are held briefly.
    private func contentsOfAllShards() -> [[Key: Value]] {
        lockShards(from: 0, collected: [])
    }

    private func lockShards(from index: Int, collected: [[Key: Value]]) -> [[Key: Value]] {
        guard index < shards.count else { return collected }
        return shards[index].entries.withLock { entries in
            lockShards(from: index + 1, collected: collected + [entries])
        }
    }
}
