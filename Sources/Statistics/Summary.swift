/// The spread of repeated measurements of one quantity: what every ScaleLab table reports.
///
/// Built from the measured runs only (warm-up runs are discarded before they get here).
public struct Summary: Codable, Sendable, Equatable {
    /// How many values were summarized.
    public let count: Int
    public let min: Double
    /// The middle value; for an even count, the mean of the two middle values.
    public let median: Double
    /// The 95th percentile by the nearest-rank method.
    public let p95: Double
    public let max: Double
    public let mean: Double
    /// Sample standard deviation (n - 1 denominator); 0 for a single value.
    public let standardDeviation: Double

    /// Summarizes `values`; returns nil when there is nothing to summarize.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let count = sorted.count
        self.count = count
        self.min = sorted[0]
        self.max = sorted[count - 1]
        self.median = count % 2 == 1
            ? sorted[count / 2]
            : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
        let rank = Int((0.95 * Double(count)).rounded(.up))
        self.p95 = sorted[Swift.max(0, Swift.min(count - 1, rank - 1))]
        let mean = sorted.reduce(0, +) / Double(count)
        self.mean = mean
        if count > 1 {
            let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            self.standardDeviation = (squares / Double(count - 1)).squareRoot()
        } else {
            self.standardDeviation = 0
        }
    }

    /// Every value multiplied by `factor` (for example, seconds to milliseconds).
    public func scaled(by factor: Double) -> Summary {
        Summary(
            count: count, min: min * factor, median: median * factor, p95: p95 * factor,
            max: max * factor, mean: mean * factor, standardDeviation: standardDeviation * factor
        )
    }

    private init(
        count: Int, min: Double, median: Double, p95: Double, max: Double, mean: Double,
        standardDeviation: Double
    ) {
        self.count = count
        self.min = min
        self.median = median
        self.p95 = p95
        self.max = max
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}
