import Foundation
import NIOCore
import NIOPosix
import Testing

/// `scalelab serve` stopped by SIGTERM finishes the requests in flight, then exits 0.
///
/// The server runs as a child process, so the signal reaches it alone and not the tests
/// running beside this one.
struct GracefulShutdownTests {
    @Test func requestInFlightWhenSIGTERMArrivesCompletes() async throws {
        let server = try ScaleLabProcess(["serve", "--port", "0", "--log-level", "warning"])
        defer { server.stop() }
        let port = try await server.servedPort()

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
