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

        @inlinable
        static func part(of key: MapKey<Key>) -> Int {
            key.unseededHash & (partCount - 1)
        }

        @inlinable
        subscript(key: MapKey<Key>) -> Cell? {
            parts[Self.part(of: key)][key]
        }

        /// The cell of `key`, after storing `cell()` there if `key` had none (`isInserted`).
        @inlinable
        mutating func cell(forKey key: MapKey<Key>, insertingIfAbsent cell: @autoclosure () -> Cell)
            -> (value: Cell, isInserted: Bool)
        {
            let found = parts[Self.part(of: key)].value(forKey: key, insertingIfAbsent: cell())
            if found.isInserted { count += 1 }
            return found
        }

        @inlinable
        mutating func removeValue(forKey key: MapKey<Key>) -> Cell? {
            let removed = parts[Self.part(of: key)].removeValue(forKey: key)
            if removed != nil { count -= 1 }
            return removed
        }

        @inlinable
        var isEmpty: Bool {
            count == 0
        }
    }
}
