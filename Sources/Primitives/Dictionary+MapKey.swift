extension Dictionary {
    /// The same entries keyed by the callers' own keys: what `snapshot()` hands out.
    @usableFromInline
    func unwrappingKeys<Wrapped>(_ secret: MapKeySecret) -> [Wrapped: Value] where Key == MapKey<Wrapped> {
        var entries: [Wrapped: Value] = [:]
        entries.reserveCapacity(count)
        for (key, value) in self { entries[key.key(secret)] = value }
        return entries
    }
}
