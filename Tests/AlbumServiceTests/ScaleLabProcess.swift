import Experiments
import Foundation
import Synchronization

/// The package's `scalelab` executable running as a child of the test process, with what it
/// prints (standard output and error) collected.
///
/// A child process keeps signals and exit codes apart from the tests running beside it.
final class ScaleLabProcess: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the process printed so far, and whether it closed its output; filled by the pipe's
    /// reader thread.
    private final class Output: Sendable {
        let state = Mutex((text: "", isClosed: false))
    }

    private let process: Process
    private let output = Output()
    private let commandLine: String

    /// Starts `scalelab` with `arguments`.
    init(_ arguments: [String]) throws {
        let executable = try ChildProcess.scalelab.executable
        commandLine = (["scalelab"] + arguments).joined(separator: " ")
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            output.state.withLock { state in
                state.text += String(decoding: data, as: UTF8.self)
                state.isClosed = data.isEmpty
            }
        }
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// What the process printed so far.
    var printed: String { output.state.withLock { $0.text } }

    /// The port from `scalelab serve`'s "listening on http://127.0.0.1:PORT" line.
    func servedPort(within timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = printed
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).first == " " {
                    return port
                }
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "\(commandLine) did not report its port; its output: \(printed)")
    }

    /// Waits until the process has printed `text`.
    func waitForOutput(containing text: String, within timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !printed.contains(text) {
            guard ContinuousClock.now < deadline, process.isRunning else {
                throw Failure(description: "\(commandLine) did not print '\(text)'; its output: \(printed)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// How the process ended, once it has and its output is read: to the end of the pipe, or
    /// for at most 2 s after the exit (a child started meanwhile by another test may hold the
    /// pipe's write end open until it ends).
    func exitStatus(within timeout: Duration) async throws -> ChildProcess.Termination {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "\(commandLine) still runs after \(timeout); its output: \(printed)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let outputDeadline = ContinuousClock.now + .seconds(2)
        while !output.state.withLock({ $0.isClosed }), ContinuousClock.now < outputDeadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return ChildProcess.Termination(of: process)
    }

    /// Kills the process if a failed test left it running.
    func stop() {
        if process.isRunning { process.terminate() }
    }
}
