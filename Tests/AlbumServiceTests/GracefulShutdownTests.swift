import AlbumService
import Foundation
import NIOCore
import NIOPosix
import Testing

/// `scalelab serve` stopped by SIGTERM finishes the requests in flight, then exits 0.
///
/// The server runs as a child process, so the signal reaches it alone and not the tests
/// running beside this one. It logs at trace level, so the test can wait for the line
/// Hummingbird logs when it starts to drain instead of sleeping.
struct GracefulShutdownTests {
    @Test(arguments: ServerEngine.allCases)
    func requestInFlightWhenSIGTERMArrivesCompletes(engine: ServerEngine) async throws {
        let server = try ScaleLabProcess(["serve", "--port", "0", "--engine", engine.rawValue, "--log-level", "trace"])
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
            // In one write, a whole request and then the head and half the body of a second:
            // once the first is answered, the server holds the second and waits for its rest.
            let health = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            try await outbound.write(ByteBuffer(string: health + head + body[..<split]))
            var responses = inbound.makeAsyncIterator()
            var received = ""
            while !received.contains(#""status":"ok""#), let chunk = try await responses.next() {
                received += String(buffer: chunk)
            }
            server.signal(SIGTERM)
            try await server.waitForOutput(containing: "Server State: shuttingDown")
            #expect(server.isRunning, "the server waits for the request in flight")
            try await outbound.write(ByteBuffer(string: String(body[split...])))
            var response = ""
            while !response.hasSuffix("}"), let chunk = try await responses.next() {
                response += String(buffer: chunk)
            }
            return response
        }
        #expect(response.hasPrefix("HTTP/1.1 201 Created"), "response: \(response)")
        #expect(response.contains(#""title":"Sent slowly""#))

        let status = try await server.exitStatus(within: .seconds(10))
        #expect(status == .exited(0))
    }
}
