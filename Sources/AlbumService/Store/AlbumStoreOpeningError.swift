/// Why a store could not be opened at start: what was wrong and how to fix it.
public struct AlbumStoreOpeningError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
