/// Why a distributed run could not run; each message says what to do. `scalelab load` exits
/// with code 3 for every one of them.
public enum ClusterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer workers than `--expect-workers` connected within `--expect-workers-max-wait`.
    case workersMissing(expected: Int, connected: Int, waited: Duration)
    /// The master could not listen on its address.
    case cannotListen(host: String, port: Int, reason: String)
    /// A worker could not reach the master within its wait.
    case masterUnreachable(host: String, port: Int, waited: Duration, reason: String)
    /// The master refused the worker (version or token).
    case refused(reason: String)
    /// The master's connection closed during a run and did not come back.
    case masterLost(reason: String)

    public var description: String {
        switch self {
        case .workersMissing(let expected, let connected, let waited):
            return "\(connected) of \(expected) expected workers connected within \(DurationText.format(waited)). "
                + "Start the missing workers with `scalelab load --worker --master-host <this machine>`, "
                + "or lower --expect-workers, or wait longer with --expect-workers-max-wait."
        case .cannotListen(let host, let port, let reason):
            return "The master cannot listen on \(host):\(port) (\(reason)). "
                + "Is another master running there? Choose another --master-bind-port."
        case .masterUnreachable(let host, let port, let waited, let reason):
            return "No master answered at \(host):\(port) within \(DurationText.format(waited)) (\(reason)). "
                + "Start it with `scalelab load --master ...`, or check --master-host and --master-port."
        case .refused(let reason):
            return "The master refused this worker: \(reason)."
        case .masterLost(let reason):
            return "Lost the master (\(reason)); the worker stopped its load."
        }
    }
}
