import Foundation
import Testing

@testable import LoadTesting

/// A worker's second of statistics on the wire: exact after the round trip, and checked.
struct IntervalStatsTests {
    private func outcome(_ name: String, milliseconds: Int, failed: Bool = false) -> RequestOutcome {
        RequestOutcome(
            method: "GET", name: name, duration: .milliseconds(milliseconds), bytes: 100,
            failure: failed ? .unexpectedStatus(500, expected: [200]) : nil)
    }

    private func roundTrip(_ stats: IntervalStats) throws -> IntervalStats {
        let text = ClusterCoding.encode(WorkerMessage.stats(body: stats))
        guard case .stats(let decoded) = try ClusterCoding.decode(WorkerMessage.self, from: text) else {
            Issue.record("not stats")
            return stats
        }
        return decoded
    }

    /// Percentiles merged from two workers' messages equal those of one histogram fed every
    /// request.
    @Test func mergedWorkersEqualOneRecorderOfEveryRequest() throws {
        var first = StatsRecorder()
        var second = StatsRecorder()
        var everything = StatsRecorder()
        var random = SplitMixRandomNumberGenerator(seed: 7)
        for index in 0..<5_000 {
            let request = outcome(index % 3 == 0 ? "/a" : "/b", milliseconds: Int.random(in: 1...3_000, using: &random), failed: index % 97 == 0)
            if index % 2 == 0 { first.record(request) } else { second.record(request) }
            everything.record(request)
        }
        var merged = StatsRecorder()
        for recorder in [first, second] {
            let sent = IntervalStats(epoch: 1, sequence: 1, isFinal: false, recorder: recorder, concurrency: 2)
            merged.merge(try roundTrip(sent).validatedRecorder())
        }
        #expect(merged.sortedEndpoints == everything.sortedEndpoints)
        #expect(merged.aggregated == everything.aggregated)
        for percentile in [50.0, 95, 99, 99.9, 100] {
            #expect(merged.aggregated.percentileMilliseconds(percentile) == everything.aggregated.percentileMilliseconds(percentile))
        }
        #expect(merged.failureCounts.map(\.occurrences) == everything.failureCounts.map(\.occurrences))
    }

    @Test func impossibleCountsAreRejected() throws {
        var recorder = StatsRecorder()
        recorder.record(outcome("/a", milliseconds: 5))
        var stats = IntervalStats(epoch: 1, sequence: 1, isFinal: false, recorder: recorder, concurrency: 1)
        let text = ClusterCoding.encode(WorkerMessage.stats(body: stats)).replacingOccurrences(of: #""requests":1"#, with: #""requests":2"#)
        guard case .stats(let tampered) = try ClusterCoding.decode(WorkerMessage.self, from: text) else { return }
        #expect(throws: ClusterMessageError.self) { try tampered.validatedRecorder() }
        stats.endpoints.append(stats.endpoints[0])
        #expect(throws: ClusterMessageError.self) { try stats.validatedRecorder() }
    }

    @Test func aCorruptHistogramDoesNotDecode() {
        var recorder = StatsRecorder()
        recorder.record(outcome("/a", milliseconds: 5))
        let text = ClusterCoding.encode(WorkerMessage.stats(body: IntervalStats(epoch: 1, sequence: 1, isFinal: false, recorder: recorder, concurrency: 1)))
            .replacingOccurrences(of: #""counts":[1]"#, with: #""counts":[1,2,3]"#)
        #expect(throws: DecodingError.self) { try ClusterCoding.decode(WorkerMessage.self, from: text) }
    }
}
