import AlbumService
import Foundation
import NIOPosix
import PostgresNIO
import Testing

/// The PostgreSQL server `SCALELAB_POSTGRES_URL` names, where each test gets a database of its own.
enum PostgresTestServer {
    /// The server's address, or nil when the variable is not set (PostgreSQL tests are then skipped).
    static let address: PostgresAddress? = ProcessInfo.processInfo.environment["SCALELAB_POSTGRES_URL"].flatMap {
        try? PostgresAddress(parsing: $0)
    }

    /// Why PostgreSQL tests are skipped, for `.enabled(if:)`.
    static let skipReason: Comment = "set SCALELAB_POSTGRES_URL to a PostgreSQL server (.ci/checks/postgres.sh does)"

    /// A new, empty database on the server.
    static func createDatabase() async throws -> PostgresAddress {
        var database = try #require(address)
        database.database = "scalelab_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await withAdminConnection { try await $0.query("CREATE DATABASE \(unescaped: database.database)", logger: quietLogger) }
        return database
    }

    /// Drops a database `createDatabase` made, closing its connections.
    static func dropDatabase(_ database: PostgresAddress) async throws {
        try await withAdminConnection {
            try await $0.query("DROP DATABASE IF EXISTS \(unescaped: database.database) WITH (FORCE)", logger: quietLogger)
        }
    }

    private static func withAdminConnection(_ body: (PostgresConnection) async throws -> Void) async throws {
        try await withConnection(to: try #require(address), body)
    }

    /// Runs `body` on a connection to `server`.
    static func withConnection(to server: PostgresAddress, _ body: (PostgresConnection) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: PostgresConnection.Configuration(
                host: server.host, port: server.port, username: server.user, password: server.password,
                database: server.database, tls: .disable),
            id: 1, logger: quietLogger
        ).get()
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
