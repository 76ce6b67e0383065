import Statistics

/// How long a virtual user waits between two tasks, as Locust's `wait_time` functions.
public enum WaitTime: Sendable, Equatable, Codable {
    /// No wait: the next task starts as soon as the previous one ends.
    case none
    /// The same wait after every task (Locust's `constant`).
    case constant(Duration)
    /// A uniformly random wait between the two bounds (Locust's `between`).
    case between(Duration, Duration)
    /// A fixed gap between task starts, whatever the task took (Locust's `constant_pacing`).
    case pacing(Duration)
    /// `n` tasks per second per user (Locust's `constant_throughput`).
    case throughput(Double)

    /// The wait after a task that started `elapsed` ago ended; `random` draws `between` waits.
    public func delay(afterTaskThatTook elapsed: Duration, using random: inout some RandomNumberGenerator) -> Duration {
        switch self {
        case .none:
            return .zero
        case .constant(let wait):
            return wait
        case .between(let low, let high):
            let lowSeconds = low.seconds, highSeconds = high.seconds
            guard highSeconds > lowSeconds else { return low }
            return .seconds(Double.random(in: lowSeconds...highSeconds, using: &random))
        case .pacing(let gap):
            return max(.zero, gap - elapsed)
        case .throughput(let tasksPerSecond):
            return max(.zero, .seconds(1 / tasksPerSecond) - elapsed)
        }
    }

    /// A short description for reports, e.g. "between(1 s, 2 s)".
    public var description: String {
        switch self {
        case .none: return "none"
        case .constant(let wait): return "constant(\(wait.seconds) s)"
        case .between(let low, let high): return "between(\(low.seconds) s, \(high.seconds) s)"
        case .pacing(let gap): return "pacing(\(gap.seconds) s)"
        case .throughput(let rate): return "throughput(\(rate)/s)"
        }
    }
}
