import NIOCore

/// An HTTP client for load tests: it opens one connection object per virtual user.
///
/// Everything a connection does happens on the event loop it was made for, so a user's request,
/// response and statistics never hop threads.
public protocol LoadClient: Sendable {
    /// A new connection for one user, used only on `loop`. It connects lazily, on first send.
    func makeConnection(on loop: any EventLoop) -> any UserConnection
    /// Releases what the client holds; call once, after every user has stopped.
    func shutdown() async throws
}

/// One virtual user's connection. Not thread-safe: use it only on its event loop.
public protocol UserConnection: AnyObject {
    /// Sends `request` and calls `completion` once, on the connection's event loop, with the
    /// response or the reason it failed. One request at a time: send the next only after the
    /// completion ran. The completion may run before `send` returns (a request that cannot
    /// be sent at all).
    func send(_ request: LoadRequest, completion: @escaping (Result<LoadResponse, RequestFailure>) -> Void)
    /// Closes the connection; a request in flight fails.
    func close()
}

/// The load clients `--client` chooses from.
public enum ClientKind: String, Sendable, Codable, CaseIterable {
    /// SwiftNIO HTTP/1.1, one keep-alive connection per user (like Locust's FastHttpUser).
    case fast
    /// AsyncHTTPClient (like Locust's HttpUser): the general-purpose Swift client.
    case standard
}
