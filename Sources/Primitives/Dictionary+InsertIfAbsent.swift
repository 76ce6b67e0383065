extension Dictionary {
    /// Stores `value` for `key` only if `key` has no value yet, finding the key's bucket once;
    /// returns whether it was stored. `value` is evaluated only when it is stored.
    @inlinable
    mutating func insertValueIfAbsent(_ value: @autoclosure () -> Value, forKey key: Key) -> Bool {
        self.value(forKey: key, insertingIfAbsent: value()).isInserted
    }

    /// The value stored for `key`, after storing `value` there if `key` had none (`isInserted`),
    /// finding the key's bucket once. `value` is evaluated only when it is stored.
    @inlinable
    mutating func value(
        forKey key: Key, insertingIfAbsent value: @autoclosure () -> Value
    ) -> (value: Value, isInserted: Bool) {
        var isInserted = false
        // The `default:` subscript's modify accessor inserts the default when the key is absent.
        let stored = Self.read(&self[key, default: { isInserted = true; return value() }()])
        return (stored, isInserted)
    }

    @inlinable
    static func read(_ value: inout Value) -> Value {
        value
    }
}
