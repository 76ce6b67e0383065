/// How the in-memory store turns its albums into a JSON list: `scalelab serve --list-encoding`.
public enum ListEncoding: String, CaseIterable, Sendable {
    /// Each album is encoded once when written; a list is its stored JSON objects joined, built
    /// once per store version outside every lock and shared by all readers of that version.
    case cached
    /// Every list request encodes every album while holding the store's write lock: the
    /// serial section that capped the original service's throughput, kept to reproduce it.
    case locked

    /// A one-line explanation for help text and reports.
    public var explanation: String {
        switch self {
        case .cached: "encode each album once; readers share one list per version, built outside locks"
        case .locked: "encode the whole list under the store lock on every GET (the original's bottleneck)"
        }
    }
}
