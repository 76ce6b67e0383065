import NIOCore

/// SwiftNIO HTTP/1.1 with one keep-alive connection per user, on the user's event loop:
/// no thread hop per request (ScaleLab's FastHttpUser).
public struct FastClient: LoadClient {
    public let target: TargetAddress
    /// How long a request (including connecting) may take before it fails as a timeout.
    public let timeout: Duration

    public init(target: TargetAddress, timeout: Duration) {
        self.target = target
        self.timeout = timeout
    }

    public func makeConnection(on loop: any EventLoop) -> any UserConnection {
        FastConnection(loop: loop, target: target, timeout: timeout)
    }

    public func shutdown() async throws {}
}
