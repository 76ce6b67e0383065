import Foundation

/// Runs a program in a separate process and reports how it ended, so that an experiment that
/// is unsafe on purpose (a data race that may crash) can never take the caller down.
public struct ChildProcess: Sendable {
    /// How a child process ended.
    public enum Termination: Sendable, Equatable, Codable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal killed it (e.g. 11 for SIGSEGV, 6 for SIGABRT, 5 for SIGTRAP).
        case signaled(Int32)

        /// A short human description, e.g. "exited 0" or "killed by SIGSEGV (11)".
        public var description: String {
            switch self {
            case .exited(let status): "exited \(status)"
            case .signaled(let signal): "killed by \(Self.signalName(signal)) (\(signal))"
            }
        }

        private static func signalName(_ signal: Int32) -> String {
            switch signal {
            case SIGSEGV: "SIGSEGV"
            case SIGABRT: "SIGABRT"
            case SIGBUS: "SIGBUS"
            case SIGILL: "SIGILL"
            case SIGTRAP: "SIGTRAP"
            case SIGKILL: "SIGKILL"
            case SIGTERM: "SIGTERM"
            case SIGFPE: "SIGFPE"
            default: "signal"
            }
        }
    }

    /// What the child printed and how it ended.
    public struct Outcome: Sendable {
        public let termination: Termination
        public let standardOutput: String
        public let standardError: String
    }

    /// The program to run.
    public let executable: URL

    public init(executable: URL) {
        self.executable = executable
    }

    /// Runs the program with `arguments`, waits for it, and returns what happened.
    /// Throws only when the program cannot be started at all.
    public func run(arguments: [String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Reading the pipes and waiting block: on threads of their own, not the global pool's.
        async let outputData = onDedicatedThread { (try? output.fileHandleForReading.readToEnd()) ?? Data() }
        async let errorData = onDedicatedThread { (try? error.fileHandleForReading.readToEnd()) ?? Data() }
        let (stdout, stderr) = await (outputData, errorData)
        await onDedicatedThread { process.waitUntilExit() }
        return Outcome(
            termination: Termination(of: process),
            standardOutput: String(decoding: stdout, as: UTF8.self),
            standardError: String(decoding: stderr, as: UTF8.self)
        )
    }

}

extension ChildProcess.Termination {
    /// How `process`, which has exited, ended.
    public init(of process: Process) {
        self = switch process.terminationReason {
        case .exit: .exited(process.terminationStatus)
        case .uncaughtSignal: .signaled(process.terminationStatus)
        @unknown default: .exited(process.terminationStatus)
        }
    }
}

extension ChildProcess {
    /// The `scalelab` executable, to run child work in.
    ///
    /// Inside `scalelab` this is the running executable. Elsewhere (the test runner) it is
    /// `$SCALELAB_EXECUTABLE` if set, else `scalelab` in the same build folder as the running
    /// program, which `swift build` and `swift test` put there.
    public static var scalelab: ChildProcess {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            if let path = environment["SCALELAB_EXECUTABLE"] {
                return ChildProcess(executable: URL(fileURLWithPath: path))
            }
            let running = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            if running.lastPathComponent == "scalelab" {
                return ChildProcess(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
            }
            var folder = Bundle.main.bundleURL
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("scalelab")
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return ChildProcess(executable: candidate)
                }
                folder.deleteLastPathComponent()
            }
            throw ChildProcessError.scalelabNotFound(searchedFrom: Bundle.main.bundleURL.path)
        }
    }
}

/// Why a child process could not be started.
public enum ChildProcessError: Error, CustomStringConvertible {
    case scalelabNotFound(searchedFrom: String)

    public var description: String {
        switch self {
        case .scalelabNotFound(let folder):
            "Cannot find the scalelab executable near \(folder) to run unsafe work in a child process. Build it with `swift build`, or set SCALELAB_EXECUTABLE to its path."
        }
    }
}
