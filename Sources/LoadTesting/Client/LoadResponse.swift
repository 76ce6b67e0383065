import NIOCore

/// A complete HTTP response as a load client saw it.
public struct LoadResponse: Sendable, Equatable {
    public let status: Int
    /// The body, as received (not copied).
    public let body: ByteBuffer

    public init(status: Int, body: ByteBuffer) {
        self.status = status
        self.body = body
    }

    /// The body's bytes, copied into an array.
    public var bodyBytes: [UInt8] { Array(body.readableBytesView) }
}
