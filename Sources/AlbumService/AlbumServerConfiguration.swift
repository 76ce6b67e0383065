import Primitives

/// Everything `scalelab serve` can change about the album service.
public struct AlbumServerConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 serves this machine only, 0.0.0.0 every interface.
    public var host: String
    /// The TCP port; 0 lets the system pick a free one.
    public var port: Int
    /// The map strategy behind lookups by id.
    public var strategy: MapStrategy
    /// How lists are encoded.
    public var listEncoding: ListEncoding
    /// Generated albums added after the three classics.
    public var seedAlbumCount: Int
    /// What answers requests.
    public var engine: ServerEngine
    /// Time after which a connection that sent nothing is closed (event-loop engine only).
    public var idleTimeout: Duration

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        strategy: MapStrategy = .snapshot,
        listEncoding: ListEncoding = .cached,
        seedAlbumCount: Int = 0,
        engine: ServerEngine = .eventLoop,
        idleTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.strategy = strategy
        self.listEncoding = listEncoding
        self.seedAlbumCount = seedAlbumCount
        self.engine = engine
        self.idleTimeout = idleTimeout
    }

    /// A store as configured: the three classics, then `seedAlbumCount` generated albums.
    public func makeStore() -> InMemoryAlbumStore {
        InMemoryAlbumStore(
            strategy: strategy,
            listEncoding: listEncoding,
            seed: AlbumDraft.classics + AlbumDraft.generated(count: seedAlbumCount)
        )
    }
}
