/// Closed model: which users are due to start, one every `1 / spawnRate` seconds, in the order
/// they were assigned, by the instants of any clock; and which run, so that a new assignment
/// (a resize from the web UI, or a master's rebalance) starts and stops only the difference.
struct UserSpawner<Instant: InstantProtocol> where Instant.Duration == Duration {
    private var pending: [Int] = []
    private var pendingHead = 0
    private var interval: Duration = .zero
    private var firstDue: Instant
    /// Users started since the last assignment.
    private var started = 0
    /// Users started and not stopped by an assignment.
    private(set) var running = Set<Int>()

    /// A spawner with no users to start yet.
    init(start: Instant) {
        firstDue = start
    }

    /// A spawner for `shape` from `start`: users 0..<users (closed model), none (open model).
    init(shape: LoadShape, start: Instant) {
        firstDue = start
        if case .closed(let users, let spawnRate) = shape {
            assign(Array(0..<users), spawnRate: spawnRate, from: start)
        }
    }

    /// Makes `users` the users to run: those running and not listed are returned (to be
    /// stopped), and those listed and not running are started, the first at `start` and the
    /// others at `spawnRate` per second after it.
    @discardableResult
    mutating func assign(_ users: [Int], spawnRate: Double, from start: Instant) -> [Int] {
        let assigned = Set(users)
        let stopped = running.subtracting(assigned).sorted()
        running.formIntersection(assigned)
        pending = users.filter { !running.contains($0) }
        pendingHead = 0
        interval = .seconds(1 / spawnRate)
        firstDue = start
        started = 0
        return stopped
    }

    /// The users due at `now` and not yet started; marks them running.
    mutating func dueUsers(at now: Instant) -> ArraySlice<Int> {
        let first = pendingHead
        while pendingHead < pending.count && firstDue.advanced(by: interval * started) <= now {
            running.insert(pending[pendingHead])
            pendingHead += 1
            started += 1
        }
        return pending[first..<pendingHead]
    }

    /// The users assigned but not yet started.
    var waiting: ArraySlice<Int> { pending[pendingHead...] }

    /// When the next user is due, or nil when all have started.
    var nextSpawn: Instant? {
        pendingHead < pending.count ? firstDue.advanced(by: interval * started) : nil
    }
}
