import AlbumService
import Experiments
import Foundation
import Hummingbird
import HummingbirdTesting
import LoadTesting
import Testing

/// `scalelab load --master` in this process and `scalelab load --worker` as child processes,
/// on loopback, against the album service in this process.
struct ClusterRunTests {
    private static let token = "cluster-test-token"

    /// A master for `users` users of the original workload (or `shape`) against `port`, for `runTime`.
    private func master(
        port: Int, users: Int, runTime: Duration, expectWorkers: Int, shape: LoadShape? = nil
    ) throws -> ClusterMaster {
        let configuration = LoadConfiguration(
            target: try TargetAddress(parsing: "http://127.0.0.1:\(port)"), shape: shape ?? .closed(users: users, spawnRate: 100),
            runTime: runTime, stopTimeout: .seconds(20))
        return ClusterMaster(
            plan: ClusterRunPlan(scenario: try ScenarioChoice(parsing: "albums"), configuration: configuration),
            options: .init(
                bindHost: "127.0.0.1", bindPort: 0, expectWorkers: expectWorkers, expectWorkersMaxWait: .seconds(120),
                token: Self.token))
    }

    private func worker(_ masterPort: Int) throws -> ScaleLabProcess {
        try ScaleLabProcess(["load", "--worker", "--master-port", "\(masterPort)", "--auth-token", Self.token])
    }

    /// One second of a running master: its elapsed time, requests so far, and cluster events.
    private struct Second: Sendable {
        let elapsed: Double
        let requests: UInt64
        let events: [ClusterSummary.Event]
    }

    /// A master running in a task, the port it listens on, and its seconds (the stream ends
    /// with the run).
    private struct RunningMaster {
        let run: Task<(statistics: StatsSnapshot, cluster: ClusterSummary), any Error>
        let port: Int
        let seconds: AsyncStream<Second>
    }

    /// Starts `master` and waits until it listens.
    private func start(_ master: ClusterMaster) async throws -> RunningMaster {
        let (listening, announce) = AsyncStream<Int>.makeStream()
        let (seconds, tick) = AsyncStream<Second>.makeStream()
        let run = Task {
            defer {
                tick.finish()
                announce.finish()
            }
            return try await master.run(
                onListening: { announce.yield($0) },
                onSecond: { snapshot, events in
                    tick.yield(Second(elapsed: snapshot.elapsedSeconds, requests: snapshot.aggregated.stats.requests, events: events))
                })
        }
        var ports = listening.makeAsyncIterator()
        guard let port = await ports.next() else {
            _ = try await run.value
            throw ScaleLabProcess.Failure(description: "the master ended without listening")
        }
        return RunningMaster(run: run, port: port, seconds: seconds)
    }

    /// Every request is counted once: the merged total is the sum over the workers and what the
    /// service counted, and the albums it stored are the POSTs.
    @Test func twoWorkersMergeIntoExactlyWhatTheServiceSaw() async throws {
        let store = classicStore()
        try await makeApplication(store: store, logger: quietLogger).test(.live) { client in
            let master = try await start(master(port: try #require(client.port), users: 4, runTime: .seconds(3), expectWorkers: 2))
            let workers = try [worker(master.port), worker(master.port)]
            defer { workers.forEach { $0.stop() } }
            let (statistics, cluster) = try await master.run.value
            for worker in workers {
                #expect(try await worker.exitStatus(within: .seconds(60)) == .exited(0), "worker output: \(worker.printed)")
            }
            let total = statistics.aggregated.stats
            #expect(total.requests > 0)
            #expect(total.failures == 0)
            #expect(statistics.droppedInFlight == 0)
            #expect(cluster.workers.count == 2)
            #expect(cluster.workers.allSatisfy { $0.requests > 0 && $0.state == "stopped" })
            #expect(total.requests == cluster.workers.map(\.requests).reduce(0, +))
            let posts = try #require(statistics.endpoints.first { $0.stats.method == "POST" }?.stats)
            #expect(store.count == 3 + Int(posts.requests))
            // What the service counted on /albums, every method and status, in its Prometheus text.
            let metrics = try await client.execute(uri: "/metrics", method: .get).body.text
            let served = metrics.split(separator: "\n")
                .filter { $0.hasPrefix("http_requests_total{") && $0.contains(#"route="/albums""#) }
                .compactMap { UInt64($0.split(separator: " ").last ?? "") }
                .reduce(0, +)
            #expect(served == total.requests, "metrics: \(metrics)")
        }
    }

    /// The open model: the workers share the arrival rate, and everything they send is counted.
    @Test func twoWorkersShareAnArrivalRate() async throws {
        let store = classicStore()
        try await makeApplication(store: store, logger: quietLogger).test(.live) { client in
            let master = try await start(master(
                port: try #require(client.port), users: 0, runTime: .seconds(3), expectWorkers: 2,
                shape: .open(arrivalRate: 100, maxInFlight: 10)))
            let workers = try [worker(master.port), worker(master.port)]
            defer { workers.forEach { $0.stop() } }
            let (statistics, cluster) = try await master.run.value
            for worker in workers {
                #expect(try await worker.exitStatus(within: .seconds(60)) == .exited(0), "worker output: \(worker.printed)")
                #expect(worker.printed.contains("Assigned 50.0 requests/s on at most 5 connection(s)."))
            }
            #expect(cluster.workers.allSatisfy { $0.requests > 0 })
            #expect(statistics.aggregated.stats.failures == 0)
            #expect(statistics.aggregated.stats.requests == cluster.workers.map(\.requests).reduce(0, +))
            let posts = try #require(statistics.endpoints.first { $0.stats.method == "POST" }?.stats)
            #expect(store.count == 3 + Int(posts.requests))
        }
    }

    /// A worker killed mid-run is reported; its users go to the other worker; the run ends as usual.
    @Test func aKilledWorkersUsersGoToTheOther() async throws {
        try await makeApplication(store: classicStore(), logger: quietLogger).test(.live) { client in
            let master = try await start(master(port: try #require(client.port), users: 4, runTime: .seconds(6), expectWorkers: 2))
            let workers = try [worker(master.port), worker(master.port)]
            defer { workers.forEach { $0.stop() } }
            for await second in master.seconds where second.requests > 0 && second.elapsed >= 2 { break }
            workers[0].signal(SIGKILL)
            let (statistics, cluster) = try await master.run.value
            #expect(try await workers[0].exitStatus(within: .seconds(60)) == .signaled(SIGKILL))
            #expect(try await workers[1].exitStatus(within: .seconds(60)) == .exited(0), "worker output: \(workers[1].printed)")
            let lost = try #require(cluster.workers.first { $0.state == "disconnected" })
            #expect(lost.lostAtSeconds ?? 0 >= 2)
            #expect(cluster.workers.filter { $0.state == "stopped" }.count == 1)
            #expect(cluster.events.contains { $0.message.contains("lost") && $0.message.contains("given to 1 other worker(s)") })
            #expect(statistics.aggregated.stats.failures == 0)
            #expect(statistics.aggregated.stats.requests == cluster.workers.map(\.requests).reduce(0, +))
        }
    }

    /// A frozen worker (SIGSTOP) misses its heartbeats: the master writes it off after 3 s and
    /// gives its users to the other. Thawed, it finds its connection closed, stops that load,
    /// and joins again as a new worker.
    @Test func aFrozenWorkerIsWrittenOffAndRejoinsWhenItThaws() async throws {
        try await makeApplication(store: classicStore(), logger: quietLogger).test(.live) { client in
            let master = try await start(master(port: try #require(client.port), users: 4, runTime: .seconds(10), expectWorkers: 2))
            let workers = try [worker(master.port), worker(master.port)]
            defer { workers.forEach { $0.stop() } }
            var isFrozen = false
            for await second in master.seconds {
                if !isFrozen, second.elapsed >= 1 {
                    workers[0].signal(SIGSTOP)
                    isFrozen = true
                } else if isFrozen, second.events.contains(where: { $0.message.contains("no heartbeat") }) {
                    workers[0].signal(SIGCONT)
                    break
                }
            }
            let (statistics, cluster) = try await master.run.value
            for worker in workers {
                #expect(try await worker.exitStatus(within: .seconds(60)) == .exited(0), "worker output: \(worker.printed)")
            }
            #expect(cluster.events.contains { $0.message.contains("no heartbeat for 3s") && $0.message.contains("given to 1 other worker(s)") })
            #expect(cluster.events.contains { $0.message.contains("joined; users rebalanced") })
            #expect(workers[0].printed.contains("Lost the master"))
            #expect(statistics.aggregated.stats.requests == cluster.workers.map(\.requests).reduce(0, +))
        }
    }

    /// A worker that joins mid-run receives users.
    @Test func aWorkerJoiningMidRunReceivesUsers() async throws {
        try await makeApplication(store: classicStore(), logger: quietLogger).test(.live) { client in
            let master = try await start(master(port: try #require(client.port), users: 4, runTime: .seconds(6), expectWorkers: 1))
            let first = try worker(master.port)
            defer { first.stop() }
            for await second in master.seconds where second.elapsed >= 1 { break }
            let late = try worker(master.port)
            defer { late.stop() }
            let (_, cluster) = try await master.run.value
            #expect(try await late.exitStatus(within: .seconds(60)) == .exited(0), "worker output: \(late.printed)")
            #expect(cluster.workers.count == 2)
            #expect(cluster.workers[1].joinedAtSeconds >= 1)
            #expect(cluster.workers[1].requests > 0)
            #expect(cluster.events.contains { $0.message.contains("joined; users rebalanced") })
        }
    }

    /// A worker with the wrong token is refused and exits with code 3, saying why.
    @Test func aWorkerWithTheWrongTokenIsRefused() async throws {
        let master = try await start(master(port: 9, users: 1, runTime: .seconds(1), expectWorkers: 1))
        let intruder = try ScaleLabProcess(["load", "--worker", "--master-port", "\(master.port)", "--auth-token", "wrong"])
        defer { intruder.stop() }
        #expect(try await intruder.exitStatus(within: .seconds(60)) == .exited(3))
        #expect(intruder.printed.contains("refused this worker: its token is wrong"))
        master.run.cancel()
        await #expect(throws: ClusterError.self) { try await master.run.value }
    }
}

/// The web UI's session on a master: tests started, resized and stopped from the page run on
/// the connected workers, one after another, and the Workers list follows them. One worker
/// joins on the master's port, the other on the web UI's (one port serves both).
struct ClusterSessionTests {
    private static let token = "cluster-session-token"

    @Test func testsFromThePageRunOnTheWorkersOneAfterAnother() async throws {
        try await makeApplication(store: classicStore(), logger: quietLogger).test(.live) { client in
            let target = try TargetAddress(parsing: "http://127.0.0.1:\(try #require(client.port))")
            let options = ClusterMaster.Options(
                bindHost: "127.0.0.1", bindPort: 0, expectWorkers: 2, expectWorkersMaxWait: .seconds(120), token: Self.token)
            let (ports, announce) = AsyncStream<Int>.makeStream()
            try await ClusterMaster.serve(options: options, onListening: { announce.yield($0) }) { workers in
                var announced = ports.makeAsyncIterator()
                let port = try #require(await announced.next())
                let session = LoadTestSession(
                    scenario: try ScenarioChoice(parsing: "albums"),
                    configuration: LoadConfiguration(target: target, shape: .closed(users: 1, spawnRate: 1), runTime: nil, stopTimeout: .seconds(20)),
                    generators: .cluster(workers))
                let web = WebUIServer(session: session, options: .init(host: "127.0.0.1", port: 0, credentials: nil), workers: workers)
                try await web.serve { webPort in
                    let processes = try [port, webPort].map { port in
                        try ScaleLabProcess(["load", "--worker", "--master-port", "\(port)", "--auth-token", Self.token])
                    }
                    defer { processes.forEach { $0.stop() } }
                    try await workers.waitForWorkers(2, within: .seconds(120))

                    _ = try await session.swarm(SwarmRequest(users: 4, spawnRate: 100))
                    _ = try #require(await session.firstView(where: { $0.workers?.map(\.users) == [2, 2] }))
                    _ = try await session.swarm(SwarmRequest(users: 2, spawnRate: 100))
                    let resized = try #require(await session.firstView(where: { $0.workers?.map(\.users) == [1, 1] }))
                    #expect(resized.events.contains { $0.message.contains("resized to 2 user(s)") })
                    await session.stop()
                    await session.waitForTest()
                    let first = await session.report()
                    #expect(first.cluster?.workers.count == 2)
                    #expect(first.statistics.aggregated.stats.requests > 0)
                    #expect(first.statistics.aggregated.stats.requests == first.cluster?.workers.map(\.requests).reduce(0, +))

                    // A second test on the same workers, ended by its run time.
                    _ = try await session.swarm(SwarmRequest(users: 2, spawnRate: 100, runTime: .seconds(2)))
                    await session.waitForTest()
                    #expect(await session.state == .stopped)
                    let second = await session.report()
                    #expect(second.statistics.aggregated.stats.failures == 0)
                    #expect(second.cluster?.workers.allSatisfy { $0.requests > 0 && $0.state == "stopped" } == true)
                    #expect(second.statistics.aggregated.stats.requests == second.cluster?.workers.map(\.requests).reduce(0, +))
                }
            }
        }
    }
}
