/// Closed model: which users are due to start, at the spawn rate from the start of the run.
struct UserSpawner {
    private let userCount: Int
    private let interval: Duration
    private let start: ContinuousClock.Instant
    /// Users started so far.
    private(set) var spawned = 0

    /// A spawner for `shape`; the open model spawns no users.
    init(shape: LoadShape, start: ContinuousClock.Instant) {
        switch shape {
        case .closed(let users, let spawnRate):
            userCount = users
            interval = .seconds(1 / spawnRate)
        case .open:
            userCount = 0
            interval = .zero
        }
        self.start = start
    }

    /// The indices of the users due at `now` and not yet started; marks them started.
    mutating func dueUsers(at now: ContinuousClock.Instant) -> Range<Int> {
        let first = spawned
        while spawned < userCount && start + interval * spawned <= now { spawned += 1 }
        return first..<spawned
    }

    /// When the next user is due, or nil when all have started.
    var nextSpawn: ContinuousClock.Instant? {
        spawned < userCount ? start + interval * spawned : nil
    }
}
