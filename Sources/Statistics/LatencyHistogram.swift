import Histogram

/// Latencies in microseconds, kept as an HDR histogram: percentiles to three significant digits
/// from 1 µs to 1 hour in bounded memory, mergeable without loss across users and workers.
///
/// The count, minimum, maximum and mean are exact; percentiles are exact to within the
/// histogram's resolution (0.1 %), are never above the maximum and never below the minimum.
/// A sub-microsecond latency is recorded as 0 µs, a latency above 1 hour as 1 hour.
public struct LatencyHistogram: Sendable, Codable, Equatable {
    /// The largest value kept; larger values are recorded as this one.
    static let highestTrackableMicroseconds: UInt64 = 3_600_000_000

    /// Grows its bucket array only as far as the largest value recorded so far, so a histogram
    /// of millisecond latencies stays small.
    private var histogram = Histogram<UInt64>(numberOfSignificantValueDigits: .three)
    /// The exact sum of all recorded values (integers, so exact up to 2^53 µs, about 285 years).
    private var sumMicroseconds: Double = 0

    /// An empty histogram tracking 1 µs ... 1 h with three significant digits.
    public init() {}

    /// Records one latency; values above 1 hour are recorded as 1 hour.
    public mutating func record(microseconds: UInt64) {
        let value = Swift.min(microseconds, Self.highestTrackableMicroseconds)
        histogram.record(value)
        sumMicroseconds += Double(value)
    }

    /// Records one latency, rounded to the nearest microsecond; negative durations count as 0.
    public mutating func record(_ duration: Duration) {
        record(microseconds: Self.microseconds(of: duration))
    }

    /// Coordinated-omission correction: records `microseconds` and, when it exceeds
    /// `expectedIntervalMicroseconds`, the synthetic values a steady sender would have seen.
    ///
    /// A sender that should issue a request every `expectedIntervalMicroseconds` but waited
    /// `microseconds` for one response missed the requests it would have sent meanwhile; their
    /// latencies would have been `microseconds - k * expectedIntervalMicroseconds` for every
    /// `k >= 1` that leaves at least one interval. Those are recorded too (as HdrHistogram's
    /// `recordCorrectedValue` does), in time proportional to the number of buckets they span,
    /// not to their number. An interval of 0 records `microseconds` alone.
    public mutating func record(microseconds: UInt64, expectedIntervalMicroseconds interval: UInt64) {
        let value = Swift.min(microseconds, Self.highestTrackableMicroseconds)
        record(microseconds: value)
        guard interval > 0, value > interval else { return }
        var next = value - interval
        while next >= interval {
            // All synthetic values from `next` down to the bucket's floor share one bucket:
            // record them in one step, at the lowest of them so that the minimum stays exact.
            let floor = Swift.max(histogram.lowestEquivalentForValue(next), interval)
            let valuesInBucket = (next - floor) / interval + 1
            let lowest = next - (valuesInBucket - 1) * interval
            histogram.record(lowest, count: valuesInBucket)
            // Sum of the arithmetic sequence next, next - interval, ..., lowest (below 2^64: a
            // bucket is at most 2^21 wide and values are at most 1 h).
            sumMicroseconds += Double(valuesInBucket * (next + lowest) / 2)
            next = lowest - interval
        }
    }

    /// Adds every value recorded in `other`, losslessly.
    public mutating func merge(_ other: LatencyHistogram) {
        // hdrhistogram-swift grows its bucket array one element at a time through an
        // unspecialized generic path (a metadata lookup per bucket, most of a distributed
        // master's CPU when latencies reach seconds). Adding into whichever histogram already
        // reaches higher never grows one.
        if other.maxMicroseconds > maxMicroseconds {
            var merged = other
            merged.histogram.add(histogram)
            merged.sumMicroseconds += sumMicroseconds
            self = merged
        } else {
            histogram.add(other.histogram)
            sumMicroseconds += other.sumMicroseconds
        }
    }

    /// This histogram with every value recorded in `other` added, losslessly.
    public func merged(with other: LatencyHistogram) -> LatencyHistogram {
        var result = self
        result.merge(other)
        return result
    }

    /// How many values were recorded (synthetic coordinated-omission values included).
    public var count: UInt64 { histogram.totalCount }

    /// The smallest value recorded, exactly; 0 when empty.
    public var minMicroseconds: UInt64 { histogram.min }

    /// The largest value recorded, exactly; 0 when empty.
    public var maxMicroseconds: UInt64 { histogram.maxRecorded }

    /// The exact arithmetic mean; 0 when empty.
    public var meanMicroseconds: Double {
        count == 0 ? 0 : sumMicroseconds / Double(count)
    }

    /// The value at `percentile` (in 0...100; 50 is the median, 100 the maximum): the largest
    /// value that `100 - percentile` percent of the values are at or above, to within the
    /// histogram's resolution. Never above `maxMicroseconds`; 0 when empty. Percentiles outside
    /// 0...100 are clamped to it; NaN is a programming error.
    public func percentileMicroseconds(_ percentile: Double) -> UInt64 {
        precondition(!percentile.isNaN, "percentile must be a number in 0...100")
        guard count > 0 else { return 0 }
        return histogram.valueAtPercentile(Swift.min(Swift.max(percentile, 0), 100))
    }

    public static func == (lhs: LatencyHistogram, rhs: LatencyHistogram) -> Bool {
        lhs.sumMicroseconds == rhs.sumMicroseconds
            && lhs.minMicroseconds == rhs.minMicroseconds
            && lhs.maxMicroseconds == rhs.maxMicroseconds
            && lhs.histogram == rhs.histogram
    }

    private static func microseconds(of duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, duration > .zero else { return 0 }
        guard seconds < Int64(highestTrackableMicroseconds / 1_000_000) else { return highestTrackableMicroseconds }
        let fraction = (attoseconds + 500_000_000_000) / 1_000_000_000_000
        return UInt64(seconds) * 1_000_000 + UInt64(fraction)
    }
}

// MARK: - Codable

extension LatencyHistogram {
    /// The encoded form lists only the non-zero buckets with the exact minimum, maximum and sum,
    /// so it is small and decodes to an equal histogram: `steps` holds each bucket's lowest value
    /// as the difference from the previous bucket's (the first from 0), `counts` its count.
    private enum CodingKeys: String, CodingKey {
        case min, max, sum, steps, counts
    }

    public func encode(to encoder: any Encoder) throws {
        var steps: [UInt64] = []
        var counts: [UInt64] = []
        var previous: UInt64 = 0
        for bucket in histogram.recordedValues() {
            let value = histogram.lowestEquivalentForValue(bucket.value)
            steps.append(value - previous)
            counts.append(bucket.count)
            previous = value
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minMicroseconds, forKey: .min)
        try container.encode(maxMicroseconds, forKey: .max)
        try container.encode(sumMicroseconds, forKey: .sum)
        try container.encode(steps, forKey: .steps)
        try container.encode(counts, forKey: .counts)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let min = try container.decode(UInt64.self, forKey: .min)
        let max = try container.decode(UInt64.self, forKey: .max)
        let sum = try container.decode(Double.self, forKey: .sum)
        let steps = try container.decode([UInt64].self, forKey: .steps)
        let counts = try container.decode([UInt64].self, forKey: .counts)
        func corrupted(_ reason: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Invalid latency histogram: \(reason)"))
        }
        guard steps.count == counts.count else { throw corrupted("\(steps.count) steps but \(counts.count) counts") }
        guard !steps.dropFirst().contains(0) else { throw corrupted("a step between buckets is 0") }
        var values: [UInt64] = []
        values.reserveCapacity(steps.count)
        for step in steps {
            let (value, overflow) = (values.last ?? 0).addingReportingOverflow(step)
            guard !overflow else { throw corrupted("the bucket values overflow") }
            values.append(value)
        }
        guard !counts.contains(0) else { throw corrupted("a bucket count is 0") }
        guard min <= max, max <= Self.highestTrackableMicroseconds else {
            throw corrupted("min \(min) and max \(max) must satisfy min <= max <= \(Self.highestTrackableMicroseconds)")
        }
        guard sum.isFinite, sum >= 0, !values.isEmpty || sum == 0 else {
            throw corrupted("sum \(sum) must be a non-negative number, and 0 when there are no values")
        }

        self.init()
        if let first = values.first, let last = values.last {
            guard histogram.valuesAreEquivalent(first, min), histogram.valuesAreEquivalent(last, max) else {
                throw corrupted("the lowest bucket must hold min \(min) and the highest max \(max)")
            }
            // One count of the maximum's bucket at the maximum, first, so that the bucket array
            // grows once (see `merge`).
            histogram.record(max)
        }
        // Each other count is recorded at a value inside its bucket, chosen so that the exact
        // minimum comes back: the minimum's bucket at the minimum.
        for (value, count) in zip(values, counts) {
            let holdsMax = histogram.valuesAreEquivalent(value, max)
            let representative = Swift.max(value, min)
            let countAtRepresentative = holdsMax ? count - 1 : count
            if countAtRepresentative > 0 { histogram.record(representative, count: countAtRepresentative) }
        }
        sumMicroseconds = sum
        guard minMicroseconds == min, maxMicroseconds == max else {
            throw corrupted("min \(min) or max \(max) does not match the buckets")
        }
    }
}
