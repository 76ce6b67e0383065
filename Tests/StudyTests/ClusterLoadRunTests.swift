import Testing

@testable import Study

/// The generator-scaling run: a master in this process, worker processes of the `scalelab`
/// executable that `swift test` builds, and the album service in this process.
struct ClusterLoadRunTests {
    @Test func twoWorkersShareTheUsersAndEachReportsItsCPU() async throws {
        let run = try await ClusterLoadRun(target: .light, workers: 2, users: 4, spawnRate: 100, seconds: 2).run()
        #expect(run.target == .light)
        #expect(run.workers == 2)
        #expect(run.workerPeakCPUUse.count == 2)
        #expect(run.failures == 0)
        #expect(run.requestsPerSecond > 0)
    }
}
