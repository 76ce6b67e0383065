import Foundation
import Testing

@testable import LoadTesting

/// The documents of Locust's web API, rendered from made-up snapshots.
struct LocustWebAPITests {
    private func view(
        _ snapshot: StatsSnapshot = SnapshotFixture.oneSecond(), workers: [WorkerStatus]? = nil, scenario: Scenario = .albums
    ) throws -> LoadTestView {
        LoadTestView(
            state: .running, testNumber: 1,
            configuration: LoadConfiguration(
                target: try TargetAddress(parsing: "http://127.0.0.1:8080"), shape: .closed(users: 4, spawnRate: 4), runTime: nil),
            scenario: scenario, snapshot: snapshot, events: [], workers: workers, error: nil, logs: [])
    }

    private func object(_ value: JSONValue?) -> [String: JSONValue] {
        if case .object(let fields)? = value { return fields }
        return [:]
    }

    @Test func statsRequestsHasLocustsFieldNames() throws {
        let document = LocustWebAPI.statsRequests(try view())
        #expect(Set(document.keys) == LocustFieldNames.statsRequests)
        guard case .array(let rows)? = document["stats"], case .array(let errors)? = document["errors"] else {
            Issue.record("stats or errors is not a list")
            return
        }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { Set(object($0).keys) == LocustFieldNames.statsRow })
        #expect(object(rows.last)["name"] == .string("Aggregated"))
        #expect(object(rows.last)["num_requests"] == .integer(110))
        #expect(object(rows.last)["num_failures"] == .integer(2))
        #expect(errors.count == 1)
        #expect(errors.allSatisfy { Set(object($0).keys) == LocustFieldNames.error })
        #expect(Set(object(document["current_response_time_percentiles"]).keys) == LocustFieldNames.currentPercentiles)
        #expect(document["fail_ratio"] == .number(2.0 / 110))
    }

    @Test func aMastersStatsListItsWorkers() throws {
        let worker = WorkerStatus(
            index: 1, id: "w1", host: "box (10.0.0.2)", state: "running", users: 3, cpuUse: 0.25, peakMemoryBytes: 1_000,
            secondsSinceHeartbeat: 0.5)
        let document = LocustWebAPI.statsRequests(try view(workers: [worker]))
        #expect(Set(document.keys) == LocustFieldNames.statsRequestsOfMaster)
        guard case .array(let workers)? = document["workers"] else {
            Issue.record("workers is not a list")
            return
        }
        #expect(LocustFieldNames.worker.isSubset(of: Set(object(workers.first).keys)))
        #expect(object(workers.first)["cpu_usage"] == .number(25))
        #expect(document["worker_count"] == .integer(1))
    }

    /// With weights 3 and 1, four users are three of one type and one of the other, and the
    /// tasks' shares follow their weights (as Locust's `/tasks`).
    @Test func tasksGiveEachTypesAndTasksShare() throws {
        let scenario = Scenario(name: "two", userTypes: [
            UserType("reader", weight: 3, tasks: [LoadTask(LoadRequest(path: "/a"), weight: 3), LoadTask(LoadRequest(path: "/b"))]),
            UserType("writer", weight: 1, tasks: [LoadTask(LoadRequest(method: "POST", path: "/a"))]),
        ])
        var recorder = StatsRecorder()
        recorder.record(RequestOutcome(method: "GET", name: "/a", duration: .milliseconds(1), bytes: 1, failure: nil))
        var collector = StatsCollector(startTimestamp: 0)
        collector.addSecond(recorder, elapsedSeconds: 1, users: 4, generatorCPUUse: 0)
        let document = LocustWebAPI.tasks(try view(collector.snapshot(elapsedSeconds: 1, users: 4), scenario: scenario))
        let perClass = object(document["per_class"])
        let total = object(document["total"])
        #expect(object(perClass["reader"])["ratio"] == .number(0.75))
        #expect(object(object(object(perClass["reader"])["tasks"])["/a"])["ratio"] == .number(0.75))
        #expect(object(object(object(total["reader"])["tasks"])["/a"])["ratio"] == .number(0.5625))
        #expect(object(object(object(total["writer"])["tasks"])["/a"])["ratio"] == .number(0.25))
    }

    /// The page gets the chart points it has not had yet; a reconnect (from 0) gets them all.
    @Test func theLiveUpdateCarriesOnlyNewChartPoints() throws {
        var collector = StatsCollector(startTimestamp: 0)
        for second in 1...3 { collector.addSecond(StatsRecorder(), elapsedSeconds: Double(second), users: second, generatorCPUUse: 0) }
        let current = try view(collector.snapshot(elapsedSeconds: 3, users: 3))
        func points(from: Int) -> Int {
            guard case .object(let document) = LocustWebAPI.liveUpdate(current, historyFrom: from),
                  case .array(let points)? = object(document["history"])["points"] else { return -1 }
            return points.count
        }
        #expect(points(from: 0) == 3)
        #expect(points(from: 2) == 1)
        #expect(points(from: 3) == 0)
    }

    @Test func formFieldsAreDecoded() {
        let fields = SwarmRequest.formFields("user_count=50&spawn_rate=10&host=http%3A%2F%2F127.0.0.1%3A8080&run_time=1m+30s&empty=")
        #expect(fields == ["user_count": "50", "spawn_rate": "10", "host": "http://127.0.0.1:8080", "run_time": "1m 30s", "empty": ""])
        #expect(throws: SwarmRequestError.self) { try SwarmRequest(form: ["user_count": "2000000", "spawn_rate": "1"]) }
        let request = try? SwarmRequest(form: ["user_count": " 50 ", "spawn_rate": "10", "run_time": "1m30s", "host": ""])
        #expect(request == SwarmRequest(users: 50, spawnRate: 10, host: nil, runTime: .seconds(90)))
    }

    /// A reset clears the statistics but keeps the charts' history.
    @Test func aResetClearsTheStatisticsAndKeepsTheHistory() {
        var recorder = StatsRecorder()
        recorder.record(RequestOutcome(method: "GET", name: "/a", duration: .milliseconds(1), bytes: 1, failure: .unexpectedStatus(500, expected: [200])))
        var collector = StatsCollector(startTimestamp: 0)
        collector.addSecond(recorder, elapsedSeconds: 1, users: 1, generatorCPUUse: 0)
        collector.resetStatistics()
        let snapshot = collector.snapshot(elapsedSeconds: 1, users: 1)
        #expect(snapshot.aggregated.stats.requests == 0)
        #expect(snapshot.failures.isEmpty)
        #expect(snapshot.history.count == 1)
    }

    /// Errors in scenario code are counted by message, merged across recorders, and tagged with
    /// the worker that saw them; they travel in a worker's interval statistics.
    @Test func exceptionsAreCountedMergedAndAttributed() throws {
        var context = UserContext(userIndex: 0)
        context.reportProblem("capture 'id' of /albums: no field")
        context.reportProblem("capture 'id' of /albums: no field")
        var first = StatsRecorder()
        first.recordExceptions(context.takeProblems())
        #expect(context.takeProblems().isEmpty)
        first.attributeExceptions(to: "worker-a")
        var second = StatsRecorder()
        second.recordExceptions(["capture 'id' of /albums: no field"])
        second.attributeExceptions(to: "worker-b")
        first.merge(second)
        #expect(first.exceptionCounts == [ExceptionCount(message: "capture 'id' of /albums: no field", occurrences: 3, nodes: ["worker-a", "worker-b"])])

        let message = IntervalStats(epoch: 1, sequence: 1, isFinal: false, recorder: first, concurrency: 0)
        let decoded = try ClusterCoding.decode(IntervalStats.self, from: String(decoding: JSONEncoder().encode(message), as: UTF8.self))
        #expect(try decoded.validatedRecorder().exceptionCounts.first?.occurrences == 3)
    }
}
