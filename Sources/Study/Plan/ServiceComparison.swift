import AlbumService
import LoadTesting
import Primitives

/// A comparison the service part makes with repeated runs: one thing about the service varies
/// (the map strategy, the engine or the store), everything else stays as `scalelab serve`'s
/// defaults, under reads by id and POSTs whose cost does not grow with the run.
package enum ServiceComparison: String, CaseIterable, Codable, Sendable {
    /// The four map strategies, under a read-heavy and a write-heavy mix.
    case maps
    /// The event-loop engine against Hummingbird's router.
    case engines
    /// Memory against SQLite (and PostgreSQL when the study has a database).
    case stores

    /// The section's title in the report.
    package var title: String {
        switch self {
        case .maps: "Map strategies behind the service"
        case .engines: "Engines"
        case .stores: "Stores"
        }
    }

    /// What varies, for progress lines and tables: "map strategy", "engine", "store".
    package var variedName: String {
        switch self {
        case .maps: "map strategy"
        case .engines: "engine"
        case .stores: "store"
        }
    }

    /// What varies, in the plural: "map strategies", "engines", "stores".
    package var pluralName: String {
        switch self {
        case .maps: "map strategies"
        case .engines: "engines"
        case .stores: "stores"
        }
    }

    /// What "all about the same" means for this comparison.
    var sameRemark: String {
        switch self {
        case .maps: "behind HTTP, the map strategy is not what limits the service here."
        case .engines: "the framework's cost per request is not what limits the service here."
        case .stores: "keeping albums durably cost no throughput here."
        }
    }

    /// The group a run belongs to (the mix, for map strategies), or nil when the comparison
    /// has one group.
    package func group(of setting: ServiceSetting) -> ServiceMix? {
        self == .maps ? ServiceMix(scenarioName: setting.scenario) : nil
    }

    /// The variant a run measured, as reports name it.
    package func variant(of setting: ServiceSetting) -> String {
        switch self {
        case .maps: setting.strategy.rawValue
        case .engines: setting.engine.rawValue
        case .stores: setting.store.displayName
        }
    }

    /// One run of each variant (and each mix), in the order the study runs them; PostgreSQL
    /// only when `postgres` names a database.
    func loadRuns(size: StudySize, postgres: PostgresAddress?) -> [ServiceLoadRun] {
        func run(scenario: Scenario = .albumsByID, store: StudyStore = .memory, strategy: MapStrategy = .snapshot, engine: ServerEngine = .eventLoop)
            -> ServiceLoadRun
        {
            ServiceLoadRun(
                scenario: scenario, store: store, strategy: strategy, engine: engine, users: size.comparisonUsers,
                spawnRate: Double(size.comparisonUsers) * 10, seconds: size.comparisonRunSeconds, postgres: postgres)
        }
        switch self {
        case .maps:
            return ServiceMix.allCases.flatMap { mix in MapStrategy.allCases.map { run(scenario: mix.scenario, strategy: $0) } }
        case .engines:
            return ServerEngine.allCases.map { run(engine: $0) }
        case .stores:
            return StudyStore.allCases.filter { $0 != .postgres || postgres != nil }.map { run(store: $0) }
        }
    }
}
