/// What answers the album service's HTTP requests: `scalelab serve --engine`. Both drive the
/// same route table and pass the same contract tests; they differ in what each request costs.
public enum ServerEngine: String, CaseIterable, Codable, Sendable {
    /// NIO's HTTP/1 codec and one handler that answers on the connection's event loop.
    case eventLoop = "event-loop"
    /// Hummingbird's router and async responder.
    case router

    /// A one-line explanation for help text and reports.
    public var explanation: String {
        switch self {
        case .eventLoop:
            "NIO's HTTP/1 codec and one handler answering on the event loop: no task or thread hop per request"
        case .router:
            "Hummingbird's router and async responder: a task and two thread hops per request"
        }
    }
}
