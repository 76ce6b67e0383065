import AlbumService
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import Testing

/// The stores the contract tests run on: memory and SQLite always, PostgreSQL when the
/// environment variable `SCALELAB_POSTGRES_URL` names a server the tests may create databases
/// on (`.ci/checks/postgres.sh` starts one and sets it).
enum TestStore: String, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite
    case postgres

    /// The stores available here.
    static let available: [TestStore] = [.memory, .sqlite] + (PostgresTestServer.address == nil ? [] : [.postgres])

    var testDescription: String { rawValue }

    /// A new store of this kind holding the classics and `extra` generated albums, and what
    /// removes it afterwards.
    func open(extra: Int = 0) async throws -> (store: any AlbumStore, remove: @Sendable () async throws -> Void) {
        let configuration = AlbumServerConfiguration(seedAlbumCount: extra)
        switch self {
        case .memory:
            return (configuration.makeStore(), {})
        case .sqlite:
            let file = TemporaryDirectory()
            let store = try SQLiteAlbumStore(path: file.path("albums.sqlite"), seed: configuration.seed)
            return (store, { file.remove() })
        case .postgres:
            let address = try await PostgresTestServer.createDatabase()
            // Small pools: every test case has its own, and they run at once on one server.
            let store = try await PostgresAlbumStore.open(
                address, seed: configuration.seed, maximumConnections: 2, logger: quietLogger)
            return (store, { try await PostgresTestServer.dropDatabase(address) })
        }
    }
}

/// An engine on a store: the contract tests run on every pair.
struct EngineOnStore: CustomTestStringConvertible, Sendable {
    var engine: ServerEngine
    var store: TestStore

    /// Every engine on every available store.
    static let all = ServerEngine.allCases.flatMap { engine in TestStore.available.map { EngineOnStore(engine: engine, store: $0) } }

    var testDescription: String { "\(engine.rawValue) on \(store.rawValue)" }
}

/// A directory under the system's temporary directory, for one test.
struct TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

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
