import CoreMetrics
import Hummingbird
import Prometheus
import Synchronization

/// The service's Prometheus metrics, kept in a registry of its own so several services can run
/// in one process (tests) without touching the global `MetricsSystem`.
///
/// - `http_requests_total{route, method, status}`: requests answered.
/// - `http_request_duration_seconds{route, method, status}`: a histogram of handling time, from
///   the request head to the response head.
/// - `albums_stored`: the number of albums, read when scraped.
public final class ServiceMetrics: Sendable {
    /// The names of the metrics, as Prometheus shows them.
    public enum Name {
        public static let requests = "http_requests_total"
        public static let requestDuration = "http_request_duration_seconds"
        public static let albums = "albums_stored"
    }

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct RequestInstruments: Sendable {
        let count: CoreMetrics.Counter
        let duration: CoreMetrics.Timer
    }

    /// Latency buckets from 100 µs, since a map lookup answers in microseconds, to 10 s, where
    /// the original's full-list responses ended up.
    public static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let albums: CoreMetrics.Gauge
    /// Instruments of the label sets known in advance, made at start and never changed, so
    /// recording one of them takes no lock of ours and allocates nothing.
    private let expected: [RequestKey: RequestInstruments]
    /// Instruments of other label sets (unusual methods, unknown routes), made when first seen.
    private let others = Mutex<[RequestKey: RequestInstruments]>([:])

    /// Metrics whose request series for `expectedRequests` exist from the start (at zero, as
    /// Prometheus recommends for label sets known in advance).
    public init(expectedRequests: [(route: String, method: String, status: Int)] = []) {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.durationBuckets
        self.factory = factory
        albums = CoreMetrics.Gauge(label: Name.albums, factory: factory)
        var expected: [RequestKey: RequestInstruments] = [:]
        for (route, method, status) in expectedRequests {
            expected[RequestKey(route: route, method: method, status: status)] = Self.instruments(
                route: route, method: method, status: status, factory: factory)
        }
        self.expected = expected
    }

    private static func instruments(route: String, method: String, status: Int, factory: PrometheusMetricsFactory)
        -> RequestInstruments
    {
        let dimensions = [("route", route), ("method", method), ("status", String(status))]
        return RequestInstruments(
            count: CoreMetrics.Counter(label: Name.requests, dimensions: dimensions, factory: factory),
            duration: CoreMetrics.Timer(label: Name.requestDuration, dimensions: dimensions, factory: factory)
        )
    }

    /// Counts one answered request and its handling time.
    public func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let instruments =
            expected[key]
            ?? others.withLock { known in
                if let existing = known[key] { return existing }
                let made = Self.instruments(route: route, method: method, status: status, factory: factory)
                known[key] = made
                return made
            }
        instruments.count.increment()
        let (seconds, attoseconds) = duration.components
        instruments.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Every metric in the Prometheus text exposition format, with the album gauge set to
    /// `albumCount` first.
    public func exposition(albumCount: Int) -> ByteBuffer {
        albums.record(albumCount)
        return ByteBuffer(bytes: registry.emitToBuffer())
    }
}
