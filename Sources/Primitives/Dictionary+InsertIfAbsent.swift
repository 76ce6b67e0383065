extension Dictionary {
    /// Stores `value` for `key` only if `key` has no value yet, finding the key's bucket once;
    /// returns whether it was stored. `value` is evaluated only when it is stored.
    @inlinable
    mutating func insertValueIfAbsent(_ value: @autoclosure () -> Value, forKey key: Key) -> Bool {
        var isInserted = false
        // The `default:` subscript's modify accessor inserts the default when the key is absent.
        Self.touch(&self[key, default: { isInserted = true; return value() }()])
        return isInserted
    }

    @inlinable
    static func touch(_ value: inout Value) {}
}
