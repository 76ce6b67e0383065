/// Why a request body is not an acceptable album, in words that tell the client how to fix it.
public struct AlbumInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong and how to fix it, e.g. "Field 'price' must not be negative (got -1.0)".
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
