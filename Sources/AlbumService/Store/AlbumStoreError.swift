/// Why a store that does I/O could not answer: its database is unreachable or failed.
///
/// The API answers 503 with `Retry-After`; nothing was acknowledged, so nothing is lost.
public struct AlbumStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed, for the client and the log, e.g. "PostgreSQL at 127.0.0.1:5432 is unreachable: …".
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
