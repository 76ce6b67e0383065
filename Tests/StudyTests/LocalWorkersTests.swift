import Foundation
import Testing

@testable import Study

/// Worker processes end with the master's run: those that quit by themselves are left to, the
/// rest are stopped, and one that failed says why. Shell commands stand in for workers.
struct LocalWorkersTests {
    private let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func aWorkerThatDoesNotQuitIsStoppedAfterTheGracePeriod() async throws {
        let workers = LocalWorkers(executable: shell, count: 2, arguments: ["-c", "exec sleep 300"], gracePeriod: .zero)
        let (result, ending) = try await workers.whileRunning { 42 }
        #expect(result == 42)
        #expect(ending.stopped == 2)
        #expect(ending.failures.isEmpty)
    }

    /// The grace period is a limit: the wait ends when the worker exits.
    @Test func aWorkerThatFailedBySelfReportsItsError() async throws {
        let workers = LocalWorkers(
            executable: shell, count: 1, arguments: ["-c", "echo 'no master answered' >&2; exit 3"], gracePeriod: .seconds(60))
        let (_, ending) = try await workers.whileRunning { () }
        #expect(ending.stopped == 0)
        #expect(ending.failures == ["exited 3: no master answered\n"])
    }

    @Test func theMastersErrorIsRethrownAfterTheWorkersEnd() async throws {
        struct MasterFailure: Error {}
        let workers = LocalWorkers(executable: shell, count: 1, arguments: ["-c", "exec sleep 300"], gracePeriod: .zero)
        await #expect(throws: MasterFailure.self) {
            _ = try await workers.whileRunning { throw MasterFailure() }
        }
    }
}
