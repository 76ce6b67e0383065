import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-optimized map in the spirit of Go's `sync.Map`.
///
/// Readers look keys up in a published, immutable snapshot of the map's keys. Each thread reaches
/// the snapshot through its own reader slot (chosen by hashing the thread's identity), so readers
/// on different threads share no lock and no cache line, and never wait for each other or for a
/// writer that is not publishing. A key maps to a cell holding its value; the snapshot and the
/// writers share cells, so replacing or removing the value of a published key changes only the
/// cell and is seen by readers at once, with no new snapshot.
///
/// Writers take one mutex and keep a table of every key (64 dictionaries, so that it grows a
/// part at a time: `CellTable`). A new key goes there only; readers that miss the snapshot look
/// there under the mutex, and once the misses reach an eighth of the keys the writers' table is
/// published as the new snapshot. Copy-on-write makes publishing O(1), and the next new key in
/// each part pays one copy of that part, so that cost is spread over the misses that asked for
/// it. (Go's `sync.Map` waits for as many misses as keys; its promotion is the same trade-off.)
///
/// Best when keys are written once and read many times, or when their values are replaced in
/// place; a stream of new keys read at once pays for the locked misses and the republishing.
public final class SnapshotMap<Key: Hashable & Sendable, Value: Sendable>: ConcurrentMap {
    /// One key's value, shared by the writers' table and every snapshot that holds the key.
    /// nil once the key was removed.
    @usableFromInline final class Cell: Sendable {
        @usableFromInline let value: Mutex<Value?>

        @inlinable
        init(_ value: Value) {
            self.value = Mutex(value)
        }
    }

    /// The cells of the keys known when the snapshot was published.
    @usableFromInline final class Snapshot: Sendable {
        @usableFromInline let cells: CellTable
        /// True when `cells` holds every key of the map, so a miss here is a miss everywhere.
        @usableFromInline let isComplete: Bool

        @inlinable
        init(cells: CellTable, isComplete: Bool) {
            self.cells = cells
            self.isComplete = isComplete
        }
    }

    /// The snapshot as the threads hashed to this slot see it.
    @usableFromInline final class ReaderSlot: Sendable {
        @usableFromInline let snapshot: Mutex<Snapshot>
        // Keeps neighbouring slots' locks on different cache lines, so that readers on
        // different cores do not slow each other down through false sharing.
        private let padding: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        init(_ snapshot: Snapshot) {
            self.snapshot = Mutex(snapshot)
        }
    }

    /// What a reader found in its snapshot.
    @usableFromInline enum SnapshotLookup {
        /// The snapshot decides: the key's value, or nil when the key is absent or removed.
        case decided(Value?)
        /// The key may have been added since the snapshot: ask the writers.
        case undecided
    }

    @usableFromInline struct WriterState {
        /// Every key in the map.
        @usableFromInline var cells = CellTable()
        /// The snapshot every reader slot holds.
        @usableFromInline var published: Snapshot
        @usableFromInline var missesSincePublish = 0

        init(published: Snapshot) {
            self.published = published
        }
    }

    /// Combined with `Int` keys before they are hashed (see `MapKey`).
    @usableFromInline let keySecret = MapKeySecret()
    @usableFromInline let readerSlots: [ReaderSlot]
    @usableFromInline let slotMask: Int
    @usableFromInline let writer: Mutex<WriterState>

    public init() {
        let empty = Snapshot(cells: CellTable(), isComplete: true)
        var slotCount = 1
        while slotCount < Self.preferredSlotCount { slotCount <<= 1 }
        readerSlots = (0..<slotCount).map { _ in ReaderSlot(empty) }
        slotMask = slotCount - 1
        writer = Mutex(WriterState(published: empty))
    }

    /// Four slots per processor, at least eight: threads seldom share a slot.
    private static var preferredSlotCount: Int {
        max(8, 4 * Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The slot of the calling thread.
    @inlinable
    var currentSlot: ReaderSlot {
        #if canImport(Darwin)
            let thread = UInt(bitPattern: pthread_self())
        #else
            let thread = UInt(pthread_self())
        #endif
        // Fibonacci hashing: thread identities are aligned addresses, so mix the high bits in.
        return readerSlots[Int(truncatingIfNeeded: (thread &* 0x9E37_79B9_7F4A_7C15) >> 32) & slotMask]
    }

    @inlinable
    public func value(forKey key: Key) -> Value? {
        let lookup = currentSlot.snapshot.withLock { snapshot -> SnapshotLookup in
            if let cell = snapshot.cells[CellTable.Location(MapKey(key, keySecret))] {
                return .decided(cell.value.withLock { $0 })
            }
            return snapshot.isComplete ? .decided(nil) : .undecided
        }
        switch lookup {
        case .decided(let value): return value
        case .undecided: return valueAfterMiss(forKey: key)
        }
    }

    /// Misses since the last publication, per key in the map, that make the writers publish.
    @inlinable static var missesPerKeyToPublish: Double { 1.0 / 8 }

    /// The locked lookup of a key the snapshot lacks; publishes the writers' table once
    /// the misses since the last publication reach an eighth of its size.
    @inlinable
    func valueAfterMiss(forKey key: Key) -> Value? {
        writer.withLock { state in
            let value = state.cells[CellTable.Location(MapKey(key, keySecret))]?.value.withLock { $0 }
            state.missesSincePublish += 1
            if Double(state.missesSincePublish) >= Double(state.cells.count) * Self.missesPerKeyToPublish {
                publish(Snapshot(cells: state.cells, isComplete: true), in: &state)
            }
            return value
        }
    }

    @inlinable @discardableResult
    public func updateValue(_ value: Value, forKey key: Key) -> Value? {
        writer.withLock { state in
            let (cell, isNew) = cell(forKey: key, insertingIfAbsent: value, in: &state)
            guard !isNew else { return nil }
            return cell.value.withLock { current in
                defer { current = value }
                return current
            }
        }
    }

    @inlinable
    public func insertValue(_ value: Value, forKey key: Key) -> Bool {
        writer.withLock { state in
            cell(forKey: key, insertingIfAbsent: value, in: &state).isNew
        }
    }

    @inlinable @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        writer.withLock { state in
            guard let cell = state.cells.removeValue(at: CellTable.Location(MapKey(key, keySecret))) else { return nil }
            // The published snapshot may hold this cell: emptying it removes the key for readers.
            return cell.value.withLock { current in
                defer { current = nil }
                return current
            }
        }
    }

    public var count: Int {
        writer.withLock { $0.cells.count }
    }

    public func snapshot() -> [Key: Value] {
        // Every change takes the writer lock, so the cells cannot change while it is held.
        writer.withLock { state in
            var entries: [Key: Value] = [:]
            entries.reserveCapacity(state.cells.count)
            for part in state.cells.parts {
                for (key, cell) in part {
                    if let value = cell.value.withLock({ $0 }) { entries[key.key(keySecret)] = value }
                }
            }
            return entries
        }
    }

    /// The cell of `key`, made with `value` and added if the map lacks the key (`isNew`).
    @inlinable
    func cell(
        forKey key: Key, insertingIfAbsent value: Value, in state: inout WriterState
    ) -> (cell: Cell, isNew: Bool) {
        let published = state.published
        let location = CellTable.Location(MapKey(key, keySecret))
        let (cell, isNew) = state.cells.cell(at: location, insertingIfAbsent: {
            // A removed key's emptied cell may still be in the snapshot, where readers find it
            // first: refill that cell rather than hide a new one behind it.
            if !published.cells.isEmpty, let removed = published.cells[location] {
                removed.value.withLock { $0 = value }
                return removed
            }
            return Cell(value)
        }())
        if isNew && published.isComplete {
            // Readers must now ask the writers about keys the snapshot lacks.
            publish(Snapshot(cells: published.cells, isComplete: false), in: &state)
        }
        return (cell, isNew)
    }

    /// Hands `snapshot` to every reader slot, under the writer lock.
    @inlinable
    func publish(_ snapshot: Snapshot, in state: inout WriterState) {
        for slot in readerSlots {
            slot.snapshot.withLock { $0 = snapshot }
        }
        state.published = snapshot
        if snapshot.isComplete { state.missesSincePublish = 0 }
    }
}
