import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO
import ServiceLifecycle

/// Albums in a PostgreSQL database that any number of `scalelab serve` instances share,
/// through postgres-nio's connection pool.
///
/// Every write is one transaction that first bumps the single row of `album_catalog`: writes
/// from all instances are serialized there, the catalog's `version` is the list's ETag
/// version (so it changes with every write, whichever instance made it) and the new version
/// is the album's `position` in the list. Server-chosen ids come from the sequence
/// `album_ids`, so they stay unique across instances. A write is answered only after its
/// `COMMIT` returned.
///
/// Reads never re-encode an album: each row keeps the JSON encoded when it was written. The
/// whole list is cached by version: a list request reads the version (one indexed row) and
/// sends the cached bytes while it is unchanged; a request after a write from any instance
/// sees a new version and reloads. Every call answers through a future on the caller's loop
/// and fails with `AlbumStoreError` when the database does not answer within `answerTimeoutSeconds`.
public final class PostgresAlbumStore: AlbumStore, Service {
    /// How many seconds a call waits for the database before it fails (and the API answers 503).
    public static let answerTimeoutSeconds: Int64 = 5
    /// Connections the pool opens at most, unless `open` is told otherwise.
    public static let defaultMaximumConnections = 20

    /// The database, as `--store` named it.
    public let address: PostgresAddress
    private let client: PostgresClient
    private let logger: Logger
    private let cachedList = NIOLockedValueBox<AlbumPage?>(nil)

    /// Connects to `address`, creates the tables on first start (adding `seed`) or checks
    /// their version, and makes a pool of up to `maximumConnections` on `eventLoopGroup` (a
    /// server's own loops); `run()` (a Service) runs it. Errors name `option`, the command-line
    /// option that gave the address.
    public static func open(
        _ address: PostgresAddress, seed: [AlbumDraft] = [], maximumConnections: Int = defaultMaximumConnections,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, option: String = "--store",
        logger: Logger
    ) async throws(AlbumStoreOpeningError) -> PostgresAlbumStore {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: eventLoopGroup.any(), configuration: connectionConfiguration(address), id: 0,
                logger: logger
            ).get()
        } catch {
            throw AlbumStoreOpeningError(
                "Cannot connect to PostgreSQL at \(address) (\(reason(error))); check that it runs and accepts this user, or fix \(option) postgres://USER@HOST:PORT/DATABASE."
            )
        }
        do {
            try await PostgresSchema.prepare(on: connection, seed: seed, address: address, logger: logger)
        } catch let error as AlbumStoreOpeningError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw AlbumStoreOpeningError("Cannot set up the album tables in \(address): \(reason(error)).")
        }
        try? await connection.close()
        return PostgresAlbumStore(
            address: address, maximumConnections: maximumConnections, eventLoopGroup: eventLoopGroup, logger: logger)
    }

    private init(
        address: PostgresAddress, maximumConnections: Int, eventLoopGroup: any EventLoopGroup, logger: Logger
    ) {
        self.address = address
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(Self.answerTimeoutSeconds)
        client = PostgresClient(configuration: configuration, eventLoopGroup: eventLoopGroup, backgroundLogger: logger)
    }

    private static func connectionConfiguration(_ address: PostgresAddress) -> PostgresConnection.Configuration {
        PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
    }

    /// Runs the connection pool until graceful shutdown.
    public func run() async throws {
        await client.run()
    }

    /// What went wrong, in PostgreSQL's words when it said something.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError,
            let cause = error.beginError ?? error.closureError ?? error.commitError ?? error.rollbackError
        {
            return reason(cause)
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }

    /// Runs `operation` and answers through a future on `loop`; fails with `AlbumStoreError`
    /// when it throws or takes longer than `answerTimeoutSeconds` (it is then cancelled).
    private func run<Value: Sendable>(on loop: any EventLoop, _ operation: @escaping @Sendable () async throws -> Value)
        -> Deferred<Value>
    {
        let promise = loop.makePromise(of: Value.self)
        let isAnswered = NIOLockedValueBox(false)
        let answer: @Sendable (Result<Value, AlbumStoreError>) -> Void = { result in
            guard isAnswered.withLockedValue({ isAnswered in defer { isAnswered = true }; return !isAnswered }) else { return }
            promise.completeWith(result.mapError { $0 as any Error })
        }
        let address = address
        let task = Task {
            do {
                answer(.success(try await operation()))
            } catch {
                answer(.failure(AlbumStoreError("PostgreSQL at \(address) failed: \(Self.reason(error))")))
            }
        }
        let timeout = loop.scheduleTask(in: .seconds(Self.answerTimeoutSeconds)) {
            answer(.failure(AlbumStoreError("PostgreSQL at \(address) did not answer within \(Self.answerTimeoutSeconds) s")))
            task.cancel()
        }
        promise.futureResult.whenComplete { _ in timeout.cancel() }
        return .pending(promise.futureResult)
    }

    // MARK: AlbumStore

    public func album(id: String, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        run(on: loop) { [client] in
            let rows = try await client.query("SELECT title, artist, price, json FROM albums WHERE id = \(id)")
            for try await (title, artist, price, json) in rows.decode((ByteBuffer, ByteBuffer, Double, ByteBuffer).self) {
                let album = Album(id: id, title: String(buffer: title), artist: String(buffer: artist), price: price)
                return StoredAlbum(album, json: json)
            }
            return nil
        }
    }

    public func add(_ draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        run(on: loop) { [client, logger] in
            while true {
                let id: String
                if let chosen = draft.id {
                    id = chosen
                } else {
                    id = try await client.withConnection { try await Self.nextGeneratedID($0, logger: logger) }
                }
                let album = StoredAlbum(draft.album(id: id))
                let added = try await Self.committed(client, logger: logger) { connection in
                    try await Self.insert(album, on: connection, logger: logger) ? album : nil
                }
                // A client may have chosen the generated id already: the sequence gives the next one.
                if added != nil || draft.id != nil { return added }
            }
        }
    }

    /// A number from the shared sequence, unique across instances.
    static func nextGeneratedID(_ connection: PostgresConnection, logger: Logger) async throws -> String {
        for try await next in try await connection.query("SELECT nextval('album_ids')", logger: logger).decode(Int64.self) {
            return String(next)
        }
        throw AlbumStoreError("the sequence album_ids gave no value")
    }

    /// Inserts `album` at the end of the list, in the caller's transaction; false when its id
    /// is taken (the caller must then roll back: the version was raised).
    static func insert(_ album: StoredAlbum, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let position = try await bumpVersion(connection, logger: logger)
        let (id, price, json) = (album.album.id, album.album.price, album.json)
        let (title, artist) = (ByteBuffer(string: album.album.title), ByteBuffer(string: album.album.artist))
        let inserted = try await connection.query(
            """
            INSERT INTO albums (id, position, title, artist, price, json)
            VALUES (\(id), \(position), \(title), \(artist), \(price), \(json))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger
        ).collect()
        return !inserted.isEmpty
    }

    public func replaceAlbum(id: String, with draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        run(on: loop) { [client, logger] in
            let stored = StoredAlbum(draft.album(id: id))
            return try await Self.committed(client, logger: logger) { connection in
                _ = try await Self.bumpVersion(connection, logger: logger)
                let (title, artist, json) = (ByteBuffer(string: draft.title), ByteBuffer(string: draft.artist), stored.json)
                let updated = try await connection.query(
                    """
                    UPDATE albums SET title = \(title), artist = \(artist), price = \(draft.price), json = \(json)
                    WHERE id = \(id) RETURNING id
                    """, logger: logger
                ).collect()
                return updated.isEmpty ? nil : stored
            }
        }
    }

    public func removeAlbum(id: String, on loop: any EventLoop) -> Deferred<Album?> {
        run(on: loop) { [client, logger] in
            try await Self.committed(client, logger: logger) { connection in
                _ = try await Self.bumpVersion(connection, logger: logger)
                let rows = try await connection.query(
                    "DELETE FROM albums WHERE id = \(id) RETURNING title, artist, price", logger: logger)
                for try await (title, artist, price) in rows.decode((ByteBuffer, ByteBuffer, Double).self) {
                    return Album(id: id, title: String(buffer: title), artist: String(buffer: artist), price: price)
                }
                return nil
            }
        }
    }

    /// What `change` gives, run in a transaction that commits before this returns; nil, with
    /// the transaction rolled back, when `change` gives nil (the write changes nothing).
    private static func committed<Value: Sendable>(
        _ client: PostgresClient, logger: Logger, _ change: (PostgresConnection) async throws -> Value?
    ) async throws -> Value? {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                guard let value = try await change(connection) else { throw NoChange() }
                return value
            }
        } catch let error as PostgresTransactionError where error.closureError is NoChange {
            return nil
        }
    }

    /// Locks the catalog row for the rest of the transaction (serializing every writer of
    /// every instance) and moves it to the next version, which it returns.
    static func bumpVersion(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query(
            "UPDATE album_catalog SET version = version + 1 RETURNING version", logger: logger)
        for try await version in rows.decode(Int64.self) { return version }
        throw AlbumStoreError("the table album_catalog has no row")
    }

    /// Thrown inside a transaction to roll it back when the write changes nothing.
    private struct NoChange: Error {}

    public func count(on loop: any EventLoop) -> Deferred<Int> {
        run(on: loop) { [client] in
            for try await count in try await client.query("SELECT count(*) FROM albums").decode(Int64.self) {
                return Int(count)
            }
            return 0
        }
    }

    public func version(on loop: any EventLoop) -> Deferred<UInt64> {
        run(on: loop) { [client] in try await Self.version(client) }
    }

    private static func version(_ client: PostgresClient) async throws -> UInt64 {
        for try await version in try await client.query("SELECT version FROM album_catalog").decode(Int64.self) {
            return UInt64(version)
        }
        throw AlbumStoreError("the table album_catalog has no row")
    }

    public func list(on loop: any EventLoop) -> Deferred<AlbumPage> {
        run(on: loop) { [client, cachedList] in
            let version = try await Self.version(client)
            if let cached = cachedList.withLockedValue({ $0 }), cached.version == version { return cached }
            let page = try await Self.page(client, after: nil, limit: nil).get()
            cachedList.withLockedValue { cached in
                if (cached?.version ?? 0) <= page.version { cached = page }
            }
            return page
        }
    }

    public func page(after: String?, limit: Int, on loop: any EventLoop) -> Deferred<Result<AlbumPage, AlbumPageError>> {
        run(on: loop) { [client] in try await Self.page(client, after: after, limit: limit) }
    }

    /// Up to `limit` albums (all when nil) after the album `after`, with the version they
    /// belong to, read by one statement (so from one snapshot).
    private static func page(_ client: PostgresClient, after: String?, limit: Int?) async throws
        -> Result<AlbumPage, AlbumPageError>
    {
        let fetched = limit.map { Int64($0) + 1 }
        let rows = try await client.query(
            """
            SELECT c.version, (SELECT position FROM albums WHERE id = \(after)), a.id, a.json
            FROM album_catalog c
            LEFT JOIN LATERAL (
                SELECT id, json FROM albums
                WHERE position > COALESCE((SELECT position FROM albums WHERE id = \(after)), 0)
                ORDER BY position LIMIT \(fetched)
            ) a ON true
            """)
        var version: Int64 = 0
        var cursorPosition: Int64?
        var ids: [String] = []
        var json = ByteBuffer()
        json.writeStaticString("[")
        for try await (rowVersion, position, id, object) in rows.decode((Int64, Int64?, String?, ByteBuffer?).self) {
            version = rowVersion
            cursorPosition = position
            guard let id, var object else { continue }
            if let limit, ids.count == limit {
                ids.append(id)  // the one row past the page: more albums follow
                continue
            }
            if !ids.isEmpty { json.writeStaticString(",") }
            json.writeBuffer(&object)
            ids.append(id)
        }
        json.writeStaticString("]")
        if let after, cursorPosition == nil { return .failure(.unknownCursor(after)) }
        let hasMore = limit.map { ids.count > $0 } ?? false
        return .success(
            AlbumPage(
                version: UInt64(version), count: hasMore ? ids.count - 1 : ids.count, json: json,
                lastIDBeforeMore: hasMore ? ids[ids.count - 2] : nil))
    }
}
