import Dispatch
import Synchronization
import Testing

@testable import LoadTesting

/// A worker whose load loop is blocked goes on heartbeating, so its master does not write it
/// off: the heartbeats never wait for the loops that run the users. The master and the worker
/// run in this process; the worker's only user blocks its event loop in a scenario written in
/// Swift and registered on the worker by name.
struct BlockedWorkerTests {
    @Test func aWorkerWhoseLoadLoopIsBlockedIsNotWrittenOff() async throws {
        let server = TestTarget()
        let gate = DispatchSemaphore(value: 0)
        let isReleased = Atomic<Bool>(false)
        let blocking = Scenario(name: "blocking", userTypes: [
            UserType("blocker", tasks: [
                LoadTask("/albums") { _ in
                    if !isReleased.load(ordering: .acquiring) { gate.wait() }
                    return LoadRequest(path: "/albums")
                }
            ])
        ])
        try await server.serve { target, _ in
            let configuration = LoadConfiguration(
                target: target, shape: .closed(users: 1, spawnRate: 10), runTime: .seconds(7), stopTimeout: .seconds(5))
            let master = ClusterMaster(
                plan: ClusterRunPlan(scenario: ScenarioChoice(named: blocking), configuration: configuration),
                options: .init(bindHost: "127.0.0.1", bindPort: 0, expectWorkers: 1, expectWorkersMaxWait: .seconds(60), token: nil))
            let (listening, announce) = AsyncStream<Int>.makeStream()
            let (seconds, tick) = AsyncStream<Double>.makeStream()
            let run = Task {
                defer {
                    tick.finish()
                    announce.finish()
                }
                return try await master.run(onListening: { announce.yield($0) }, onSecond: { snapshot, _ in tick.yield(snapshot.elapsedSeconds) })
            }
            var ports = listening.makeAsyncIterator()
            let port = try #require(await ports.next())
            let worker = ClusterWorker(
                options: .init(masterHost: "127.0.0.1", masterPort: port, token: nil, threads: 1), scenarios: [blocking])
            let serving = Task { try await worker.run() }
            // Blocked for the first 5 s of the run: longer than the 3 s without a heartbeat after
            // which a worker is written off.
            for await elapsed in seconds where elapsed >= 5 { break }
            isReleased.store(true, ordering: .releasing)
            gate.signal()
            let (statistics, cluster) = try await run.value
            try await serving.value
            #expect(cluster.workers.map(\.state) == ["stopped"])
            #expect(!cluster.events.contains { $0.message.contains("lost") })
            #expect(statistics.aggregated.stats.requests > 0)
        }
    }
}
