import Synchronization

/// A dictionary behind one `Mutex`: the simplest correct shared map, and the baseline the
/// other strategies are compared with.
public final class MutexMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    @usableFromInline let storage = Mutex<[Key: Value]>([:])

    public init() {}

    @inlinable
    public func value(forKey key: Key) -> Value? {
        storage.withLock { $0[key] }
    }

    @inlinable @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        storage.withLock { $0.updateValue(value, forKey: key) }
    }

    @inlinable
    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        storage.withLock { $0.insertValueIfAbsent(value, forKey: key) }
    }

    @inlinable @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        storage.withLock { $0.removeValue(forKey: key) }
    }

    public var count: Int {
        storage.withLock { $0.count }
    }

    public func snapshot() -> [Key: Value] {
        storage.withLock { $0 }
    }
}
