import Experiments
import Foundation
import LoadTesting

/// Runs `target`'s workload once from a master in this process and `workers` local
/// `scalelab load --worker` processes, against a fresh in-process album service.
struct ClusterLoadRun {
    let target: GeneratorTarget
    let workers: Int
    let users: Int
    let spawnRate: Double
    let seconds: Int

    func run() async throws -> GeneratorRun {
        let scalelab = try ChildProcess.scalelab.executable
        return try await AlbumServiceUnderStudy(listEncoding: target.listEncoding).serving { port, _ in
            let token = UUID().uuidString
            let configuration = LoadConfiguration(
                target: try TargetAddress(parsing: "http://127.0.0.1:\(port)"),
                shape: .closed(users: users, spawnRate: spawnRate), runTime: .seconds(seconds), stopTimeout: .seconds(5))
            let master = ClusterMaster(
                plan: ClusterRunPlan(scenario: ScenarioChoice(named: target.scenario), configuration: configuration),
                options: .init(bindHost: "127.0.0.1", bindPort: 0, expectWorkers: workers, expectWorkersMaxWait: .seconds(60), token: token))
            let (listening, announce) = AsyncStream<Int>.makeStream()
            let running = Task {
                defer { announce.finish() }
                return try await master.run(onListening: { announce.yield($0) })
            }
            var ports = listening.makeAsyncIterator()
            guard let masterPort = await ports.next() else {
                _ = try await running.value
                throw StudyError.generatorDidNotRun(reason: "the master ended without listening")
            }
            let local = LocalWorkers(
                executable: scalelab, count: workers,
                arguments: ["load", "--worker", "--master-port", "\(masterPort)", "--auth-token", token])
            let ((statistics, cluster), ending) = try await local.whileRunning { try await running.value }
            if let failure = ending.failures.first {
                throw StudyError.generatorDidNotRun(reason: "a worker \(failure)")
            }
            return GeneratorRun(
                target: target, workers: workers, users: users, requestsPerSecond: statistics.averageRequestsPerSecond,
                failures: statistics.aggregated.stats.failures, workerPeakCPUUse: cluster.workers.map(\.peakCPUUse),
                masterPeakCPUUse: cluster.masterPeakCPUUse, stoppedWorkers: ending.stopped)
        }
    }
}
