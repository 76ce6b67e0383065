import AlbumService
import LoadTesting
import Synchronization

/// Runs the original workload once against a fresh in-process album service and condenses
/// what the generator saw, second by second, into a `ServiceRun`.
struct ServiceLoadRun {
    let setting: ServiceSetting
    let spawnRate: Double
    let seconds: Int

    func run() async throws -> ServiceRun {
        let listEncoding = ListEncoding(rawValue: setting.listEncoding) ?? .cached
        return try await AlbumServiceUnderStudy(listEncoding: listEncoding).serving { port, store in
            let configuration = LoadConfiguration(
                target: try TargetAddress(parsing: "http://127.0.0.1:\(port)"), client: setting.client,
                shape: .closed(users: setting.users, spawnRate: spawnRate), runTime: .seconds(seconds),
                stopTimeout: .seconds(5))
            let recorded = Mutex<[ServiceRun.Second]>([])
            let snapshot = try await LoadRunner(scenario: .albums, configuration: configuration).run { snapshot in
                guard let point = snapshot.history.last else { return }
                let second = Self.second(point, albums: store.count)
                recorded.withLock { $0.append(second) }
            }
            return ServiceRun(
                setting: setting,
                requestsPerSecond: snapshot.averageRequestsPerSecond,
                list: .init(snapshot.endpoints.first { $0.stats.method == "GET" && $0.stats.name == "/albums" }),
                create: .init(snapshot.endpoints.first { $0.stats.method == "POST" && $0.stats.name == "/albums" }),
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
