import AlbumService
import LoadTesting
import Synchronization

/// Runs a scenario once against a fresh in-process album service and condenses what the
/// generator saw, second by second, into a `ServiceRun`.
struct ServiceLoadRun {
    let scenario: Scenario
    let listEncoding: ListEncoding
    let client: ClientKind
    let users: Int
    let spawnRate: Double
    let seconds: Int

    init(
        scenario: Scenario = .albums, listEncoding: ListEncoding, client: ClientKind, users: Int, spawnRate: Double,
        seconds: Int
    ) {
        self.scenario = scenario
        self.listEncoding = listEncoding
        self.client = client
        self.users = users
        self.spawnRate = spawnRate
        self.seconds = seconds
    }

    var setting: ServiceSetting {
        ServiceSetting(scenario: scenario, listEncoding: listEncoding, client: client, users: users)
    }

    func run() async throws -> ServiceRun {
        try await AlbumServiceUnderStudy(listEncoding: listEncoding).serving { port, store in
            let configuration = LoadConfiguration(
                target: try TargetAddress(parsing: "http://127.0.0.1:\(port)"), client: client,
                shape: .closed(users: users, spawnRate: spawnRate), runTime: .seconds(seconds), stopTimeout: .seconds(5))
            let recorded = Mutex<[ServiceRun.Second]>([])
            let snapshot = try await LoadRunner(scenario: scenario, configuration: configuration).run { snapshot in
                guard let point = snapshot.history.last else { return }
                let second = Self.second(point, albums: store.count)
                recorded.withLock { $0.append(second) }
            }
            return ServiceRun(
                setting: setting,
                requestsPerSecond: snapshot.averageRequestsPerSecond,
                get: .init(snapshot.endpoints.first { $0.stats.method == "GET" }),
                post: .init(snapshot.endpoints.first { $0.stats.method == "POST" }),
                albumsAtEnd: store.count,
                peakGeneratorCPUUse: snapshot.peakGeneratorCPUUse,
                seconds: recorded.withLock { $0 })
        }
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
