import AlbumService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Primitives

/// The body of every error response.
struct ErrorBody: Decodable {
    let error: String
}

/// Headers of a JSON request.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// A logger for test servers: warnings and worse only.
let quietLogger: Logger = {
    var logger = Logger(label: "album-service-tests")
    logger.logLevel = .warning
    return logger
}()

/// A store with the three classic albums and `extra` generated ones.
func classicStore(extra: Int = 0, strategy: MapStrategy = .snapshot, listEncoding: ListEncoding = .cached)
    -> InMemoryAlbumStore
{
    AlbumServerConfiguration(strategy: strategy, listEncoding: listEncoding, seedAlbumCount: extra).makeStore()
}

/// Runs `test` against the album service on `store` with `engine`, over a real connection.
/// Idle connections stay open (tests running in parallel can leave one idle for long; the
/// idle timeout has its own test).
func withClient(
    _ engine: ServerEngine,
    store: InMemoryAlbumStore = classicStore(),
    _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    try await makeApplication(configuration: AlbumServerConfiguration(engine: engine, idleTimeout: .seconds(3_600)), store: store, logger: quietLogger)
        .test(.live) { client in try await test(client) }
}

/// Runs `test` against the album service with `engine` on a new store of kind `store` holding
/// the classics and `extra` generated albums, over a real connection; removes the store after.
func withClient(
    _ engine: ServerEngine,
    _ store: TestStore,
    extra: Int = 0,
    _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let (albums, remove) = try await store.open(extra: extra)
    do {
        try await makeApplication(configuration: AlbumServerConfiguration(engine: engine, idleTimeout: .seconds(3_600)), store: albums, logger: quietLogger)
            .test(.live) { client in try await test(client) }
    } catch {
        try? await remove()
        throw error
    }
    try await remove()
}

/// `value` decoded from a JSON response body.
func decode<Value: Decodable>(_ type: Value.Type, from body: ByteBuffer) throws -> Value {
    try JSONDecoder().decode(Value.self, from: Data(body.readableBytesView))
}

extension ByteBuffer {
    /// The buffer's bytes as UTF-8 text.
    var text: String { String(buffer: self) }
}

extension TestClientProtocol {
    /// POSTs `json` to /albums.
    @discardableResult
    func postAlbum(_ json: String, headers: HTTPFields = jsonHeaders) async throws -> TestResponse {
        try await execute(uri: "/albums", method: .post, headers: headers, body: ByteBuffer(string: json))
    }
}

extension Deferred {
    /// The value when it is ready (always, with the in-memory store), else nil.
    var readyValue: Value? {
        if case .ready(let value) = self { value } else { nil }
    }
}
