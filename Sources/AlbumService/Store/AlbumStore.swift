import Hummingbird

/// Where the service keeps its albums.
///
/// Every call is atomic: a write that returned is seen by every call that starts after it, and
/// a list or page shows the albums of one instant. Albums keep the order they were added in;
/// replacing an album keeps its place.
public protocol AlbumStore: Sendable {
    /// The album with `id`, or nil.
    func album(id: String) -> StoredAlbum?

    /// Stores `draft`, assigning the next free numeric id when it has none. Returns nil, and
    /// stores nothing, when an album already has the draft's id.
    func add(_ draft: AlbumDraft) -> StoredAlbum?

    /// Replaces the album `id` with `draft`, keeping its place in the list; nil when there is
    /// no album `id` (nothing is stored then). The draft's own id is ignored.
    func replaceAlbum(id: String, with draft: AlbumDraft) -> StoredAlbum?

    /// Removes the album `id`, returning it, or nil when there was none.
    @discardableResult
    func removeAlbum(id: String) -> Album?

    /// The number of albums.
    var count: Int { get }

    /// Changes with every successful write; a list or page of one version never changes.
    var version: UInt64 { get }

    /// Every album, in order, as one JSON array.
    func list() -> AlbumPage

    /// Up to `limit` albums that follow the album `after` (from the first when nil), as a JSON
    /// array. Throws when `after` names no album.
    func page(after: String?, limit: Int) throws(AlbumPageError) -> AlbumPage
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
}

/// Why a page cannot be made.
public enum AlbumPageError: Error, Hashable, Sendable {
    /// The `after` cursor names no album (it never existed or was deleted).
    case unknownCursor(String)
}
