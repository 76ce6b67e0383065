@testable import LoadTesting

/// Snapshots built from made-up outcomes, for tests of what renders and judges them.
enum SnapshotFixture {
    /// 100 GETs of /albums taking 1...100 ms (the last `failedGETs` of them failed with status
    /// 500) and 10 POSTs of 200 ms, all in one second.
    static func oneSecond(failedGETs: Int = 2) -> StatsSnapshot {
        var recorder = StatsRecorder()
        for millisecond in 1...100 {
            let failure: RequestFailure? = millisecond > 100 - failedGETs ? .unexpectedStatus(500, expected: [200]) : nil
            recorder.record(RequestOutcome(
                method: "GET", name: "/albums", duration: .milliseconds(millisecond), bytes: 100, failure: failure))
        }
        for _ in 0..<10 {
            recorder.record(RequestOutcome(method: "POST", name: "/albums", duration: .milliseconds(200), bytes: 50, failure: nil))
        }
        var collector = StatsCollector(startTimestamp: 1_700_000_000)
        collector.addSecond(recorder, elapsedSeconds: 1, users: 5, generatorCPUUse: 0.2)
        return collector.snapshot(elapsedSeconds: 1, users: 5)
    }

    /// The report of `oneSecond(failedGETs:)`, 5 users against 127.0.0.1:8080, judged by
    /// `thresholds`.
    static func report(failedGETs: Int = 2, thresholds: [String] = ["p95<10ms"]) throws -> LoadTestReport {
        let configuration = LoadConfiguration(
            target: try TargetAddress(parsing: "http://127.0.0.1:8080"), shape: .closed(users: 5, spawnRate: 5),
            runTime: .seconds(1)
        )
        return LoadTestReport(
            scenario: .albums, configuration: configuration, machine: .current,
            statistics: oneSecond(failedGETs: failedGETs), thresholds: try thresholds.map(Threshold.init(parsing:))
        )
    }
}
