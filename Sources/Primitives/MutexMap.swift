import Synchronization

/// A dictionary behind one `Mutex`: the simplest correct shared map, and the baseline the
/// other strategies are compared with.
public final class MutexMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    /// Combined with `Int` keys before they are hashed (see `MapKey`).
    @usableFromInline let keySecret = MapKeySecret()
    @usableFromInline let storage = Mutex<[MapKey<Key>: Value]>([:])

    public init() {}

    @inlinable
    public func value(forKey key: Key) -> Value? {
        storage.withLock { $0[MapKey(key, keySecret)] }
    }

    @inlinable @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        storage.withLock { $0.updateValue(value, forKey: MapKey(key, keySecret)) }
    }

    @inlinable
    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        storage.withLock { $0.insertValueIfAbsent(value, forKey: MapKey(key, keySecret)) }
    }

    @inlinable @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        storage.withLock { $0.removeValue(forKey: MapKey(key, keySecret)) }
    }

    public var count: Int {
        storage.withLock { $0.count }
    }

    public func snapshot() -> [Key: Value] {
        // Copying the dictionary under the lock only shares its storage; the rekeying is outside.
        storage.withLock { $0 }.unwrappingKeys(keySecret)
    }
}
