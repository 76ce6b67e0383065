/// Why the handoff experiment could not run.
public enum HandoffError: Error, CustomStringConvertible {
    /// The `processes` peer ended without reporting its round trips.
    case peerFailed(ChildProcess.Termination)

    public var description: String {
        switch self {
        case .peerFailed(let termination):
            "The handoff peer process \(termination.description) without reporting its round trips. Run `scalelab experiment handoff --variant processes` again; if it persists, report it."
        }
    }
}
