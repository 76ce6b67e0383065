import Atomics
import Synchronization

/// A read-optimized map in the spirit of Go's `sync.Map`.
///
/// Readers load an immutable snapshot, published with an atomic reference, and look the key up
/// there without taking any lock. Writers take a mutex and change a private dictionary that
/// holds every entry. A key written since the last snapshot is found through the locked path;
/// after as many locked misses as there are entries, the writers' dictionary is published as the
/// new snapshot (copy-on-write makes that O(1) until the next write), so the cost of
/// publishing is spread over the misses that asked for it. Replacing or removing a key that the
/// snapshot holds publishes a fresh snapshot at once, so no reader sees an old value after
/// the write returned.
///
/// Best when keys are written once and read many times; a write-heavy load pays for the
/// republishing.
public final class SnapshotMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    private final class Snapshot: AtomicReference, Sendable {
        let entries: [Key: Value]
        /// True when `entries` holds every key of the map, so a miss here is a miss everywhere.
        let isComplete: Bool

        init(entries: [Key: Value], isComplete: Bool) {
            self.entries = entries
            self.isComplete = isComplete
        }
    }

    private struct WriterState {
        var entries: [Key: Value] = [:]
        var missesSincePublish = 0
    }

    private let published = ManagedAtomic(Snapshot(entries: [:], isComplete: true))
    private let writer = Mutex(WriterState())

    public init() {}

    public func value(forKey key: Key) -> Value? {
        let snapshot = published.load(ordering: .acquiring)
        if let value = snapshot.entries[key] { return value }
        if snapshot.isComplete { return nil }
        return writer.withLock { state in
            let value = state.entries[key]
            state.missesSincePublish += 1
            if state.missesSincePublish >= state.entries.count {
                publish(&state)
            }
            return value
        }
    }

    @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        writer.withLock { state in
            let previous = state.entries.updateValue(value, forKey: key)
            afterWrite(of: key, in: &state)
            return previous
        }
    }

    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        writer.withLock { state in
            guard state.entries[key] == nil else { return false }
            state.entries[key] = value
            afterWrite(of: key, in: &state)
            return true
        }
    }

    @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        writer.withLock { state in
            guard let previous = state.entries.removeValue(forKey: key) else { return nil }
            afterWrite(of: key, in: &state)
            return previous
        }
    }

    public var count: Int {
        writer.withLock { $0.entries.count }
    }

    public func snapshot() -> [Key: Value] {
        writer.withLock { $0.entries }
    }

    /// Keeps the published snapshot truthful after a write, under the writer lock.
    private func afterWrite(of key: Key, in state: inout WriterState) {
        let current = published.load(ordering: .relaxed)
        if current.entries[key] != nil {
            // The snapshot holds an old value (or a removed key): replace it now.
            publish(&state)
        } else if current.isComplete {
            // A new key the snapshot lacks: readers must now check the writers' dictionary.
            published.store(Snapshot(entries: current.entries, isComplete: false), ordering: .releasing)
        }
    }

    private func publish(_ state: inout WriterState) {
        published.store(Snapshot(entries: state.entries, isComplete: true), ordering: .releasing)
        state.missesSincePublish = 0
    }
}
