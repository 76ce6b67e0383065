/// A dictionary behind one `ReadWriteLock`: lookups run in parallel, writes one at a time.
public final class ReadWriteLockedMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    @usableFromInline let storage = ReadWriteLock<[Key: Value]>([:])

    public init() {}

    @inlinable
    public func value(forKey key: Key) -> Value? {
        storage.withReadLock { $0[key] }
    }

    @inlinable @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        storage.withWriteLock { $0.updateValue(value, forKey: key) }
    }

    @inlinable
    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        storage.withWriteLock { $0.insertValueIfAbsent(value, forKey: key) }
    }

    @inlinable @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        storage.withWriteLock { $0.removeValue(forKey: key) }
    }

    public var count: Int {
        storage.withReadLock { $0.count }
    }

    public func snapshot() -> [Key: Value] {
        storage.withReadLock { copy $0 }
    }
}
