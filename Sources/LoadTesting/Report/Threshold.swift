import Foundation
import Reporting
import Statistics

/// A pass/fail criterion on the final statistics, e.g. `p95<200ms`, `fail_ratio<0.01`,
/// `rps>1000`, or per request type: `/albums/{id}:p99<50ms`, `GET /albums:rps>100`.
public struct Threshold: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What is measured.
    public enum Metric: Sendable, Equatable, Codable {
        /// A response-time percentile (0...100) in milliseconds; `p50` is the median.
        case percentile(Double)
        case average, minimum, maximum
        /// Failed requests / requests (0...1).
        case failureRatio
        /// Requests per second over the whole run.
        case requestsPerSecond
        /// Number of requests.
        case requests
    }

    /// The comparison that must hold.
    public enum Comparison: String, Sendable, Codable {
        case lessThan = "<", lessThanOrEqual = "<=", greaterThan = ">", greaterThanOrEqual = ">="
    }

    /// The request type ("name" or "METHOD name"), or nil for all requests together.
    public let requestType: String?
    public let metric: Metric
    public let comparison: Comparison
    /// The limit, in milliseconds for times.
    public let limit: Double
    /// The text it was parsed from.
    public let description: String

    /// Parses a threshold; the error says what is wrong and shows valid forms.
    public init(parsing text: String) throws(ThresholdError) {
        let examples = "use forms like 'p95<200ms', 'avg<50ms', 'fail_ratio<0.01', 'rps>1000', '/albums/{id}:p99<1s'"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let operatorStart = trimmed.firstIndex(where: { $0 == "<" || $0 == ">" }) else {
            throw ThresholdError("'\(text)' has no < or > comparison; \(examples).")
        }
        var left = String(trimmed[..<operatorStart]).trimmingCharacters(in: .whitespaces)
        var right = trimmed[operatorStart...]
        let comparison: Comparison
        if right.hasPrefix("<=") || right.hasPrefix(">=") {
            comparison = Comparison(rawValue: String(right.prefix(2)))!
            right = right.dropFirst(2)
        } else {
            comparison = Comparison(rawValue: String(right.prefix(1)))!
            right = right.dropFirst()
        }
        var requestType: String?
        if let colon = left.lastIndex(of: ":") {
            requestType = left[..<colon].trimmingCharacters(in: .whitespaces)
            left = left[left.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if requestType?.isEmpty == true { requestType = nil }
        }
        let metric: Metric
        switch left.lowercased() {
        case "avg", "average", "mean": metric = .average
        case "min": metric = .minimum
        case "max": metric = .maximum
        case "median", "med": metric = .percentile(50)
        case "fail_ratio", "failure_ratio": metric = .failureRatio
        case "rps": metric = .requestsPerSecond
        case "requests", "reqs": metric = .requests
        case let name where name.hasPrefix("p"):
            guard let percentile = Double(name.dropFirst()), (0...100).contains(percentile) else {
                throw ThresholdError("'\(text)': '\(left)' is not a percentile; write p50 to p100, e.g. p99.9.")
            }
            metric = .percentile(percentile)
        default:
            throw ThresholdError("'\(text)': unknown metric '\(left)'; \(examples).")
        }
        let valueText = right.trimmingCharacters(in: .whitespaces)
        let limit: Double?
        switch metric {
        case .percentile, .average, .minimum, .maximum:
            limit = Self.milliseconds(valueText)
            if limit == nil {
                throw ThresholdError("'\(text)': '\(valueText)' is not a time; write e.g. 200ms or 1.5s.")
            }
        case .failureRatio, .requestsPerSecond, .requests:
            limit = Double(valueText)
            if limit == nil {
                throw ThresholdError("'\(text)': '\(valueText)' is not a number; \(examples).")
            }
        }
        self.requestType = requestType
        self.metric = metric
        self.comparison = comparison
        self.limit = limit!
        self.description = trimmed
    }

    /// The measured value of the metric in `snapshot`, or nil when the request type never ran.
    /// A request type given by name alone covers every method with that name.
    public func measuredValue(in snapshot: StatsSnapshot) -> Double? {
        let stats: EndpointStats
        if let requestType {
            let matches = snapshot.endpoints.map(\.stats).filter {
                $0.name == requestType || "\($0.method) \($0.name)" == requestType
            }
            guard !matches.isEmpty else { return nil }
            stats = matches.dropFirst().reduce(into: matches[0]) { $0.merge($1) }
        } else {
            stats = snapshot.aggregated.stats
        }
        switch metric {
        case .percentile(let percentile): return stats.percentileMilliseconds(percentile)
        case .average: return stats.meanMilliseconds
        case .minimum: return stats.minMilliseconds
        case .maximum: return stats.maxMilliseconds
        case .failureRatio: return stats.failureRatio
        case .requestsPerSecond: return snapshot.elapsedSeconds > 0 ? Double(stats.requests) / snapshot.elapsedSeconds : 0
        case .requests: return Double(stats.requests)
        }
    }

    /// Whether the threshold holds; a request type that never ran breaks it.
    public func holds(in snapshot: StatsSnapshot) -> Bool {
        guard let value = measuredValue(in: snapshot) else { return false }
        switch comparison {
        case .lessThan: return value < limit
        case .lessThanOrEqual: return value <= limit
        case .greaterThan: return value > limit
        case .greaterThanOrEqual: return value >= limit
        }
    }

    /// The measured value as text with its unit, e.g. "182 ms", "0.0021", "1,204/s".
    public func formattedValue(in snapshot: StatsSnapshot) -> String {
        guard let value = measuredValue(in: snapshot) else {
            return "no requests named '\(requestType ?? "")'"
        }
        switch metric {
        case .percentile, .average, .minimum, .maximum: return NumberFormatting.significant(value) + " ms"
        case .failureRatio: return NumberFormatting.significant(value)
        case .requestsPerSecond: return NumberFormatting.significant(value) + "/s"
        case .requests: return NumberFormatting.grouped(Int(value))
        }
    }

    /// A bare number is milliseconds; anything else is a duration as `--run-time` takes it.
    private static func milliseconds(_ text: String) -> Double? {
        Double(text) ?? DurationText.parse(text).map { $0.seconds * 1_000 }
    }
}

/// A `--threshold` that cannot be parsed; the message says how to write it.
public struct ThresholdError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
