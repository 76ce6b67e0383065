import Foundation
import Testing

@testable import Statistics

struct LatencyHistogramTests {
    /// HdrHistogram with three significant digits keeps values to within 1/1024 of themselves.
    private func expectWithinPrecision(_ actual: UInt64, _ expected: UInt64, sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = Double(expected) / 1_024
        #expect(abs(Double(actual) - Double(expected)) <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    }

    private func histogram(of values: some Sequence<UInt64>) -> LatencyHistogram {
        var histogram = LatencyHistogram()
        for value in values { histogram.record(microseconds: value) }
        return histogram
    }

    @Test func emptyHistogramReportsZeros() {
        let histogram = LatencyHistogram()
        #expect(histogram.count == 0)
        #expect(histogram.minMicroseconds == 0)
        #expect(histogram.maxMicroseconds == 0)
        #expect(histogram.meanMicroseconds == 0)
        #expect(histogram.percentileMicroseconds(50) == 0)
        #expect(histogram.percentileMicroseconds(100) == 0)
    }

    @Test(arguments: [1.0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100])
    func percentilesMatchKnownDataWithinPrecision(percentile: Double) {
        let histogram = histogram(of: 1...10_000)
        let expected = UInt64((percentile / 100 * 10_000).rounded(.up))
        expectWithinPrecision(histogram.percentileMicroseconds(percentile), expected)

        let milliseconds = self.histogram(of: (1...1_000).map { UInt64($0) * 1_000 })
        let expectedMilliseconds = UInt64((percentile / 100 * 1_000).rounded(.up)) * 1_000
        expectWithinPrecision(milliseconds.percentileMicroseconds(percentile), expectedMilliseconds)
    }

    @Test func countMinMaxAndMeanAreExact() {
        let histogram = histogram(of: [1_234_567, 7, 3_001, 3_000])
        #expect(histogram.count == 4)
        #expect(histogram.minMicroseconds == 7)
        #expect(histogram.maxMicroseconds == 1_234_567)
        #expect(histogram.meanMicroseconds == Double(1_234_567 + 7 + 3_001 + 3_000) / 4)
        #expect(histogram.percentileMicroseconds(0) == 7)
        #expect(histogram.percentileMicroseconds(100) == 1_234_567)
    }

    @Test func p50IsTheMedian() {
        var generator = SeededGenerator(seed: 7)
        let values = (0..<5_001).map { _ in UInt64.random(in: 100...900_000, using: &generator) }
        let median = values.sorted()[2_500]
        expectWithinPrecision(histogram(of: values).percentileMicroseconds(50), median)
    }

    @Test func percentilesStayWithinMinAndMaxAndNeverDecrease() {
        var generator = SeededGenerator(seed: 42)
        let histogram = histogram(of: (0..<2_000).map { _ in UInt64.random(in: 2_049...50_000_000, using: &generator) })
        var previous: UInt64 = 0
        for step in 0...200 {
            let value = histogram.percentileMicroseconds(Double(step) / 2)
            #expect(value <= histogram.maxMicroseconds)
            #expect(value >= histogram.minMicroseconds)
            #expect(value >= previous)
            previous = value
        }
    }

    @Test func percentilesOutsideTheRangeAreClamped() {
        let histogram = histogram(of: [10, 20, 30])
        #expect(histogram.percentileMicroseconds(-5) == 10)
        #expect(histogram.percentileMicroseconds(250) == 30)
    }

    @Test func valuesAboveOneHourAreRecordedAsOneHour() {
        let histogram = histogram(of: [UInt64.max, 7_200_000_000])
        #expect(histogram.count == 2)
        #expect(histogram.maxMicroseconds == 3_600_000_000)
        #expect(histogram.meanMicroseconds == 3_600_000_000)
    }

    @Test func durationsAreRoundedToMicroseconds() {
        var histogram = LatencyHistogram()
        histogram.record(.nanoseconds(1_499))
        #expect(histogram.maxMicroseconds == 1)
        histogram.record(.nanoseconds(1_500))
        #expect(histogram.maxMicroseconds == 2)
        histogram.record(.milliseconds(12))
        #expect(histogram.maxMicroseconds == 12_000)
        histogram.record(.seconds(-3))
        #expect(histogram.minMicroseconds == 0)
        histogram.record(.seconds(2 * 3_600))
        #expect(histogram.maxMicroseconds == 3_600_000_000)
        #expect(histogram.count == 5)
    }

    @Test func mergeEqualsRecordingAllInOne() {
        var generator = SeededGenerator(seed: 3)
        let small = (0..<500).map { _ in UInt64.random(in: 0...3_000, using: &generator) }
        let large = (0..<500).map { _ in UInt64.random(in: 1_000_000...3_000_000_000, using: &generator) }
        let all = histogram(of: small + large)

        var merged = histogram(of: small)
        merged.merge(histogram(of: large))
        #expect(merged == all)
        #expect(histogram(of: large).merged(with: histogram(of: small)) == all)
        #expect(merged.meanMicroseconds == all.meanMicroseconds)
        for percentile in [0.0, 50, 90, 99, 100] {
            #expect(merged.percentileMicroseconds(percentile) == all.percentileMicroseconds(percentile))
        }
    }

    @Test func mergedLeavesItsOperandsUnchanged() {
        let left = histogram(of: [5, 6])
        let right = histogram(of: [9_000_000])
        let merged = left.merged(with: right)
        #expect(merged.count == 3)
        #expect(left == histogram(of: [5, 6]))
        #expect(right == histogram(of: [9_000_000]))
        #expect(left.merged(with: LatencyHistogram()) == left)
    }

    @Test func equalityComparesExactExtremes() {
        // 3,000 and 3,001 share a bucket; the histograms differ in their exact maximum.
        #expect(histogram(of: [3_000]) != histogram(of: [3_001]))
        #expect(histogram(of: [1, 2]) != histogram(of: [2, 1, 1]))
        #expect(histogram(of: [1, 2]) == histogram(of: [2, 1]))
    }

    @Test(arguments: [
        [UInt64](),
        [0],
        [3_000, 3_001, 3_001],
        [0, 17, 3_000_000, 3_000_001, 3_600_000_000],
        Array(1...3_000),
    ])
    func codableRoundTripIsEqual(values: [UInt64]) throws {
        let original = histogram(of: values)
        let decoded = try JSONDecoder().decode(LatencyHistogram.self, from: JSONEncoder().encode(original))
        #expect(decoded == original)
        #expect(decoded.minMicroseconds == original.minMicroseconds)
        #expect(decoded.maxMicroseconds == original.maxMicroseconds)
        #expect(decoded.meanMicroseconds == original.meanMicroseconds)
        for percentile in [0.0, 50, 99, 100] {
            #expect(decoded.percentileMicroseconds(percentile) == original.percentileMicroseconds(percentile))
        }
        var recordedAfterDecoding = decoded
        recordedAfterDecoding.record(microseconds: 1)
        var recordedOriginal = original
        recordedOriginal.record(microseconds: 1)
        #expect(recordedAfterDecoding == recordedOriginal)
    }

    @Test func encodingIsCompact() throws {
        var histogram = LatencyHistogram()
        for index in 0..<100_000 { histogram.record(microseconds: [850, 1_200, 25_000, 2_000_000][index % 4]) }
        let json = try JSONEncoder().encode(histogram)
        #expect(json.count < 200, "\(String(decoding: json, as: UTF8.self))")
        #expect(try JSONEncoder().encode(LatencyHistogram()).count < 80)
    }

    @Test(arguments: [
        #"{"min":1,"max":2,"sum":3,"steps":[1,1],"counts":[1]}"#,
        #"{"min":1,"max":2,"sum":3,"steps":[1,1],"counts":[1,0]}"#,
        #"{"min":2,"max":1,"sum":3,"steps":[1,1],"counts":[1,1]}"#,
        #"{"min":1,"max":2,"sum":3,"steps":[1,4],"counts":[1,1]}"#,
        #"{"min":5,"max":9,"sum":14,"steps":[1,8],"counts":[1,1]}"#,
        #"{"min":0,"max":0,"sum":4,"steps":[],"counts":[]}"#,
        #"{"min":1,"max":2,"sum":-3,"steps":[1,1],"counts":[1,1]}"#,
        #"{"min":2,"max":2,"sum":4,"steps":[2,0],"counts":[1,1]}"#,
        #"{"min":1,"max":2,"sum":3,"steps":[1,18446744073709551615],"counts":[1,1]}"#,
        #"{"min":1,"max":2,"sum":3,"steps":[1,1]}"#,
    ])
    func decodingRejectsInconsistentData(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LatencyHistogram.self, from: Data(json.utf8))
        }
    }

    @Test func coordinatedOmissionAddsTheSyntheticValues() {
        var corrected = LatencyHistogram()
        corrected.record(microseconds: 10_000, expectedIntervalMicroseconds: 1_000)
        #expect(corrected == histogram(of: stride(from: 10_000, through: 1_000, by: -1_000)))
        #expect(corrected.count == 10)
        #expect(corrected.minMicroseconds == 1_000)
        #expect(corrected.meanMicroseconds == 5_500)
    }

    @Test func coordinatedOmissionMatchesRecordingEachSyntheticValue() {
        var corrected = LatencyHistogram()
        corrected.record(microseconds: 250_003, expectedIntervalMicroseconds: 7)
        corrected.record(microseconds: 9_999_999, expectedIntervalMicroseconds: 4_321)
        let synthetic = stride(from: 250_003, through: 7, by: -7).map { UInt64($0) }
            + stride(from: 9_999_999, through: 4_321, by: -4_321).map { UInt64($0) }
        #expect(corrected == histogram(of: synthetic))
    }

    @Test func coordinatedOmissionLeavesFastResponsesAlone() {
        var corrected = LatencyHistogram()
        corrected.record(microseconds: 900, expectedIntervalMicroseconds: 1_000)
        corrected.record(microseconds: 1_000, expectedIntervalMicroseconds: 1_000)
        corrected.record(microseconds: 1_999, expectedIntervalMicroseconds: 1_000)
        corrected.record(microseconds: 5_000, expectedIntervalMicroseconds: 0)
        #expect(corrected == histogram(of: [900, 1_000, 1_999, 5_000]))
    }

    @Test func coordinatedOmissionOfAnHourLongStallIsBounded() {
        var corrected = LatencyHistogram()
        corrected.record(microseconds: UInt64.max, expectedIntervalMicroseconds: 1)
        #expect(corrected.count == 3_600_000_000)
        #expect(corrected.minMicroseconds == 1)
        #expect(corrected.maxMicroseconds == 3_600_000_000)
        #expect(abs(corrected.meanMicroseconds - 1_800_000_000.5) < 1)
        expectWithinPrecision(corrected.percentileMicroseconds(50), 1_800_000_000)
    }
}

/// A small deterministic random number generator (SplitMix64), so test data is the same every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
