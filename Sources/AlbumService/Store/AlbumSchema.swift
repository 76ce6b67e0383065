/// The version of the tables a persistent store writes: one number for SQLite and PostgreSQL,
/// raised whenever either store's tables change.
///
/// A store creates its tables on first start and records this version; it refuses a database
/// that records a newer one, which a newer `scalelab` wrote and this one cannot read.
public enum AlbumSchema {
    /// The version this `scalelab` writes and reads.
    public static let version = 1

    /// The error for a database whose tables are a newer version than this `scalelab` knows.
    static func newerVersionError(_ found: Int, database: String) -> AlbumStoreOpeningError {
        AlbumStoreOpeningError(
            "\(database) holds albums in schema version \(found), written by a newer scalelab; this scalelab reads schema version \(version). Upgrade scalelab, or choose another --store."
        )
    }
}
