import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// `scalelab serve` stopped by SIGTERM finishes the requests in flight, then exits 0.
///
/// The server runs as a child process, so the signal reaches it alone and not the tests
/// running beside this one.
struct GracefulShutdownTests {
    @Test func requestInFlightWhenSIGTERMArrivesCompletes() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let port = try await server.port()

        let body = #"{"title":"Sent slowly","artist":"Shutdown test","price":1}"#
        let head = "POST /albums HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n"
        let split = body.index(body.startIndex, offsetBy: 20)

        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let response = try await channel.executeThenClose { inbound, outbound in
            // The request head and half the body: the handler is now waiting for the rest.
            try await outbound.write(ByteBuffer(string: head + body[..<split]))
            try await Task.sleep(for: .milliseconds(300))
            server.signal(SIGTERM)
            try await Task.sleep(for: .milliseconds(500))
            #expect(server.isRunning, "the server waits for the request in flight")
            try await outbound.write(ByteBuffer(string: String(body[split...])))
            var response = ""
            for try await chunk in inbound {
                response += String(buffer: chunk)
                if response.hasSuffix("}") { break }
            }
            return response
        }
        #expect(response.hasPrefix("HTTP/1.1 201 Created"), "response: \(response)")
        #expect(response.contains(#""title":"Sent slowly""#))

        let status = try await server.exitStatus(within: .seconds(10))
        #expect(status == .exited(0))
    }
}

/// `scalelab serve --port 0` running as a child of the test process.
final class ServerProcess: Sendable {
    enum ExitStatus: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the server printed so far; filled by the pipe's reader thread.
    private final class Output: Sendable {
        let text = Mutex("")
    }

    private let process: Process
    private let output = Output()

    init() throws {
        // The test bundle lives next to the package's executables in the build folder.
        let bundle = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        let executable = bundle.deletingLastPathComponent().appendingPathComponent("scalelab")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw Failure(description: "\(executable.path) is missing; build it first with `swift build`.")
        }
        process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"]
        let pipe = Pipe()
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.text.withLock { $0 += text }
        }
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// The port from the server's "listening on http://127.0.0.1:PORT" line.
    func port(within timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = output.text.withLock { $0 }
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).first == " " {
                    return port
                }
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "scalelab serve did not report its port; its output: \(output.text.withLock { $0 })")
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    func exitStatus(within timeout: Duration) async throws -> ExitStatus {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "scalelab serve still runs \(timeout) after SIGTERM")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationReason == .exit
            ? .exited(process.terminationStatus) : .signalled(process.terminationStatus)
    }

    /// Kills the server if a failed test left it running.
    func stop() {
        if process.isRunning { process.terminate() }
    }
}
