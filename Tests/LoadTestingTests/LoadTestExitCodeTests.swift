import Testing

@testable import LoadTesting

/// The exit code a finished load test ends with: a broken threshold before failed requests.
struct LoadTestExitCodeTests {
    @Test(arguments: [
        (0, [String](), Int32(0)),
        (0, ["p95<1s", "fail_ratio<0.01"], 0),
        (2, [], 1),
        (2, ["p95<1s"], 1),
        (0, ["p95<10ms"], 2),
        (2, ["p95<10ms"], 2),
        (2, ["p95<1s", "fail_ratio<0.01"], 2),
    ])
    func brokenThresholdsExit2ElseFailedRequestsExit1ElseZero(failedGETs: Int, thresholds: [String], exitCode: Int32) throws {
        let report = try SnapshotFixture.report(failedGETs: failedGETs, thresholds: thresholds)
        #expect(report.exitCode == exitCode)
    }
}
