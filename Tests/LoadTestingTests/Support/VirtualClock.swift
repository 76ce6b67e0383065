import Synchronization

/// A clock whose time moves only when someone sleeps on it: a sleep jumps straight to its
/// deadline and returns. A run driven by it takes its scheduled seconds in no real time, and
/// what it did at each virtual moment is exact.
final class VirtualClock: Clock, Sendable {
    struct Instant: InstantProtocol, Sendable {
        let offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        current.withLock { $0 = max($0, deadline) }
        await Task.yield()
    }
}
