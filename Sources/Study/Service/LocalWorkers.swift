import Foundation

/// `scalelab load --worker` processes on this machine for the length of one master's run.
///
/// A worker quits when its master ends the session; one that misses the master's last message
/// would look for it again for a minute, so after the run every worker gets `gracePeriod` to
/// quit by itself and is then stopped (SIGTERM, then SIGKILL): the master's statistics are
/// complete by then.
struct LocalWorkers {
    let executable: URL
    let count: Int
    let arguments: [String]
    var gracePeriod: Duration = .seconds(10)

    /// What became of the workers once the master's run was over.
    struct Ending {
        /// Workers that had to be stopped after the grace period.
        var stopped = 0
        /// The last lines of standard error of each worker that exited with a failure by itself.
        var failures: [String] = []
    }

    /// Starts the workers, runs `master`, then ends the workers.
    func whileRunning<Result>(_ master: () async throws -> Result) async throws -> (Result, Ending) {
        let logs = (0..<count).map { _ in
            FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-study-worker-\(UUID().uuidString).log")
        }
        defer { logs.forEach { try? FileManager.default.removeItem(at: $0) } }
        for log in logs where !FileManager.default.createFile(atPath: log.path, contents: nil) {
            throw StudyError.cannotWrite(path: log.path, reason: "a worker's log cannot be created")
        }
        var processes: [Process] = []
        for log in logs {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            do {
                try process.run()
            } catch {
                await Self.end(processes, within: .zero)
                throw error
            }
            processes.append(process)
        }
        let result: Swift.Result<Result, any Error>
        do {
            result = .success(try await master())
        } catch {
            result = .failure(error)
        }
        var ending = Ending()
        ending.stopped = await Self.end(processes, within: gracePeriod)
        for (process, log) in zip(processes, logs) where process.terminationReason == .exit && process.terminationStatus != 0 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            ending.failures.append("exited \(process.terminationStatus): \(text.suffix(300))")
        }
        return (try result.get(), ending)
    }

    /// Waits up to `within` for the processes to exit, then stops the rest; returns how many
    /// had to be stopped.
    @discardableResult
    private static func end(_ processes: [Process], within limit: Duration) async -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while processes.contains(where: \.isRunning), clock.now < deadline {
            try? await clock.sleep(for: .milliseconds(100))
        }
        let running = processes.filter(\.isRunning)
        running.forEach { $0.terminate() }
        let killDeadline = clock.now + .seconds(5)
        while running.contains(where: \.isRunning), clock.now < killDeadline {
            try? await clock.sleep(for: .milliseconds(100))
        }
        for process in running where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return running.count
    }
}
