import Synchronization

/// Lock striping: keys are spread by hash over independent `Mutex`-guarded shards, so writers
/// of different keys rarely wait for each other.
public final class ShardedMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    /// Shards in a map made with `init()`.
    public static var defaultShardCount: Int { 16 }

    @usableFromInline final class Shard: Sendable {
        @usableFromInline let entries = Mutex<[MapKey<Key>: Value]>([:])
        // Keeps neighbouring shards' locks on different cache lines, so that threads working
        // on different shards do not slow each other down through false sharing.
        private let padding: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        init() {}
    }

    /// Combined with `Int` keys before they are hashed (see `MapKey`).
    @usableFromInline let keySecret = MapKeySecret()
    @usableFromInline let shards: [Shard]
    @usableFromInline let shardMask: Int

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

    @inlinable
    func shard(for key: Key) -> Shard {
        shards[MapKey(key, keySecret).unseededHash & shardMask]
    }

    @inlinable
    public func value(forKey key: Key) -> Value? {
        shard(for: key).entries.withLock { $0[MapKey(key, keySecret)] }
    }

    @inlinable @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        shard(for: key).entries.withLock { $0.updateValue(value, forKey: MapKey(key, keySecret)) }
    }

    @inlinable
    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        shard(for: key).entries.withLock { $0.insertValueIfAbsent(value, forKey: MapKey(key, keySecret)) }
    }

    @inlinable @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        shard(for: key).entries.withLock { $0.removeValue(forKey: MapKey(key, keySecret)) }
    }

    public var count: Int {
        contentsOfAllShards().reduce(0) { $0 + $1.count }
    }

    public func snapshot() -> [Key: Value] {
        let parts = contentsOfAllShards()
        var merged: [Key: Value] = [:]
        merged.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts {
            for (key, value) in part { merged[key.key(keySecret)] = value }
        }
        return merged
    }

    /// The contents of every shard at one instant: each shard is locked in index order (so two
    /// callers cannot deadlock) and all stay locked until the last is read. Reading a shard
    /// copies a reference to its copy-on-write storage, so the locks are held briefly.
    private func contentsOfAllShards() -> [[MapKey<Key>: Value]] {
        var contents: [[MapKey<Key>: Value]] = []
        contents.reserveCapacity(shards.count)
        collectShards(from: 0, into: &contents)
        return contents
    }

    private func collectShards(from index: Int, into contents: inout [[MapKey<Key>: Value]]) {
        guard index < shards.count else { return }
        shards[index].entries.withLock { entries in
            contents.append(entries)
            collectShards(from: index + 1, into: &contents)
        }
    }
}
