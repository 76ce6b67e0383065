/// Who passes the token back and forth in the handoff experiment.
public enum HandoffVariant: String, CaseIterable, Codable, Sendable {
    /// Two tasks pinned to one `SingleThreadExecutor`: the analogue of Go's GOMAXPROCS=1.
    case tasksOneThread = "tasks-one-thread"
    /// Two tasks on Swift's default global concurrent executor.
    case tasksPool = "tasks-pool"
    /// Two OS threads, each blocking on a semaphore.
    case threads
    /// Two processes writing one byte to each other over pipes.
    case processes

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .tasksOneThread: "two tasks on one thread of our own executor (like GOMAXPROCS=1)"
        case .tasksPool: "two tasks on the default global executor"
        case .threads: "two OS threads and two semaphores"
        case .processes: "two processes and two pipes"
        }
    }
}
