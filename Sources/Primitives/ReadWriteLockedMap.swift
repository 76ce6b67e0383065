/// A dictionary behind one `ReadWriteLock`: lookups run in parallel, writes one at a time.
public final class ReadWriteLockedMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    private let storage = ReadWriteLock<[Key: Value]>([:])

    public init() {}

    public func value(forKey key: Key) -> Value? {
        storage.withReadLock { $0[key] }
    }

    @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        storage.withWriteLock { $0.updateValue(value, forKey: key) }
    }

    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        storage.withWriteLock { entries in
            guard entries[key] == nil else { return false }
            entries[key] = value
            return true
        }
    }

    @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        storage.withWriteLock { $0.removeValue(forKey: key) }
    }

    public var count: Int {
        storage.withReadLock { $0.count }
    }

    public func snapshot() -> [Key: Value] {
        storage.withReadLock { $0 }
    }
}
