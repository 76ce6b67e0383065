import Logging
import NIOCore
import NIOPosix
import Primitives

/// Everything `scalelab serve` can change about the album service.
public struct AlbumServerConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 serves this machine only, 0.0.0.0 every interface.
    public var host: String
    /// The TCP port; 0 lets the system pick a free one.
    public var port: Int
    /// Where the albums are kept.
    public var store: StoreLocation
    /// The map strategy behind lookups by id (of the memory store, and of the SQLite store's mirror).
    public var strategy: MapStrategy
    /// How lists are encoded.
    public var listEncoding: ListEncoding
    /// Generated albums added after the three classics (to a new database only).
    public var seedAlbumCount: Int
    /// What answers requests.
    public var engine: ServerEngine
    /// Time after which a connection that sent nothing is closed (event-loop engine only).
    public var idleTimeout: Duration
    /// Event-loop threads that accept and serve connections (at least 1).
    public var eventLoopCount: Int

    /// One and a half times the cores (rounded down), chosen by measuring on 2 cores. With the
    /// load generator on the same cores, as in every benchmark and study run here, a loop that
    /// holds fewer connections sleeps more often, and the kernel can then wake it beside the
    /// client thread that sent the request instead of interrupting another core; with one loop
    /// per core, a fifth of the requests cost such an interrupt. Twice the cores served more
    /// with two client threads but had a longer tail with one (docs/album-service.md, "Event
    /// loops").
    public static let defaultEventLoopCount = System.coreCount + System.coreCount / 2

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        store: StoreLocation = .memory,
        strategy: MapStrategy = .snapshot,
        listEncoding: ListEncoding = .cached,
        seedAlbumCount: Int = 0,
        engine: ServerEngine = .eventLoop,
        idleTimeout: Duration = .seconds(60),
        eventLoopCount: Int = Self.defaultEventLoopCount
    ) {
        self.host = host
        self.port = port
        self.store = store
        self.strategy = strategy
        self.listEncoding = listEncoding
        self.seedAlbumCount = seedAlbumCount
        self.engine = engine
        self.idleTimeout = idleTimeout
        self.eventLoopCount = eventLoopCount
    }

    /// The event loops that serve connections, shared with a PostgreSQL store's pool.
    var eventLoopGroup: MultiThreadedEventLoopGroup {
        ServerEventLoopGroups.group(loopCount: eventLoopCount)
    }

    /// The albums a new store starts with: the three classics, then `seedAlbumCount` generated ones.
    public var seed: [AlbumDraft] {
        AlbumDraft.classics + AlbumDraft.generated(count: seedAlbumCount)
    }

    /// An in-memory store as configured, holding `seed`.
    public func makeStore() -> InMemoryAlbumStore {
        InMemoryAlbumStore(strategy: strategy, listEncoding: listEncoding, seed: seed)
    }

    /// The store `store` names, opened: a database is created (with `seed`) when it is new,
    /// and keeps its albums otherwise.
    public func openStore(logger: Logger) async throws(AlbumStoreOpeningError) -> any AlbumStore {
        switch store {
        case .memory:
            return makeStore()
        case .sqlite(let path):
            return try SQLiteAlbumStore(path: path, strategy: strategy, listEncoding: listEncoding, seed: seed)
        case .postgres(let address):
            return try await PostgresAlbumStore.open(address, seed: seed, eventLoopGroup: eventLoopGroup, logger: logger)
        }
    }
}
