import Testing

@testable import LoadTesting

struct ThresholdTests {
    @Test func parsesTheDocumentedForms() throws {
        let p95 = try Threshold(parsing: "p95<200ms")
        #expect(p95.metric == .percentile(95) && p95.comparison == .lessThan && p95.limit == 200 && p95.requestType == nil)
        #expect(try Threshold(parsing: "p99.9<1.5s").limit == 1_500)
        #expect(try Threshold(parsing: "max<1m30s").limit == 90_000)  // the same durations as --run-time
        #expect(try Threshold(parsing: "fail_ratio<0.01").metric == .failureRatio)
        #expect(try Threshold(parsing: "rps>=1000").comparison == .greaterThanOrEqual)
        let perType = try Threshold(parsing: "GET /albums:p99<50ms")
        #expect(perType.requestType == "GET /albums" && perType.metric == .percentile(99))
    }

    @Test(arguments: ["p95", "p95=200ms", "p101<1s", "speed<3", "p95<fast", "rps>many"])
    func rejectsMalformedThresholdsWithAReason(text: String) {
        #expect(throws: ThresholdError.self) { try Threshold(parsing: text) }
    }

    @Test func judgesTheStatistics() throws {
        let snapshot = SnapshotFixture.oneSecond()
        #expect(try Threshold(parsing: "p50<100ms").holds(in: snapshot))
        #expect(try !Threshold(parsing: "p99<100ms").holds(in: snapshot))
        #expect(try Threshold(parsing: "/albums:p95<=200ms").holds(in: snapshot))
        #expect(try Threshold(parsing: "GET /albums:max<=101ms").holds(in: snapshot))
        #expect(try !Threshold(parsing: "fail_ratio<0.01").holds(in: snapshot))
        #expect(try Threshold(parsing: "fail_ratio<0.02").holds(in: snapshot))
        #expect(try Threshold(parsing: "rps>100").holds(in: snapshot))
        #expect(try !Threshold(parsing: "/missing:p50<1s").holds(in: snapshot))
        // A name alone covers every method with that name.
        #expect(try Threshold(parsing: "/albums:requests>=110").holds(in: snapshot))
        #expect(try Threshold(parsing: "GET /albums:requests<=100").holds(in: snapshot))
    }
}
