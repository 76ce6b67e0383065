import Hummingbird
import NIOCore
import Primitives
import Synchronization

/// Albums in memory: a `ConcurrentMap` of any `MapStrategy` answers lookups by id, and a
/// mutex-guarded catalog beside it keeps the insertion order.
///
/// Writes take the catalog lock, so the map and the order always agree, and hold it only for
/// constant work (a delete or replace also searches the order). Lookups by id go to the map
/// alone, so the map strategy decides how they scale. Lists depend on `ListEncoding`: cached
/// lists copy the catalog (constant time, copy-on-write) under the lock and join the stored
/// JSON outside it; locked lists encode under the lock, like the original service.
public final class InMemoryAlbumStore: AlbumStore {
    private struct Catalog {
        /// Album ids in list order.
        var ids: [String] = []
        /// The stored JSON of each album, parallel to `ids`.
        var objects: [ByteBuffer] = []
        var version: UInt64 = 0
    }

    /// The strategy behind lookups by id.
    public let strategy: MapStrategy
    /// How lists are encoded.
    public let listEncoding: ListEncoding

    private let albums: any ConcurrentMap<String, StoredAlbum>
    /// `albums` as its concrete type when it is a snapshot map (the default), so that lookups
    /// and inserts, the calls of GET and POST, are compiled for `String` keys: through the
    /// existential they run the map's generic code, with a runtime cast and metadata lookups
    /// in every call.
    private let snapshotAlbums: SnapshotMap<String, StoredAlbum>?
    private let catalog = Mutex(Catalog())
    private let cachedList = Mutex<AlbumPage?>(nil)
    /// The number `takeGeneratedNumber` gives next.
    private let nextGeneratedNumber = Atomic(1)

    /// An empty store, or one holding `seed` in order.
    public init(strategy: MapStrategy = .snapshot, listEncoding: ListEncoding = .cached, seed: [AlbumDraft] = []) {
        self.strategy = strategy
        self.listEncoding = listEncoding
        self.albums = strategy.makeMap(of: String.self, to: StoredAlbum.self)
        self.snapshotAlbums = albums as? SnapshotMap<String, StoredAlbum>
        for draft in seed {
            add(draft)
        }
    }

    public func album(id: String) -> StoredAlbum? {
        if let snapshotAlbums { return snapshotAlbums.value(forKey: id) }
        return albums.value(forKey: id)
    }

    /// Stores `album` under `id` unless an album has that id; whether it was stored.
    private func insertIntoMap(_ album: StoredAlbum, forKey id: String) -> Bool {
        if let snapshotAlbums { return snapshotAlbums.insertValue(album, forKey: id) }
        return albums.insertValue(album, forKey: id)
    }

    /// Stores `draft` under its own id, or else under the next number no album uses; nil when
    /// its own id is taken. The album's JSON is made before the catalog lock is taken, so
    /// concurrent adds wait for each other only while the album is inserted.
    @discardableResult
    public func add(_ draft: AlbumDraft) -> StoredAlbum? {
        if let id = draft.id {
            return add(StoredAlbum(draft.album(id: id)))
        }
        // The insert itself checks that no album has the number (a client may have chosen
        // it): a lookup first would cost a second search, and on a snapshot map a miss that
        // counts towards republishing, and so copying, every key.
        while true {
            if let stored = add(StoredAlbum(draft.album(id: takeGeneratedNumber()))) { return stored }
        }
    }

    /// Stores `stored` in the map and at the end of the order, unless an album has its id.
    private func add(_ stored: StoredAlbum) -> StoredAlbum? {
        catalog.withLock { catalog in
            guard insertIntoMap(stored, forKey: stored.album.id) else { return nil }
            catalog.ids.append(stored.album.id)
            catalog.objects.append(stored.json)
            catalog.version += 1
            return stored
        }
    }

    /// A number for a new album's id that no earlier call gave (it may still be a client's id).
    private func takeGeneratedNumber() -> String {
        String(nextGeneratedNumber.wrappingAdd(1, ordering: .relaxed).oldValue)
    }

    /// The next number no album uses as its id, reserved: neither this call nor `add` gives it
    /// again. A store that mirrors its database here takes ids from it before writing.
    package func reserveGeneratedID() -> String {
        while true {
            let id = takeGeneratedNumber()
            if album(id: id) == nil { return id }
        }
    }

    public func replaceAlbum(id: String, with draft: AlbumDraft) -> StoredAlbum? {
        catalog.withLock { catalog in
            guard let index = catalog.ids.firstIndex(of: id) else { return nil }
            let stored = StoredAlbum(draft.album(id: id))
            albums.updateValue(stored, forKey: id)
            catalog.objects[index] = stored.json
            catalog.version += 1
            return stored
        }
    }

    @discardableResult
    public func removeAlbum(id: String) -> Album? {
        catalog.withLock { catalog in
            guard let removed = albums.removeValue(forKey: id) else { return nil }
            if let index = catalog.ids.firstIndex(of: id) {
                catalog.ids.remove(at: index)
                catalog.objects.remove(at: index)
            }
            catalog.version += 1
            return removed.album
        }
    }

    public var count: Int {
        catalog.withLock { $0.ids.count }
    }

    public var version: UInt64 {
        catalog.withLock { $0.version }
    }

    public func list() -> AlbumPage {
        switch listEncoding {
        case .locked:
            return catalog.withLock { catalog in
                encodedPage(ids: catalog.ids[...], version: catalog.version, hasMore: false)
            }
        case .cached:
            let (version, objects) = catalog.withLock { ($0.version, $0.objects) }
            if let cached = cachedList.withLock({ $0 }), cached.version == version {
                return cached
            }
            let built = AlbumPage(
                version: version, count: objects.count, json: Self.joined(objects[...]), lastIDBeforeMore: nil)
            cachedList.withLock { cached in
                if (cached?.version ?? 0) < version || cached == nil {
                    cached = built
                }
            }
            return built
        }
    }

    public func page(after: String?, limit: Int) throws(AlbumPageError) -> AlbumPage {
        precondition(limit > 0, "a page holds at least one album")
        switch listEncoding {
        case .locked:
            return try catalog.withLock { catalog throws(AlbumPageError) in
                let range = try Self.pageRange(in: catalog.ids, after: after, limit: limit)
                return encodedPage(
                    ids: catalog.ids[range], version: catalog.version, hasMore: range.upperBound < catalog.ids.count)
            }
        case .cached:
            let (version, ids, objects) = catalog.withLock { ($0.version, $0.ids, $0.objects) }
            let range = try Self.pageRange(in: ids, after: after, limit: limit)
            let hasMore = range.upperBound < ids.count
            return AlbumPage(
                version: version, count: range.count, json: Self.joined(objects[range]),
                lastIDBeforeMore: hasMore ? ids[range.upperBound - 1] : nil)
        }
    }

    /// Encodes the albums `ids` from the map; called with the catalog locked.
    private func encodedPage(ids: ArraySlice<String>, version: UInt64, hasMore: Bool) -> AlbumPage {
        var json = ByteBuffer()
        json.writeStaticString("[")
        for (offset, id) in ids.enumerated() {
            if offset > 0 { json.writeStaticString(",") }
            albums.value(forKey: id)?.album.writeJSON(into: &json)
        }
        json.writeStaticString("]")
        return AlbumPage(version: version, count: ids.count, json: json, lastIDBeforeMore: hasMore ? ids.last : nil)
    }

    private static func pageRange(in ids: [String], after: String?, limit: Int) throws(AlbumPageError) -> Range<Int> {
        var start = 0
        if let after {
            guard let index = ids.firstIndex(of: after) else { throw .unknownCursor(after) }
            start = index + 1
        }
        return start..<min(ids.count, start + limit)
    }

    /// A JSON array of the given JSON objects.
    private static func joined(_ objects: ArraySlice<ByteBuffer>) -> ByteBuffer {
        var json = ByteBuffer()
        json.reserveCapacity(objects.reduce(2) { $0 + $1.readableBytes + 1 })
        json.writeStaticString("[")
        var isFirst = true
        for object in objects {
            if !isFirst { json.writeStaticString(",") }
            isFirst = false
            json.writeImmutableBuffer(object)
        }
        json.writeStaticString("]")
        return json
    }
}

/// The in-memory store answers every call at once: the synchronous fast path.
extension InMemoryAlbumStore {
    public func album(id: String, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        .ready(album(id: id))
    }

    public func add(_ draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        .ready(add(draft))
    }

    public func replaceAlbum(id: String, with draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        .ready(replaceAlbum(id: id, with: draft))
    }

    public func removeAlbum(id: String, on loop: any EventLoop) -> Deferred<Album?> {
        .ready(removeAlbum(id: id))
    }

    public func count(on loop: any EventLoop) -> Deferred<Int> {
        .ready(count)
    }

    public func version(on loop: any EventLoop) -> Deferred<UInt64> {
        .ready(version)
    }

    public func list(on loop: any EventLoop) -> Deferred<AlbumPage> {
        .ready(list())
    }

    public func page(after: String?, limit: Int, on loop: any EventLoop) -> Deferred<Result<AlbumPage, AlbumPageError>> {
        .ready(Result { () throws(AlbumPageError) in try page(after: after, limit: limit) })
    }
}
