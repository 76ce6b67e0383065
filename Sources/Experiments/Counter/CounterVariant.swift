/// How the counter experiment's tasks share one counter.
public enum CounterVariant: String, CaseIterable, Codable, Sendable {
    /// `Synchronization.Atomic<Int>`: one indivisible hardware add per increment.
    case atomic
    /// An unsynchronized `+= 1` on shared memory: a data race, unsafe on purpose, so it runs in a
    /// child process.
    case plain
    /// `Synchronization.Mutex<Int>`: a lock around each increment.
    case mutex
    /// An actor owning the count: each increment is an `await` onto the actor's executor.
    case actor

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .atomic: "Synchronization.Atomic wrappingAdd"
        case .plain: "unsynchronized += 1 (a data race on purpose; runs in a child process)"
        case .mutex: "Synchronization.Mutex around += 1"
        case .actor: "an actor's method, one await per increment"
        }
    }
}
