import Dispatch
import Experiments
import Foundation
import Synchronization

/// The package's `scalelab` executable running as a child of the test process, with what it
/// prints (standard output and error) collected.
///
/// A child process keeps signals and exit codes apart from the tests running beside it. Every
/// wait below waits for an event (output, the exit, the pipe's end), not for time to pass; its
/// `within` limit only ends a wait that would otherwise hang.
final class ScaleLabProcess: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What happened so far; `version` counts the changes, so a waiter cannot miss one.
    private struct State {
        var text = ""
        var isClosed = false
        var hasExited = false
        var version = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let process: Process
    private let state = Mutex(State())
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
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            self?.change { state in
                state.text += String(decoding: data, as: UTF8.self)
                state.isClosed = data.isEmpty
            }
        }
        process.terminationHandler = { [weak self] _ in self?.change { $0.hasExited = true } }
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// What the process printed so far.
    var printed: String { state.withLock { $0.text } }

    /// The port from `scalelab serve`'s "listening on http://127.0.0.1:PORT" line.
    func servedPort(within limit: Duration = .seconds(30)) async throws -> Int {
        let port = await wait(within: limit) { state -> Int?? in
            if let range = state.text.range(of: "listening on http://127.0.0.1:") {
                let digits = state.text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), state.text[range.upperBound...].dropFirst(digits.count).first == " " {
                    return .some(port)
                }
            }
            return state.hasExited ? .some(nil) : nil
        }
        guard let port = port ?? nil else {
            throw Failure(description: "\(commandLine) did not report its port; its output: \(printed)")
        }
        return port
    }

    /// Waits until the process has printed `text`.
    func waitForOutput(containing text: String, within limit: Duration = .seconds(30)) async throws {
        let found = await wait(within: limit) { state -> Bool? in
            state.text.contains(text) ? true : (state.hasExited ? false : nil)
        }
        guard found == true else {
            throw Failure(description: "\(commandLine) did not print '\(text)'; its output: \(printed)")
        }
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// How the process ended, once it has and its output is read: to the end of the pipe, or
    /// for at most 2 s after the exit (a child started meanwhile by another test may hold the
    /// pipe's write end open until it ends).
    func exitStatus(within limit: Duration) async throws -> ChildProcess.Termination {
        guard await wait(within: limit, until: { $0.hasExited ? true : nil }) != nil else {
            throw Failure(description: "\(commandLine) still runs after \(limit); its output: \(printed)")
        }
        _ = await wait(within: .seconds(2)) { $0.isClosed ? true : nil }
        return ChildProcess.Termination(of: process)
    }

    /// Kills the process if a failed test left it running.
    func stop() {
        if process.isRunning { process.terminate() }
    }

    /// Applies `update` and wakes every waiter.
    private func change(_ update: (inout State) -> Void) {
        let waiters = state.withLock { state in
            update(&state)
            state.version += 1
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until `condition` gives a value after some change, or until `limit` has passed
    /// (then nil): a watchdog on a dispatch queue wakes the waiters once.
    private func wait<Value>(within limit: Duration, until condition: (State) -> Value?) async -> Value? {
        let timedOut = Atomic<Bool>(false)
        let nanoseconds = Int(min(limit, .seconds(3_600)).components.seconds) * 1_000_000_000
            + Int(min(limit, .seconds(3_600)).components.attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [weak self] in
            timedOut.store(true, ordering: .releasing)
            self?.change { _ in }
        }
        while true {
            let (value, version) = state.withLock { (condition($0), $0.version) }
            if let value { return value }
            if timedOut.load(ordering: .acquiring) { return nil }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let isCurrent = state.withLock { state in
                    guard state.version == version else { return false }
                    state.waiters.append(continuation)
                    return true
                }
                if !isCurrent { continuation.resume() }
            }
        }
    }
}
