import AlbumService
import LoadTesting
import NIOPosix
import Primitives
import Synchronization

/// Runs a scenario once against a fresh in-process album service and condenses what the
/// generator saw, second by second, into a `ServiceRun`.
struct ServiceLoadRun {
    let scenario: Scenario
    let store: StudyStore
    let strategy: MapStrategy
    let listEncoding: ListEncoding
    let engine: ServerEngine
    let client: ClientKind
    let users: Int
    let spawnRate: Double
    let seconds: Int
    /// The database of a PostgreSQL run.
    let postgres: PostgresAddress?

    init(
        scenario: Scenario = .albums, store: StudyStore = .memory, strategy: MapStrategy = .snapshot,
        listEncoding: ListEncoding = .cached, engine: ServerEngine = .eventLoop, client: ClientKind = .fast, users: Int,
        spawnRate: Double, seconds: Int, postgres: PostgresAddress? = nil
    ) {
        self.scenario = scenario
        self.store = store
        self.strategy = strategy
        self.listEncoding = listEncoding
        self.engine = engine
        self.client = client
        self.users = users
        self.spawnRate = spawnRate
        self.seconds = seconds
        self.postgres = postgres
    }

    var setting: ServiceSetting {
        ServiceSetting(
            scenario: scenario, store: store, strategy: strategy, listEncoding: listEncoding, engine: engine, client: client,
            users: users)
    }

    func run() async throws -> ServiceRun {
        let service = AlbumServiceUnderStudy(
            store: store, strategy: strategy, listEncoding: listEncoding, engine: engine, postgres: postgres)
        return try await service.serving { port, store in
            let configuration = LoadConfiguration(
                target: try TargetAddress(parsing: "http://127.0.0.1:\(port)"), client: client,
                shape: .closed(users: users, spawnRate: spawnRate), runTime: .seconds(seconds), stopTimeout: .seconds(5))
            let recorded = Mutex<[ServiceRun.Second]>([])
            let snapshot = try await LoadRunner(scenario: scenario, configuration: configuration).run { snapshot in
                guard let point = snapshot.history.last else { return }
                let second = Self.second(point, albums: await Self.albums(in: store))
                recorded.withLock { $0.append(second) }
            }
            return ServiceRun(
                setting: setting,
                requestsPerSecond: snapshot.averageRequestsPerSecond,
                get: .init(snapshot.endpoints.first { $0.stats.method == "GET" }),
                post: .init(snapshot.endpoints.first { $0.stats.method == "POST" }),
                albumsAtEnd: await Self.albums(in: store),
                peakGeneratorCPUUse: snapshot.peakGeneratorCPUUse,
                seconds: recorded.withLock { $0 })
        }
    }

    /// How many albums `store` holds; 0 when it cannot say (a database that went away).
    private static func albums(in store: any AlbumStore) async -> Int {
        (try? await store.count(on: MultiThreadedEventLoopGroup.singleton.any()).get()) ?? 0
    }

    private static func second(_ point: StatsSnapshot.HistoryPoint, albums: Int) -> ServiceRun.Second {
        func percentile(_ value: Double) -> Double {
            StatsSnapshot.reportedPercentiles.firstIndex(of: value).map { point.windowPercentilesMilliseconds[$0] } ?? 0
        }
        return ServiceRun.Second(
            elapsedSeconds: point.elapsedSeconds, albums: albums, requestsPerSecond: point.requestsPerSecond,
            windowMedianMilliseconds: percentile(50), windowP95Milliseconds: percentile(95),
            windowP99Milliseconds: percentile(99))
    }
}
