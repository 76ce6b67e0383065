/// Closed model: which users are due to start, one every `1 / spawnRate` seconds, in the order
/// they were scheduled, by the instants of any clock.
struct UserSpawner<Instant: InstantProtocol> where Instant.Duration == Duration {
    private var pending: [Int] = []
    private var pendingHead = 0
    private var interval: Duration = .zero
    private var firstDue: Instant
    /// Users started since the last `schedule`.
    private var started = 0
    /// Users started in all.
    private(set) var spawned = 0

    /// A spawner with no users to start yet.
    init(start: Instant) {
        firstDue = start
    }

    /// A spawner for `shape` from `start`: users 0..<users (closed model), none (open model).
    init(shape: LoadShape, start: Instant) {
        firstDue = start
        if case .closed(let users, let spawnRate) = shape {
            schedule(Array(0..<users), spawnRate: spawnRate, from: start)
        }
    }

    /// Replaces the users still to start by `users`, the first due at `start` and the others
    /// at `spawnRate` per second after it.
    mutating func schedule(_ users: [Int], spawnRate: Double, from start: Instant) {
        pending = users
        pendingHead = 0
        interval = .seconds(1 / spawnRate)
        firstDue = start
        started = 0
    }

    /// The users due at `now` and not yet started; marks them started.
    mutating func dueUsers(at now: Instant) -> ArraySlice<Int> {
        let first = pendingHead
        while pendingHead < pending.count && firstDue.advanced(by: interval * started) <= now {
            pendingHead += 1
            started += 1
            spawned += 1
        }
        return pending[first..<pendingHead]
    }

    /// The users scheduled but not yet started.
    var waiting: ArraySlice<Int> { pending[pendingHead...] }

    /// When the next user is due, or nil when all have started.
    var nextSpawn: Instant? {
        pendingHead < pending.count ? firstDue.advanced(by: interval * started) : nil
    }
}
