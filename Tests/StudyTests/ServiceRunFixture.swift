import AlbumService
import LoadTesting
import Primitives

@testable import Study

/// Service runs with chosen figures, for tests of conclusions and reports.
enum ServiceRunFixture {
    static func run(
        scenario: Scenario = .albums, store: StudyStore = .memory, strategy: MapStrategy = .snapshot,
        listEncoding: ListEncoding = .cached, engine: ServerEngine = .eventLoop, client: ClientKind = .fast,
        requestsPerSecond: Double, users: Int = 20, listP95: Double = 10, peakGeneratorCPUUse: Double = 0.5
    ) -> ServiceRun {
        let get = ServiceRun.Endpoint(
            requests: 300, failures: 0, medianMilliseconds: 5, p95Milliseconds: listP95, p99Milliseconds: listP95 * 2,
            averageBytes: 20_000)
        let post = ServiceRun.Endpoint(
            requests: 100, failures: 0, medianMilliseconds: 2, p95Milliseconds: 4, p99Milliseconds: 6, averageBytes: 120)
        return ServiceRun(
            setting: ServiceSetting(
                scenario: scenario, store: store, strategy: strategy, listEncoding: listEncoding, engine: engine, client: client,
                users: users),
            requestsPerSecond: requestsPerSecond, get: get, post: post, albumsAtEnd: 103, peakGeneratorCPUUse: peakGeneratorCPUUse,
            seconds: [
                .init(elapsedSeconds: 1, albums: 40, requestsPerSecond: 150, windowMedianMilliseconds: 4, windowP95Milliseconds: 8, windowP99Milliseconds: 12),
                .init(elapsedSeconds: 2, albums: 103, requestsPerSecond: 200, windowMedianMilliseconds: 5, windowP95Milliseconds: 10, windowP99Milliseconds: 20),
            ])
    }
}
