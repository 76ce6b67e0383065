/// Why a `--store` value cannot be used: what was wrong and an example that works.
public struct StoreLocationError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
