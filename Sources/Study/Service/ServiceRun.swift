import LoadTesting

/// One load run against the album service in this process (by default the original workload:
/// 3:1 GET /albums : POST /albums, the list growing with every POST): its setting and what it
/// measured.
package struct ServiceRun: Codable, Sendable, Equatable {
    /// Response times and sizes of one request type.
    package struct Endpoint: Codable, Sendable, Equatable {
        package let requests: UInt64
        package let failures: UInt64
        package let medianMilliseconds: Double
        package let p95Milliseconds: Double
        package let p99Milliseconds: Double
        package let averageBytes: Double
    }

    /// One second of the run: how many albums the store held and the response times of all
    /// requests in the generator's rate window.
    package struct Second: Codable, Sendable, Equatable {
        package let elapsedSeconds: Double
        package let albums: Int
        package let requestsPerSecond: Double
        package let windowMedianMilliseconds: Double
        package let windowP95Milliseconds: Double
        package let windowP99Milliseconds: Double
    }

    package let setting: ServiceSetting
    /// Requests per second over the whole run.
    package let requestsPerSecond: Double
    /// The scenario's GET requests (GET /albums in the original workload).
    package let get: Endpoint
    /// Its POST /albums requests.
    package let post: Endpoint
    /// Albums stored when the run ended.
    package let albumsAtEnd: Int
    /// The generator's highest CPU use in one second, as a share of its event-loop threads.
    package let peakGeneratorCPUUse: Double
    package let seconds: [Second]

    /// Failed requests of either kind.
    package var failures: UInt64 { self.get.failures + post.failures }
}

extension ServiceRun.Endpoint {
    /// The figures of `row`, or zeros when the run sent no such request.
    init(_ row: StatsSnapshot.Row?) {
        guard let stats = row?.stats else {
            self.init(requests: 0, failures: 0, medianMilliseconds: 0, p95Milliseconds: 0, p99Milliseconds: 0, averageBytes: 0)
            return
        }
        self.init(
            requests: stats.requests, failures: stats.failures,
            medianMilliseconds: stats.percentileMilliseconds(50), p95Milliseconds: stats.percentileMilliseconds(95),
            p99Milliseconds: stats.percentileMilliseconds(99), averageBytes: stats.averageContentBytes)
    }
}
