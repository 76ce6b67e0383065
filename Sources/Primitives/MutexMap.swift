import Synchronization

/// A dictionary behind one `Mutex`: the simplest correct shared map, and the baseline the
/// other strategies are compared with.
public final class MutexMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    private let storage = Mutex<[Key: Value]>([:])

    public init() {}

    public func value(forKey key: Key) -> Value? {
        storage.withLock { $0[key] }
    }

    @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        storage.withLock { $0.updateValue(value, forKey: key) }
    }

    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        storage.withLock { entries in
            guard entries[key] == nil else { return false }
            entries[key] = value
            return true
        }
    }

    @discardableResult
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
