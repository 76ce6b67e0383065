import Testing

@testable import LoadTesting

/// The master's bookkeeping, driven message by message with explicit instants: no network and
/// no waiting.
struct ClusterHubTests {
    /// One fake worker connection: sends text to the hub and reads what the hub sends back.
    struct Peer {
        let hub: ClusterHub
        let connection: Int
        var messages: AsyncStream<MasterMessage>.Iterator

        mutating func next() async -> MasterMessage? { await messages.next() }

        func send(_ message: WorkerMessage, at now: ContinuousClock.Instant = .now) async {
            await hub.receive(ClusterCoding.encode(message), on: connection, at: now)
        }

        func sendText(_ text: String, at now: ContinuousClock.Instant = .now) async {
            await hub.receive(text, on: connection, at: now)
        }
    }

    private let start = ContinuousClock.now

    private func makeHub(users: Int = 10, token: String? = nil, shape: LoadShape? = nil) throws -> ClusterHub {
        let configuration = LoadConfiguration(
            target: try TargetAddress(parsing: "http://127.0.0.1:9"), shape: shape ?? .closed(users: users, spawnRate: 10),
            runTime: .seconds(60))
        let plan = ClusterRunPlan(scenario: try ScenarioChoice(parsing: "albums"), configuration: configuration)
        return ClusterHub(plan: plan, token: token, log: { _ in })
    }

    private func hello(_ id: String, token: String? = nil, version: ClusterProtocolVersion = .current, epoch: Int? = nil) -> WorkerMessage {
        .hello(body: WorkerHello(
            protocolVersion: version, token: token, workerID: id, host: "host-\(id)", processID: 1, cores: 2,
            capabilities: ClusterProtocolVersion.capabilities, runningEpoch: epoch))
    }

    private func connect(_ hub: ClusterHub) async -> Peer {
        let (connection, stream) = await hub.connect()
        return Peer(hub: hub, connection: connection, messages: stream.makeAsyncIterator())
    }

    /// Connects a worker and reads its welcome.
    private func join(_ hub: ClusterHub, _ id: String, token: String? = nil) async -> Peer {
        var peer = await connect(hub)
        await peer.send(hello(id, token: token), at: start)
        guard case .welcome? = await peer.next() else {
            Issue.record("worker \(id) was not welcomed")
            return peer
        }
        return peer
    }

    private func assignedUsers(_ peer: inout Peer) async -> [Int]? {
        guard case .assign(let assignment)? = await peer.next(), case .users(let indices, _) = assignment.load else { return nil }
        return indices
    }

    @Test func aWorkerOfAnotherMajorVersionIsRefusedWithBothVersions() async throws {
        let hub = try makeHub()
        var peer = await connect(hub)
        await peer.send(hello("w", version: ClusterProtocolVersion(major: 2, minor: 0)))
        guard case .refused(let refusal)? = await peer.next() else { Issue.record("not refused"); return }
        #expect(refusal.reason.contains("2.0") && refusal.reason.contains(ClusterProtocolVersion.current.description))
        #expect(await peer.next() == nil)
        #expect(await hub.activeWorkerCount == 0)
    }

    @Test func aHelloOfAnUnknownLayoutIsStillAnsweredWithTheVersions() async throws {
        let hub = try makeHub()
        var peer = await connect(hub)
        await peer.sendText(#"{"hello":{"body":{"protocolVersion":{"major":9,"minor":1},"somethingNew":true}}}"#)
        guard case .refused(let refusal)? = await peer.next() else { Issue.record("not refused"); return }
        #expect(refusal.reason.contains("9.1"))
    }

    @Test func aWrongOrMissingTokenIsRefusedAndTheRightOneWelcomed() async throws {
        let hub = try makeHub(token: "s3cret")
        for token in [nil, "wrong", "s3cre", "s3cret!"] as [String?] {
            var peer = await connect(hub)
            await peer.send(hello("w", token: token))
            guard case .refused = await peer.next() else { Issue.record("token \(token ?? "nil") was accepted"); return }
        }
        _ = await join(hub, "w", token: "s3cret")
        #expect(await hub.activeWorkerCount == 1)
    }

    @Test func tokensCompareByEveryByte() {
        #expect(ClusterHub.tokensMatch("abc", "abc"))
        #expect(!ClusterHub.tokensMatch("abd", "abc"))
        #expect(!ClusterHub.tokensMatch("ab", "abc"))
        #expect(!ClusterHub.tokensMatch(nil, "abc"))
        #expect(ClusterHub.tokensMatch(nil, nil))
    }

    @Test func aMalformedMessageDropsThatWorkerAndTheMasterGoesOn() async throws {
        let hub = try makeHub()
        var bad = await join(hub, "bad")
        await bad.sendText("{not json")
        guard case .stop(let order)? = await bad.next() else { Issue.record("the bad worker was not told to stop"); return }
        #expect(order.timeoutSeconds == 0)
        #expect(await bad.next() == nil)
        let summary = await hub.summary(masterPeakCPUUse: 0)
        #expect(summary.workers.first?.state == "dropped")
        #expect(summary.workers.first?.lostReason?.contains("malformed") == true)
        _ = await join(hub, "good")
        #expect(await hub.activeWorkerCount == 1)
    }

    @Test func usersAreSharedAtTheStartAndALostWorkersUsersGoToTheOthers() async throws {
        let hub = try makeHub(users: 10)
        var first = await join(hub, "a")
        var second = await join(hub, "b")
        await hub.startRun(at: start)
        let assigned1 = await assignedUsers(&first)
        #expect(assigned1 == Array(0..<5))
        let assigned2 = await assignedUsers(&second)
        #expect(assigned2 == Array(5..<10))
        // Heartbeats keep "a" alive; "b" goes silent.
        await first.send(.heartbeat(body: WorkerHeartbeat(users: 5, cpuUse: 0.5, peakMemoryBytes: 1 << 20)), at: start + .seconds(2))
        await hub.checkHeartbeats(at: start + .seconds(3))
        #expect(await hub.activeWorkerCount == 2)
        await hub.checkHeartbeats(at: start + .milliseconds(3_500))
        #expect(await hub.activeWorkerCount == 1)
        let assigned3 = await assignedUsers(&first)
        #expect(assigned3 == Array(0..<10))
        guard case .stop? = await second.next() else { Issue.record("the silent worker was not told to stop"); return }
        let summary = await hub.summary(masterPeakCPUUse: 0)
        #expect(summary.workers.map(\.state) == ["running", "missing"])
        #expect(summary.workers[1].lostAtSeconds == 3.5)
        #expect(summary.events.contains { $0.message.contains("lost") && $0.message.contains("5 user(s) given to 1 other worker(s)") })
    }

    @Test func aWorkerJoiningMidRunReceivesUsers() async throws {
        let hub = try makeHub(users: 6)
        var first = await join(hub, "a")
        await hub.startRun(at: start)
        let assigned4 = await assignedUsers(&first)
        #expect(assigned4 == Array(0..<6))
        var late = await connect(hub)
        await late.send(hello("late"), at: start + .seconds(5))
        guard case .welcome? = await late.next() else { Issue.record("not welcomed"); return }
        let assigned5 = await assignedUsers(&late)
        #expect(assigned5 == [3, 4, 5])
        let assigned6 = await assignedUsers(&first)
        #expect(assigned6 == [0, 1, 2])
        #expect(await hub.summary(masterPeakCPUUse: 0).workers[1].joinedAtSeconds == 5)
    }

    @Test func statisticsOfAllWorkersAreMergedAndOutOfOrderOnesDropTheWorker() async throws {
        let hub = try makeHub(users: 2)
        var first = await join(hub, "a")
        let second = await join(hub, "b")
        await hub.startRun(at: start)
        _ = await first.next()
        var recorder = StatsRecorder()
        recorder.record(RequestOutcome(method: "GET", name: "/albums", duration: .milliseconds(3), bytes: 10, failure: nil))
        await first.send(.stats(body: IntervalStats(epoch: 1, sequence: 1, isFinal: false, recorder: recorder, concurrency: 1)))
        await second.send(.stats(body: IntervalStats(epoch: 1, sequence: 1, isFinal: false, recorder: recorder, concurrency: 1)))
        let (merged, concurrency, _) = await hub.takeSecond()
        #expect(merged.aggregated.requests == 2)
        #expect(concurrency == 2)
        // A stale epoch is ignored; a skipped sequence number drops the worker.
        await first.send(.stats(body: IntervalStats(epoch: 0, sequence: 2, isFinal: false, recorder: recorder, concurrency: 1)))
        #expect(await hub.takeSecond().recorder.aggregated.requests == 0)
        await first.send(.stats(body: IntervalStats(epoch: 1, sequence: 3, isFinal: false, recorder: recorder, concurrency: 1)))
        #expect(await hub.activeWorkerCount == 1)
        #expect(await hub.summary(masterPeakCPUUse: 0).workers[0].lostReason?.contains("number 3 after number 1") == true)
    }

    @Test func aWorkerReconnectingWithAnOldEpochIsToldToStop() async throws {
        let hub = try makeHub()
        _ = await join(hub, "a")
        await hub.startRun(at: start)
        var returning = await connect(hub)
        await returning.send(hello("b", epoch: 7))
        guard case .stop(let order)? = await returning.next() else { Issue.record("not told to stop"); return }
        #expect(order.epoch == 7 && order.timeoutSeconds == 0)
    }

    @Test func theOpenModelSharesTheArrivalRateAndReshares() async throws {
        let hub = try makeHub(shape: .open(arrivalRate: 300, maxInFlight: 9))
        var first = await join(hub, "a")
        var second = await join(hub, "b")
        var third = await join(hub, "c")
        await hub.startRun(at: start)
        var shares: [WorkerAssignment.Load] = []
        for index in 0..<3 {
            let message = index == 0 ? await first.next() : index == 1 ? await second.next() : await third.next()
            guard case .assign(let assignment)? = message else { Issue.record("no assignment"); return }
            shares.append(assignment.load)
        }
        #expect(shares == [
            .arrivals(rate: 100, maxInFlight: 3, firstSlotIndex: 0), .arrivals(rate: 100, maxInFlight: 3, firstSlotIndex: 3),
            .arrivals(rate: 100, maxInFlight: 3, firstSlotIndex: 6),
        ])
        await third.sendText("{not json", at: start + .seconds(1))
        guard case .assign(let reshared)? = await first.next() else { Issue.record("no new share"); return }
        #expect(reshared.load == .arrivals(rate: 150, maxInFlight: 5, firstSlotIndex: 0))
        #expect(reshared.runTimeLeftSeconds == 59)
    }

    @Test func theRunEndsWhenEveryWorkerSentItsFinalStatistics() async throws {
        let hub = try makeHub(users: 2)
        var worker = await join(hub, "a")
        await hub.startRun(at: start)
        _ = await worker.next()
        await hub.stopRun(within: .seconds(5))
        guard case .stop(let order)? = await worker.next() else { Issue.record("no stop order"); return }
        #expect(order.timeoutSeconds == 5)
        #expect(await !hub.haveAllStopped)
        await worker.send(.stats(body: IntervalStats(epoch: 1, sequence: 1, isFinal: true, recorder: StatsRecorder(), concurrency: 0)))
        #expect(await hub.haveAllStopped)
        await hub.finish()
        #expect(await worker.next() == .quit)
    }
}
