import GRDB
import NIOCore
import Primitives

/// Albums in one SQLite file, owned by one process: every write is committed (and synced to
/// disk) before it is answered, and an `InMemoryAlbumStore` mirrors the file for reads.
///
/// The process holds the file's lock for as long as it runs (`locking_mode = EXCLUSIVE`), so
/// no other process can change the file behind the mirror: a second `scalelab serve` on the
/// same file is refused at start. Writes run one at a time on GRDB's writer queue, off the
/// event loops; each changes the mirror only after its transaction committed, so the mirror
/// always equals the file and reads (by id, lists, pages) never touch the disk and reuse the
/// JSON encoded when the album was written.
///
/// Durability: WAL with `synchronous = FULL` syncs the log on every commit, so an answered
/// write survives a crash of the process and a power loss (on a disk that honours fsync).
public final class SQLiteAlbumStore: AlbumStore {
    /// The database file.
    public let path: String
    private let database: DatabaseQueue
    private let mirror: InMemoryAlbumStore

    /// Opens (creating when needed) the database at `path` and loads its albums. A new
    /// database gets `seed`; an existing one keeps what it holds.
    public init(
        path: String, strategy: MapStrategy = .snapshot, listEncoding: ListEncoding = .cached, seed: [AlbumDraft] = []
    ) throws(AlbumStoreOpeningError) {
        self.path = path
        self.mirror = InMemoryAlbumStore(strategy: strategy, listEncoding: listEncoding)
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw Self.inUseError(path)
        } catch {
            throw AlbumStoreOpeningError(
                "Cannot open the SQLite database '\(path)' (\(Self.reason(error))); check that its directory exists and is writable, or choose another path with --store sqlite:PATH."
            )
        }
        try openTables(seed: seed)
    }

    /// Creates the tables of a new database (with `seed`), checks the version of an existing
    /// one, and loads the albums into the mirror; takes the file's lock for good.
    private func openTables(seed: [AlbumDraft]) throws(AlbumStoreOpeningError) {
        let albums: [AlbumDraft]
        do {
            albums = try database.writeWithoutTransaction { db in
                try db.inTransaction(.exclusive) {
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if version > AlbumSchema.version {
                        throw AlbumSchema.newerVersionError(version, database: "The SQLite database '\(path)'")
                    }
                    if version == 0 {
                        try Self.createTables(db)
                        for draft in seed {
                            try Self.insert(draft.album(id: draft.id ?? mirror.reserveGeneratedID()), db)
                        }
                    }
                    return .commit
                }
                return try Row.fetchAll(db, sql: "SELECT id, title, artist, price FROM albums ORDER BY position").map {
                    row in try AlbumDraft(id: row["id"], title: row["title"], artist: row["artist"], price: row["price"])
                }
            }
        } catch let error as AlbumStoreOpeningError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw Self.inUseError(path)
        } catch {
            throw AlbumStoreOpeningError(
                "Cannot use the SQLite database '\(path)' (\(Self.reason(error))); check that it is writable and is a ScaleLab album database, or choose another path."
            )
        }
        for draft in albums {
            mirror.add(draft)
        }
    }

    private static func inUseError(_ path: String) -> AlbumStoreOpeningError {
        AlbumStoreOpeningError(
            "The SQLite database '\(path)' is in use by another process (another scalelab serve?); a SQLite store belongs to one process. Stop it, or use --store postgres://… to share albums between instances."
        )
    }

    /// The tables of schema version `AlbumSchema.version`. `position` orders the list and is
    /// never reused (AUTOINCREMENT); replacing an album keeps it.
    private static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE albums (
                    position INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    artist TEXT NOT NULL,
                    price REAL NOT NULL
                );
                PRAGMA user_version = \(AlbumSchema.version);
                """)
    }

    private static func insert(_ album: Album, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO albums (id, title, artist, price) VALUES (?, ?, ?, ?)",
            arguments: [album.id, album.title, album.artist, album.price])
    }

    /// Closes the database file and releases its lock, after the writes already asked for;
    /// later writes fail.
    public func close() throws {
        try database.close()
    }

    /// Runs `write` on the writer queue inside a transaction, committed unless it gives nil;
    /// after the commit `applied` changes the mirror, still on the writer queue, and its
    /// answer completes the future. Nothing is answered before the commit.
    private func write<Change: Sendable, Answer: Sendable>(
        on loop: any EventLoop, _ write: @escaping @Sendable (Database) throws -> Change?,
        applied: @escaping @Sendable (Change) -> Answer
    ) -> Deferred<Answer?> {
        let promise = loop.makePromise(of: Answer?.self)
        database.asyncWriteWithoutTransaction { [path] db in
            do {
                var change: Change?
                try db.inTransaction {
                    change = try write(db)
                    return change == nil ? .rollback : .commit
                }
                promise.succeed(change.map(applied))
            } catch {
                promise.fail(AlbumStoreError("the SQLite database '\(path)' failed: \(Self.reason(error))"))
            }
        }
        return .pending(promise.futureResult)
    }

    /// The words of a GRDB error without the SQL.
    private static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }

    // MARK: AlbumStore

    public func album(id: String, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        mirror.album(id: id, on: loop)
    }

    public func add(_ draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        write(on: loop) { [mirror] db -> AlbumDraft? in
            var stored = draft
            stored.id = draft.id ?? mirror.reserveGeneratedID()
            guard let id = stored.id, mirror.album(id: id) == nil else { return nil }
            try Self.insert(stored.album(id: id), db)
            return stored
        } applied: { [mirror] stored in
            mirror.add(stored)
        }.map { $0 ?? nil }
    }

    public func replaceAlbum(id: String, with draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        write(on: loop) { [mirror] db -> AlbumDraft? in
            guard mirror.album(id: id) != nil else { return nil }
            try db.execute(
                sql: "UPDATE albums SET title = ?, artist = ?, price = ? WHERE id = ?",
                arguments: [draft.title, draft.artist, draft.price, id])
            return draft
        } applied: { [mirror] draft in
            mirror.replaceAlbum(id: id, with: draft)
        }.map { $0 ?? nil }
    }

    public func removeAlbum(id: String, on loop: any EventLoop) -> Deferred<Album?> {
        write(on: loop) { [mirror] db -> Void? in
            guard mirror.album(id: id) != nil else { return nil }
            try db.execute(sql: "DELETE FROM albums WHERE id = ?", arguments: [id])
            return ()
        } applied: { [mirror] _ in
            mirror.removeAlbum(id: id)
        }.map { $0 ?? nil }
    }

    public func count(on loop: any EventLoop) -> Deferred<Int> {
        mirror.count(on: loop)
    }

    public func version(on loop: any EventLoop) -> Deferred<UInt64> {
        mirror.version(on: loop)
    }

    public func list(on loop: any EventLoop) -> Deferred<AlbumPage> {
        mirror.list(on: loop)
    }

    public func page(after: String?, limit: Int, on loop: any EventLoop) -> Deferred<Result<AlbumPage, AlbumPageError>> {
        mirror.page(after: after, limit: limit, on: loop)
    }
}
