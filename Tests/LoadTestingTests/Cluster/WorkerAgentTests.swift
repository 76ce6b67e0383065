import Testing

@testable import LoadTesting

/// A worker's reaction to what its master says, without a network.
struct WorkerAgentTests {
    private func agent() -> (WorkerAgent, AsyncStream<WorkerMessage>) {
        let (messages, outbound) = AsyncStream<WorkerMessage>.makeStream()
        return (WorkerAgent(threads: 1, outbound: outbound, log: { _ in }), messages)
    }

    @Test func aMasterOfAnotherMajorVersionIsNamedWithBothVersions() async {
        let (worker, _) = agent()
        await worker.handle(.refused(body: MasterRefusal(protocolVersion: ClusterProtocolVersion(major: 3, minor: 1), reason: "anything")))
        let refusal = await worker.refusal
        #expect(refusal?.contains("3.1") == true)
        #expect(refusal?.contains(ClusterProtocolVersion.current.description) == true)
        let (welcomed, _) = agent()
        await welcomed.handle(.welcome(body: MasterWelcome(protocolVersion: ClusterProtocolVersion(major: 2, minor: 0), workerIndex: 1)))
        #expect(await welcomed.refusal?.contains("2.0") == true)
    }

    @Test func aRefusalOfTheSameVersionKeepsTheMastersReason() async {
        let (worker, _) = agent()
        await worker.handle(.refused(body: MasterRefusal(protocolVersion: .current, reason: "its token is wrong")))
        #expect(await worker.refusal == "its token is wrong")
    }

    @Test func anAssignmentWhoseTargetDoesNotAnswerIsReportedAsFailed() async throws {
        let (worker, messages) = agent()
        let assignment = WorkerAssignment(
            epoch: 1, scenario: .named("albums"), target: "http://127.0.0.1:9", client: .fast,
            requestTimeoutSeconds: 1, runTimeLeftSeconds: 5, load: .users(indices: [0, 1], spawnRate: 10))
        await worker.handle(.assign(body: assignment))
        var iterator = messages.makeAsyncIterator()
        guard case .failed(let failure)? = await iterator.next() else { Issue.record("no failure sent"); return }
        #expect(failure.epoch == 1)
        #expect(failure.reason.contains("Cannot connect to http://127.0.0.1:9"))
        #expect(await worker.runningEpoch == nil)
    }

    @Test func anAssignmentOutOfRangeIsReportedNotRun() async throws {
        let (worker, messages) = agent()
        let assignment = WorkerAssignment(
            epoch: 1, scenario: .named("no-such-scenario"), target: "http://127.0.0.1:9", client: .fast,
            requestTimeoutSeconds: 1, runTimeLeftSeconds: 5, load: .users(indices: [0], spawnRate: 10))
        await worker.handle(.assign(body: assignment))
        var iterator = messages.makeAsyncIterator()
        guard case .failed(let failure)? = await iterator.next() else { Issue.record("no failure sent"); return }
        #expect(failure.reason.contains("unknown scenario 'no-such-scenario': neither built in nor registered"))
    }
}
