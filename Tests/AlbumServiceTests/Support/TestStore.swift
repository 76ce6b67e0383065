import AlbumService
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
