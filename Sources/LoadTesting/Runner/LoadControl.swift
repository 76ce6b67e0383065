import Synchronization

/// Steers a load test while it runs (the web UI's Edit and Reset buttons): a new number of
/// users and spawn rate, and a reset of the statistics. The run takes the commands at its next
/// step, within a second; stopping is cancelling the run's task.
public final class LoadControl: Sendable {
    /// What was asked since the run last looked.
    struct Commands {
        /// Closed model: the users to run from now on, started at `spawnRate` per second.
        var resize: (users: Int, spawnRate: Double)?
        var resetsStatistics = false
    }

    private let pending = Mutex(Commands())

    public init() {}

    /// Closed model: run `users` users from now on; new ones start at `spawnRate` per second,
    /// surplus ones stop after their current request.
    public func resize(users: Int, spawnRate: Double) {
        pending.withLock { $0.resize = (users, spawnRate) }
    }

    /// Starts the statistics afresh (the table, failures and percentiles; the charts' history
    /// stays).
    public func resetStatistics() {
        pending.withLock { $0.resetsStatistics = true }
    }

    /// The commands given since the last call.
    func take() -> Commands {
        pending.withLock { commands in
            defer { commands = Commands() }
            return commands
        }
    }
}
