import Statistics

/// Counts and response times of one request type (method and name), or of all of them.
///
/// As in Locust, failed requests count as requests and their response times are recorded.
public struct EndpointStats: Sendable, Codable, Equatable {
    /// The HTTP method, or "" for the aggregated row.
    public let method: String
    /// The request name, or "Aggregated" for the aggregated row.
    public let name: String
    public private(set) var requests: UInt64 = 0
    public private(set) var failures: UInt64 = 0
    public private(set) var contentBytes: UInt64 = 0
    /// Response times in microseconds (from the intended start in the open model).
    public private(set) var histogram = LatencyHistogram()
    /// Open model only: times from the actual start, uncorrected for coordinated omission.
    public private(set) var serviceTimeHistogram: LatencyHistogram?

    public init(method: String, name: String) {
        self.method = method
        self.name = name
    }

    /// The name of the row that aggregates every request type (as in Locust).
    public static let aggregatedName = "Aggregated"

    /// Adds one request.
    public mutating func record(_ outcome: RequestOutcome) {
        requests += 1
        if outcome.failure != nil { failures += 1 }
        contentBytes += UInt64(outcome.bytes)
        histogram.record(outcome.duration)
        if let serviceTime = outcome.serviceTime {
            serviceTimeHistogram = serviceTimeHistogram ?? LatencyHistogram()
            serviceTimeHistogram?.record(serviceTime)
        }
    }

    /// Adds another set of requests (of the same type, or any type for the aggregated row).
    public mutating func merge(_ other: EndpointStats) {
        requests += other.requests
        failures += other.failures
        contentBytes += other.contentBytes
        histogram.merge(other.histogram)
        if let otherServiceTimes = other.serviceTimeHistogram {
            serviceTimeHistogram = (serviceTimeHistogram ?? LatencyHistogram()).merged(with: otherServiceTimes)
        }
    }

    /// Average response body size in bytes; 0 without requests.
    public var averageContentBytes: Double {
        requests == 0 ? 0 : Double(contentBytes) / Double(requests)
    }

    /// The share of requests that failed, 0...1; 0 without requests.
    public var failureRatio: Double {
        requests == 0 ? 0 : Double(failures) / Double(requests)
    }

    /// A response-time percentile (0...100) in milliseconds.
    public func percentileMilliseconds(_ percentile: Double) -> Double {
        Double(histogram.percentileMicroseconds(percentile)) / 1_000
    }

    public var minMilliseconds: Double { Double(histogram.minMicroseconds) / 1_000 }
    public var maxMilliseconds: Double { Double(histogram.maxMicroseconds) / 1_000 }
    public var meanMilliseconds: Double { histogram.meanMicroseconds / 1_000 }
}

/// One request type: what per-endpoint statistics are keyed by.
public struct EndpointKey: Hashable, Sendable, Comparable {
    public let method: String
    public let name: String

    public init(method: String, name: String) {
        self.method = method
        self.name = name
    }

    public static func < (lhs: EndpointKey, rhs: EndpointKey) -> Bool {
        (lhs.name, lhs.method) < (rhs.name, rhs.method)
    }
}
