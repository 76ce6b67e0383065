/// A fast, non-cryptographic random number generator (SplitMix64), one per user: picking a
/// task or a wait time costs a few instructions instead of a `getrandom` system call.
public struct SplitMixRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator seeded from the system's random source.
    public init() {
        var system = SystemRandomNumberGenerator()
        self.init(seed: system.next())
    }

    /// A generator that repeats the same sequence for the same seed.
    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
