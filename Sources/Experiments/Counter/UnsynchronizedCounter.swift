/// A counter with no synchronization at all: the `plain` variant, unsafe on purpose.
///
/// Only ever used in a child process (`CounterExperiment.plainChildWork`).
final class UnsynchronizedCounter: @unchecked Sendable {
    // @unchecked Sendable: deliberately false. Many tasks call `increment()` at once so that the
    // experiment can show lost updates and Thread Sanitizer can report the race.
    private(set) var value = 0

    /// One load, add and store, which concurrent callers can interleave and so lose updates.
    ///
    /// Never inlined, so that the optimizer cannot fold a loop of increments into one addition,
    /// which would hide the race (Go's `plain++` in a loop is one load-add-store per iteration too).
    @inline(never)
    func increment() {
        value += 1
    }
}
