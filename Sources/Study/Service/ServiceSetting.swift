import AlbumService
import LoadTesting

/// What one service run varies: the scenario, the store's list encoding, the load client and
/// the users.
package struct ServiceSetting: Codable, Sendable, Hashable {
    /// The built-in scenario's name: `albums` is the original workload.
    package let scenario: String
    /// The `ListEncoding` raw value: `locked` is the original's store, `cached` ScaleLab's.
    package let listEncoding: String
    package let client: ClientKind
    package let users: Int

    package init(scenario: Scenario = .albums, listEncoding: ListEncoding, client: ClientKind, users: Int) {
        self.scenario = scenario.name
        self.listEncoding = listEncoding.rawValue
        self.client = client
        self.users = users
    }

    /// The store's name in reports: "original store (locked)" or "ScaleLab store (cached)".
    package var storeName: String {
        listEncoding == ListEncoding.locked.rawValue ? "original store (locked)" : "ScaleLab store (\(listEncoding))"
    }

    /// A short name for files and tables, e.g. "albums-locked-fast-50u".
    package var slug: String { "\(scenario)-\(listEncoding)-\(client.rawValue)-\(users)u" }
}
