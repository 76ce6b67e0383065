/// Where the album service under study keeps its albums: the stores `scalelab serve --store`
/// offers, as the study names them.
package enum StudyStore: String, CaseIterable, Codable, Sendable {
    /// In the process's memory (`--store memory`, the default).
    case memory
    /// In a SQLite file the study creates for the run and removes after it.
    case sqlite
    /// In the PostgreSQL database `scalelab study --postgres` names.
    case postgres

    /// The store's name in reports.
    package var displayName: String {
        switch self {
        case .memory: "memory"
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}
