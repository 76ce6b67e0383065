/// A dictionary behind one `ReadWriteLock`: lookups run in parallel, writes one at a time.
public final class ReadWriteLockedMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    /// Combined with `Int` keys before they are hashed (see `MapKey`).
    @usableFromInline let keySecret = MapKeySecret()
    @usableFromInline let storage = ReadWriteLock<[MapKey<Key>: Value]>([:])

    public init() {}

    @inlinable
    public func value(forKey key: Key) -> Value? {
        storage.withReadLock { $0[MapKey(key, keySecret)] }
    }

    @inlinable @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        storage.withWriteLock { $0.updateValue(value, forKey: MapKey(key, keySecret)) }
    }

    @inlinable
    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        storage.withWriteLock { $0.insertValueIfAbsent(value, forKey: MapKey(key, keySecret)) }
    }

    @inlinable @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        storage.withWriteLock { $0.removeValue(forKey: MapKey(key, keySecret)) }
    }

    public var count: Int {
        storage.withReadLock { $0.count }
    }

    public func snapshot() -> [Key: Value] {
        // Copying the dictionary under the lock only shares its storage; the rekeying is outside.
        storage.withReadLock { copy $0 }.unwrappingKeys(keySecret)
    }
}
