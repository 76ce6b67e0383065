import AlbumService
import LoadTesting
import Primitives

/// What one service run varies: the scenario, the store and how it keeps albums, the engine,
/// the load client and the users.
package struct ServiceSetting: Codable, Sendable, Hashable {
    /// The built-in scenario's name: `albums` is the original workload.
    package let scenario: String
    /// Where the albums are kept.
    package let store: StudyStore
    /// The map strategy behind lookups by id.
    package let strategy: MapStrategy
    /// The `ListEncoding` raw value: `locked` is the original's store, `cached` ScaleLab's.
    package let listEncoding: String
    /// What answers the requests.
    package let engine: ServerEngine
    package let client: ClientKind
    package let users: Int

    package init(
        scenario: Scenario = .albums, store: StudyStore = .memory, strategy: MapStrategy = .snapshot,
        listEncoding: ListEncoding = .cached, engine: ServerEngine = .eventLoop, client: ClientKind = .fast, users: Int
    ) {
        self.scenario = scenario.name
        self.store = store
        self.strategy = strategy
        self.listEncoding = listEncoding.rawValue
        self.engine = engine
        self.client = client
        self.users = users
    }

    /// The list encoding of the original workload's runs, in reports: "original store (locked)"
    /// or "ScaleLab store (cached)".
    package var storeName: String {
        listEncoding == ListEncoding.locked.rawValue ? "original store (locked)" : "ScaleLab store (\(listEncoding))"
    }

    /// A short name for files and tables, e.g. "albums-locked-fast-50u".
    package var slug: String { "\(scenario)-\(listEncoding)-\(client.rawValue)-\(users)u" }
}
