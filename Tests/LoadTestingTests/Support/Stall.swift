import Synchronization

/// A pause of the whole test target that the test begins and ends on events: every request that
/// arrives after `begin()` is held until `end()` (like a stop-the-world pause).
final class Stall: Sendable {
    private let hasBegun = Atomic<Bool>(false)
    private let over = Gate()

    func begin() { hasBegun.store(true, ordering: .releasing) }

    /// Lets the held requests, and every later one, through.
    func end() { over.open() }

    /// Returns at once before `begin()` and after `end()`; in between, when the stall ends.
    func hold() async {
        if hasBegun.load(ordering: .acquiring) { await over.wait() }
    }
}
