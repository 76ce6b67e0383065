import AlbumService
import Foundation
import Hummingbird
import LoadTesting
import Logging
import Primitives

/// The album service started in this process on a free loopback port, as a setting asks
/// (store, map strategy, list encoding, engine), for the length of one load run. A memory or
/// SQLite store is new for each run and holds the three classic albums; a SQLite file lives
/// in a temporary folder removed after the run. A PostgreSQL store is the database
/// `--postgres` names, with the albums it holds (the study adds albums and removes none).
struct AlbumServiceUnderStudy {
    var store: StudyStore = .memory
    var strategy: MapStrategy = .snapshot
    var listEncoding: ListEncoding = .cached
    var engine: ServerEngine = .eventLoop
    /// The database of a PostgreSQL store.
    var postgres: PostgresAddress? = nil

    /// Starts the service, runs `body` with its port and store, then stops the service.
    func serving<Result: Sendable>(
        _ body: (_ port: Int, _ store: any AlbumStore) async throws -> Result
    ) async throws -> Result {
        let quiet = Logger(label: "scalelab.study.service", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration = AlbumServerConfiguration(
            host: "127.0.0.1", port: 0, strategy: strategy, listEncoding: listEncoding, engine: engine)
        var folder: URL?
        switch store {
        case .memory:
            configuration.store = .memory
        case .sqlite:
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-study-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            folder = made
            configuration.store = .sqlite(path: made.appendingPathComponent("albums.sqlite").path)
        case .postgres:
            guard let postgres else { throw StudyError.noPostgres }
            configuration.store = .postgres(postgres)
        }
        defer {
            if let folder { try? FileManager.default.removeItem(at: folder) }
        }
        let store = try await configuration.openStore(logger: quiet)
        defer { try? (store as? SQLiteAlbumStore)?.close() }
        return try await ServedApplication.serve(
            { announcePort in
                makeApplication(configuration: configuration, store: store, logger: quiet, onServerRunning: announcePort)
            },
            cannotListen: { reason in StudyError.serviceCannotListen(reason: reason) }
        ) { port in
            try await body(port, store)
        }
    }
}
