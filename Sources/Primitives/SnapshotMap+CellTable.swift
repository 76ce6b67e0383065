extension SnapshotMap {
    /// The cells of a `SnapshotMap`'s keys, in 64 dictionaries chosen by the key's hash, so
    /// that growing is never one long pause.
    ///
    /// A single `Dictionary` doubles its storage when it fills, rehashing every key while the
    /// writer lock is held: at a million `String` keys that is a pause of about 100 ms for every
    /// writer and every reader that missed its snapshot. Split 64 ways, each dictionary grows on
    /// its own, a 64th of the keys at a time. The first write to a part after a publication
    /// copies only that part, for the same reason. (Go's maps grow table by table too.)
    @usableFromInline
    struct CellTable: Sendable {
        @usableFromInline static var partCount: Int { 64 }

        @usableFromInline var parts: [[MapKey<Key>: Cell]]
        /// The number of keys in all parts.
        @usableFromInline var count = 0

        @inlinable
        init() {
            parts = Array(repeating: [:], count: Self.partCount)
        }

        /// A key and the part that holds it, found once per operation: every table of one map
        /// (the writers' and each snapshot) puts a key in the same part.
        @usableFromInline
        struct Location {
            @usableFromInline let key: MapKey<Key>
            @usableFromInline let part: Int

            @inlinable
            init(_ key: MapKey<Key>) {
                self.key = key
                part = key.unseededHash & (CellTable.partCount - 1)
            }
        }

        @inlinable
        subscript(location: Location) -> Cell? {
            parts[location.part][location.key]
        }

        /// The cell at `location`, after storing `cell()` there if it had none (`isInserted`).
        @inlinable
        mutating func cell(at location: Location, insertingIfAbsent cell: @autoclosure () -> Cell)
            -> (value: Cell, isInserted: Bool)
        {
            let found = parts[location.part].value(forKey: location.key, insertingIfAbsent: cell())
            if found.isInserted { count += 1 }
            return found
        }

        @inlinable
        mutating func removeValue(at location: Location) -> Cell? {
            let removed = parts[location.part].removeValue(forKey: location.key)
            if removed != nil { count -= 1 }
            return removed
        }

        @inlinable
        var isEmpty: Bool {
            count == 0
        }
    }
}
