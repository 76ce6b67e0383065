/// The key the concurrent maps store in their dictionaries: the caller's key, with a faster hash
/// for `Int` keys.
///
/// `Dictionary` hashes every key with `Hasher`, SipHash-1-3, which guards a map against keys
/// chosen to collide (hash flooding) but costs about 90 instructions for one `Int`, as much as
/// the rest of an insert. For `Int` keys this type uses wyhash's folded multiplication instead:
/// the key is stored combined with the map's random secret (`MapKeySecret`), and its hash is the
/// folded 128-bit product of that and the dictionary's own seed. Like Go's map hash it is seeded
/// per map and per table, so keys cannot be made to collide without knowing the secret, but it is
/// not a keyed cryptographic function as SipHash is. Every other key type (the album service's
/// `String` ids, which clients choose) keeps its own `Hashable` conformance, SipHash included.
@usableFromInline
struct MapKey<Key: Hashable>: Hashable {
    /// The caller's key; for `Int` keys, combined with the map's secret.
    @usableFromInline let stored: Key

    @inlinable
    init(_ key: Key, _ secret: MapKeySecret) {
        stored = Self.combine(key, secret)
    }

    /// The caller's key.
    @inlinable
    func key(_ secret: MapKeySecret) -> Key {
        Self.combine(stored, secret)
    }

    /// `key` combined with the secret for `Int` keys, `key` itself otherwise. Its own inverse.
    @inlinable
    static func combine(_ key: Key, _ secret: MapKeySecret) -> Key {
        // After specialization the type test is a constant, so only `Int` keys pay for it.
        if let integer = key as? Int {
            return (integer ^ secret.value) as! Key
        }
        return key
    }

    @inlinable
    static func == (left: Self, right: Self) -> Bool {
        left.stored == right.stored
    }

    @inlinable
    func hash(into hasher: inout Hasher) {
        stored.hash(into: &hasher)
    }

    /// The hash `Dictionary` uses, seeded by the dictionary's storage.
    @inlinable
    func _rawHashValue(seed: Int) -> Int {
        if let integer = stored as? Int {
            return Self.fold(integer, seed: seed)
        }
        return stored._rawHashValue(seed: seed)
    }

    /// A hash of the key that does not depend on a dictionary, e.g. to choose a shard.
    @inlinable
    var unseededHash: Int {
        _rawHashValue(seed: 0)
    }

    /// wyhash's folded multiplication, applied twice: the high and low halves of a 128-bit
    /// product are folded together, first of the (secret-combined) key and the seed, each with a
    /// wyhash constant, then of that and another constant.
    @inlinable
    static func fold(_ value: Int, seed: Int) -> Int {
        let first = (UInt64(UInt(bitPattern: value)) ^ 0xa076_1d64_78bd_642f)
            .multipliedFullWidth(by: UInt64(UInt(bitPattern: seed)) ^ 0xe703_7ed1_a0b4_28db)
        let second = (first.high ^ first.low ^ 0x8ebc_6af0_9c88_c6e3).multipliedFullWidth(by: 0x5899_65cc_7537_4cc3)
        return Int(Int64(bitPattern: second.high ^ second.low))
    }
}

extension MapKey: Sendable where Key: Sendable {}
