import NIOCore

/// Where the service keeps its albums: in memory, in a SQLite file or in PostgreSQL.
///
/// Every call is atomic: a write whose answer arrived is seen by every call that starts after
/// it, and a list or page shows the albums of one instant. Albums keep the order they were
/// added in; replacing an album keeps its place. Each call answers through `Deferred`: at once,
/// or through a future on `loop` that fails only with `AlbumStoreError`.
public protocol AlbumStore: Sendable {
    /// The album with `id`, or nil.
    func album(id: String, on loop: any EventLoop) -> Deferred<StoredAlbum?>

    /// Stores `draft`, assigning the next free numeric id when it has none. Nil, and nothing
    /// stored, when an album already has the draft's id. A store that persists answers only
    /// once the album is committed.
    func add(_ draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?>

    /// Replaces the album `id` with `draft`, keeping its place in the list; nil when there is
    /// no album `id` (nothing is stored then). The draft's own id is ignored.
    func replaceAlbum(id: String, with draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?>

    /// Removes the album `id`, answering it, or nil when there was none.
    func removeAlbum(id: String, on loop: any EventLoop) -> Deferred<Album?>

    /// The number of albums.
    func count(on loop: any EventLoop) -> Deferred<Int>

    /// Changes with every successful write; a list or page of one version never changes.
    func version(on loop: any EventLoop) -> Deferred<UInt64>

    /// Every album, in order, as one JSON array.
    func list(on loop: any EventLoop) -> Deferred<AlbumPage>

    /// Up to `limit` albums that follow the album `after` (from the first when nil), as a JSON
    /// array; a failure when `after` names no album.
    func page(after: String?, limit: Int, on loop: any EventLoop) -> Deferred<Result<AlbumPage, AlbumPageError>>
}

/// An album as a store holds it: the value and its JSON, encoded once when it was written.
public struct StoredAlbum: Sendable {
    public let album: Album
    /// `album` as a JSON object; responses send these bytes as they are.
    public let json: ByteBuffer

    public init(_ album: Album) {
        self.album = album
        self.json = album.json
    }

    /// An album with the JSON it was stored with.
    public init(_ album: Album, json: ByteBuffer) {
        self.album = album
        self.json = json
    }
}

/// A run of albums in list order, ready to send.
public struct AlbumPage: Sendable {
    /// The store version the page shows.
    public let version: UInt64
    /// The number of albums in `json`.
    public let count: Int
    /// A JSON array of album objects.
    public let json: ByteBuffer
    /// The id of the last album on this page when more albums follow, else nil.
    public let lastIDBeforeMore: String?

    public init(version: UInt64, count: Int, json: ByteBuffer, lastIDBeforeMore: String?) {
        self.version = version
        self.count = count
        self.json = json
        self.lastIDBeforeMore = lastIDBeforeMore
    }
}

/// Why a page cannot be made.
public enum AlbumPageError: Error, Hashable, Sendable {
    /// The `after` cursor names no album (it never existed or was deleted).
    case unknownCursor(String)
}
