import AlbumService
import Hummingbird
import LoadTesting
import Logging

/// The album service started in this process on a free loopback port, with a fresh store
/// holding the three classic albums, for the length of one load run.
struct AlbumServiceUnderStudy {
    /// How the store encodes its list: `locked` is the original's store, `cached` ScaleLab's.
    let listEncoding: ListEncoding

    /// Starts the service, runs `body` with its port and store, then stops the service.
    func serving<Result: Sendable>(
        _ body: (_ port: Int, _ store: InMemoryAlbumStore) async throws -> Result
    ) async throws -> Result {
        let configuration = AlbumServerConfiguration(host: "127.0.0.1", port: 0, listEncoding: listEncoding)
        let store = configuration.makeStore()
        let quiet = Logger(label: "scalelab.study.service", factory: { _ in SwiftLogNoOpLogHandler() })
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
