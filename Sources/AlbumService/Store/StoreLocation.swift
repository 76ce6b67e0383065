/// Where `scalelab serve` keeps its albums: `--store memory`, `--store sqlite:PATH` or
/// `--store postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// In the process's memory: lost when it stops (the default).
    case memory
    /// In one SQLite file that this process alone uses.
    case sqlite(path: String)
    /// In a PostgreSQL database any number of instances share.
    case postgres(PostgresAddress)

    /// The examples help texts and errors show.
    public static let examples = "memory, sqlite:albums.sqlite or postgres://scalelab@127.0.0.1:5432/albums"

    /// Parses a `--store` value.
    public init(parsing text: String) throws(StoreLocationError) {
        if text == "memory" {
            self = .memory
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw StoreLocationError("--store sqlite: needs a file path, e.g. --store sqlite:albums.sqlite.")
            }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(parsing: text))
        } else {
            throw StoreLocationError(
                "--store must be memory, sqlite:PATH or postgres://USER@HOST:PORT/DATABASE (got '\(text.prefix(100))'), e.g. \(Self.examples).")
        }
    }

    /// The location as `--store` takes it, without a password.
    public var description: String {
        switch self {
        case .memory: "memory"
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let address): address.description
        }
    }
}
