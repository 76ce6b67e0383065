import Logging
import PostgresNIO

/// The PostgreSQL tables of schema version `AlbumSchema.version`, created on first start.
///
/// - `albums`: one row per album, with the JSON encoded when it was written; `position`
///   (unique) orders the list. Title and artist are UTF-8 `bytea`, not `text`: PostgreSQL's
///   text cannot hold U+0000, which the API accepts (as the other stores do).
/// - `album_catalog`: one row whose `version` every write raises (the ETag's version, and the
///   lock that serializes writers).
/// - `album_ids`: the sequence of server-chosen ids.
/// - `scalelab_schema`: the version of these tables.
enum PostgresSchema {
    /// A key for `pg_advisory_xact_lock`, so instances starting together create the tables once.
    private static let setupLock: Int64 = 0x5CA1_E1AB

    /// Creates the tables when the database has none (adding `seed`), or checks that their
    /// version is one this `scalelab` reads.
    static func prepare(on connection: PostgresConnection, seed: [AlbumDraft], address: PostgresAddress, logger: Logger)
        async throws
    {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(setupLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS scalelab_schema (version integer NOT NULL)", logger: logger)
            var found: Int32?
            for try await version in try await connection.query(
                "SELECT max(version) FROM scalelab_schema", logger: logger
            ).decode(Int32?.self) {
                found = version
            }
            if let found {
                if Int(found) > AlbumSchema.version {
                    throw AlbumSchema.newerVersionError(Int(found), database: "The PostgreSQL database \(address)")
                }
                return
            }
            for statement: PostgresQuery in [
                """
                CREATE TABLE albums (
                    id text PRIMARY KEY,
                    position bigint NOT NULL UNIQUE,
                    title bytea NOT NULL,
                    artist bytea NOT NULL,
                    price double precision NOT NULL,
                    json bytea NOT NULL
                )
                """,
                "CREATE TABLE album_catalog (version bigint NOT NULL)",
                "INSERT INTO album_catalog VALUES (0)",
                "CREATE SEQUENCE album_ids",
                "INSERT INTO scalelab_schema VALUES (\(Int32(AlbumSchema.version)))",
            ] {
                try await connection.query(statement, logger: logger)
            }
            for draft in seed {
                let id: String
                if let chosen = draft.id {
                    id = chosen
                } else {
                    id = try await PostgresAlbumStore.nextGeneratedID(connection, logger: logger)
                }
                _ = try await PostgresAlbumStore.insert(StoredAlbum(draft.album(id: id)), on: connection, logger: logger)
            }
        }
    }
}
