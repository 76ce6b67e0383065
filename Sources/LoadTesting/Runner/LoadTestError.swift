/// Why a load test could not run; each message says what to do.
public enum LoadTestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at the target before the test starts.
    case targetUnreachable(TargetAddress, reason: String)

    public var description: String {
        switch self {
        case .targetUnreachable(let target, let reason):
            return "Cannot connect to \(target) (\(reason)). Is the service running and listening there? "
                + "Start it (for example `scalelab serve`) or pass its address with -H/--host."
        }
    }
}
