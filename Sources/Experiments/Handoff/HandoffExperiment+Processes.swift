import Foundation
import Statistics

extension HandoffExperiment {
    /// Ping-pong between this process and a child `scalelab` over two pipes, one byte each way.
    /// The child's start-up is not timed: it writes one byte when ready, and timing starts after.
    static func measureProcesses(roundtrips: Int) async throws -> HandoffRun {
        // A peer that dies mid-exchange must fail the run, not kill this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = try ChildProcess.scalelab.executable
        process.arguments = ["experiment", "child", peerChildWork.name]
        let toPeer = Pipe()
        let fromPeer = Pipe()
        process.standardInput = toPeer
        process.standardOutput = fromPeer
        try process.run()
        let outcome = await onDedicatedThread { () -> Swift.Result<HandoffRun, HandoffError> in
            Swift.Result { () throws(HandoffError) in
                try exchange(
                    roundtrips: roundtrips, process: process,
                    writing: toPeer.fileHandleForWriting, reading: fromPeer.fileHandleForReading
                )
            }
        }
        return try outcome.get()
    }

    private static func exchange(
        roundtrips: Int, process: Process, writing: FileHandle, reading: FileHandle
    ) throws(HandoffError) -> HandoffRun {
        let output = writing.fileDescriptor
        let input = reading.fileDescriptor
        let ready = PipeByte.receive(from: input)
        var seconds = 0.0
        if ready {
            seconds = Stopwatch.time {
                for _ in 0..<roundtrips {
                    guard PipeByte.send(to: output), PipeByte.receive(from: input) else { return }
                }
            }.seconds
        }
        try? writing.close()
        let report = (try? reading.readToEnd()) ?? Data()
        process.waitUntilExit()
        let answered = String(decoding: report, as: UTF8.self)
            .split(whereSeparator: \.isNewline).last.flatMap { Int($0) }
        let termination = ChildProcess.Termination(of: process)
        guard termination == .exited(0), let answered else { throw HandoffError.peerFailed(termination) }
        return HandoffRun(seconds: seconds, roundtrips: answered)
    }

    /// The `processes` variant's peer, run in the child process: writes one byte when ready, then
    /// echoes every byte from standard input to standard output until end of input, and prints
    /// how many it echoed.
    public static let peerChildWork = ChildWork(name: "handoff-peer") { _ in
        var answered = 0
        if PipeByte.send(to: STDOUT_FILENO) {
            while PipeByte.receive(from: STDIN_FILENO), PipeByte.send(to: STDOUT_FILENO) {
                answered += 1
            }
        }
        return "\n\(answered)"
    }
}
