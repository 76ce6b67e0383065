#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A PostgreSQL database to connect to, from a `postgres://` URL.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    /// Parses `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`; the port defaults to 5432
    /// and the database to the user's name. Errors name `option`, the option that gave `text`.
    public init(parsing text: String, option: String = "--store") throws(StoreLocationError) {
        let example = "e.g. postgres://scalelab@127.0.0.1:5432/albums"
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw StoreLocationError("\(option) \(text.prefix(100)) is not a PostgreSQL URL with a host; \(example).")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreLocationError("\(option) \(Self.withoutPassword(text)) names no user; write it before the host, \(example).")
        }
        let database = components.path.drop { $0 == "/" }
        self.init(
            user: user, password: components.password, host: host, port: components.port ?? 5432,
            database: database.isEmpty ? user : String(database))
    }

    /// `text` with the password, if any, replaced by `***`.
    private static func withoutPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return String(text.prefix(100)) }
        components.password = "***"
        return components.string ?? "postgres://…"
    }

    /// `postgres://USER@HOST:PORT/DATABASE`, without the password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }
}
