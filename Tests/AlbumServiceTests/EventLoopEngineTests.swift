import AlbumService
import NIOCore
import NIOEmbedded
import Testing

/// The event-loop engine's HTTP edges, on an `EmbeddedChannel` with the engine's pipeline:
/// bytes in, bytes out, time advanced by hand.
struct EventLoopEngineTests {
    /// One connection to the engine, without a socket.
    final class Connection {
        let channel = EmbeddedChannel()
        let store: InMemoryAlbumStore
        let flushes = FlushCounter()

        /// A connection whose engine asks `served` (by default `store` itself).
        init(
            store: InMemoryAlbumStore = classicStore(), served: (any AlbumStore)? = nil,
            idleTimeout: TimeAmount? = .seconds(60)
        ) throws {
            self.store = store
            let metrics = ServiceMetrics()
            try channel.pipeline.syncOperations.addHandler(flushes)
            try EventLoopChildChannel.configure(
                channel.pipeline.syncOperations, api: AlbumAPI(store: served ?? store, metrics: metrics), metrics: metrics,
                idleTimeout: idleTimeout, dateCache: HTTPDateCache())
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        }

        /// Sends `text` as one read; returns what the server wrote back.
        @discardableResult
        func send(_ text: String) throws -> String {
            try channel.writeInbound(ByteBuffer(string: text))
            channel.embeddedEventLoop.run()
            return try written()
        }

        /// What the server wrote since the last call.
        func written() throws -> String {
            var text = ""
            while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
            return text
        }

        var isOpen: Bool { channel.isActive }
    }

    /// Counts the flushes that reach the socket.
    final class FlushCounter: ChannelOutboundHandler {
        typealias OutboundIn = Any
        var count = 0

        func flush(context: ChannelHandlerContext) {
            count += 1
            context.flush()
        }
    }

    static let album = #"{"title":"Kind of Blue","artist":"Miles Davis","price":29.99}"#

    @Test func getIsAnsweredWithLengthTypeAndDate() throws {
        let connection = try Connection()
        let response = try connection.send("GET /albums/2 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.contains("Content-Type: application/json; charset=utf-8\r\n"))
        #expect(response.contains("Date: "))
        #expect(response.hasSuffix(String(buffer: connection.store.album(id: "2")!.json)))
        #expect(connection.isOpen)
    }

    @Test func pipelinedRequestsAreAnsweredInOrderWithOneFlush() throws {
        let connection = try Connection()
        let response = try connection.send(
            "GET /albums/1 HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /albums/3 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /albums HTTP/1.1\r\nHost: x\r\nContent-Length: \(Self.album.utf8.count)\r\n\r\n\(Self.album)")
        let blueTrain = try #require(response.range(of: "Blue Train"))
        let sarah = try #require(response.range(of: "Sarah Vaughan"))
        let created = try #require(response.range(of: "HTTP/1.1 201 Created"))
        #expect(blueTrain.upperBound < sarah.lowerBound && sarah.upperBound < created.lowerBound)
        #expect(connection.flushes.count == 1)
        #expect(connection.store.count == 4)
    }

    @Test func headHasTheGetLengthAndNoBody() throws {
        let connection = try Connection()
        let response = try connection.send("HEAD /albums/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.contains("Content-Length: \(connection.store.album(id: "1")!.json.readableBytes)\r\n"))
        #expect(response.hasSuffix("\r\n\r\n"))
    }

    /// NIO's encoder adds no framing headers in this pipeline, so the handler must frame every
    /// response itself: `Content-Length` equal to the body on responses that may have one, none
    /// on 204, and never chunked.
    @Test func everyResponseIsFramedByTheHandler() throws {
        let connection = try Connection()
        let body = #"{"title":"#
        let response = try connection.send(
            "DELETE /albums/1 HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /albums/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /albums HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        let parts = response.components(separatedBy: "HTTP/1.1 ").dropFirst().map { "HTTP/1.1 " + $0 }
        try #require(parts.count == 3)
        #expect(parts[0].hasPrefix("HTTP/1.1 204 No Content\r\n"))
        #expect(!parts[0].contains("Content-Length") && parts[0].hasSuffix("\r\n\r\n"))
        #expect(parts[1].hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(parts[2].hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        for part in parts[1...] {
            let pieces = part.components(separatedBy: "\r\n\r\n")
            try #require(pieces.count == 2)
            #expect(pieces[0].contains("Content-Length: \(pieces[1].utf8.count)\r\n"))
        }
        #expect(!response.contains("Transfer-Encoding"))
        #expect(connection.isOpen)
    }

    @Test func connectionCloseIsHonoured() throws {
        let connection = try Connection()
        let response = try connection.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.contains("Connection: close\r\n"))
        #expect(!connection.isOpen)
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        let closing = try Connection()
        #expect(try closing.send("GET /health HTTP/1.0\r\n\r\n").hasPrefix("HTTP/1.0 200 OK\r\n"))
        #expect(!closing.isOpen)
        let keeping = try Connection()
        let response = try keeping.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(response.contains("Connection: keep-alive\r\n"))
        #expect(keeping.isOpen)
    }

    @Test func oversizedContentLengthIs413BeforeTheBodyArrives() throws {
        let connection = try Connection()
        let response = try connection.send(
            "POST /albums HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \((1 << 20) + 1)\r\n\r\n{")
        #expect(response.hasPrefix("HTTP/1.1 413 "))
        #expect(response.contains("Connection: close\r\n"))
        #expect(response.contains("larger than 1048576 bytes"))
        #expect(connection.store.count == 3)
    }

    @Test func oversizedChunkedBodyIs413() throws {
        let connection = try Connection()
        let chunk = String(repeating: "x", count: 600 * 1024)
        let chunkHead = String(chunk.utf8.count, radix: 16)
        var response = try connection.send(
            "POST /albums HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(chunkHead)\r\n\(chunk)\r\n")
        #expect(response.isEmpty)
        response = try connection.send("\(chunkHead)\r\n\(chunk)\r\n")
        #expect(response.hasPrefix("HTTP/1.1 413 "))
        #expect(connection.store.count == 3)
    }

    @Test func expectContinueGets100ThenTheAnswer() throws {
        let connection = try Connection()
        let interim = try connection.send(
            "POST /albums HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(Self.album.utf8.count)\r\n\r\n")
        #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
        let response = try connection.send(Self.album)
        #expect(response.hasPrefix("HTTP/1.1 201 Created\r\n"))
        #expect(connection.store.count == 4)
    }

    @Test func expectContinueWithAnOversizedBodyGets413Only() throws {
        let connection = try Connection()
        let response = try connection.send(
            "POST /albums HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 413 "))
        #expect(!response.contains("100 Continue"))
    }

    @Test func idleConnectionIsClosedAfterTheTimeout() throws {
        let connection = try Connection(idleTimeout: .seconds(30))
        try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        connection.channel.embeddedEventLoop.advanceTime(by: .seconds(29))
        #expect(connection.isOpen)
        connection.channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!connection.isOpen)
    }

    @Test(arguments: [
        "GET /albums HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n",
        "GET /albums HTTP/1.1\r\nHost x\r\n\r\n",
        "POST /albums HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n",
    ])
    func malformedRequestIs400AndCloses(request: String) throws {
        let connection = try Connection()
        let response = try connection.send(request)
        #expect(response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "response: \(response)")
        #expect(response.contains("Connection: close\r\n"))
        #expect(response.contains(#"{"error":"The request is not valid HTTP/1.1"#))
        #expect(!connection.isOpen)
        #expect(connection.store.count == 3)
    }

    /// 501 for a method token the server does not know at all; 405 (tested for both engines)
    /// for one it knows that the path does not take.
    @Test func unknownMethodTokenIs501() throws {
        let connection = try Connection()
        let response = try connection.send("FOO /albums HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 501 Not Implemented\r\n"), "response: \(response)")
        #expect(response.contains("not one this server implements"))
        #expect(!connection.isOpen)
    }

    /// A store doing I/O answers later: the response is written and flushed when the answer
    /// arrives, and the next pipelined request waits for it.
    @Test func storeAnswersArrivingLaterAreWrittenInOrder() throws {
        let held = HeldAlbumStore()
        let connection = try Connection(store: held.inner, served: held)
        var response = try connection.send(
            "GET /albums/1 HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /albums/3 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.isEmpty)
        #expect(held.heldCount == 1, "the second request waits for the first answer")
        held.release()
        connection.channel.embeddedEventLoop.run()
        response = try connection.written()
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n") && response.contains("Blue Train"))
        #expect(!response.contains("Sarah Vaughan"))
        #expect(held.heldCount == 1)
        held.release()
        connection.channel.embeddedEventLoop.run()
        response = try connection.written()
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n") && response.contains("Sarah Vaughan"))
        #expect(connection.isOpen)
    }

    /// A store that fails (its database went away) gets 503 with Retry-After and a JSON
    /// error; the connection stays open and nothing is stored.
    @Test func storeFailureIs503WithRetryAfter() throws {
        let held = HeldAlbumStore()
        let connection = try Connection(store: held.inner, served: held)
        try connection.send("POST /albums HTTP/1.1\r\nHost: x\r\nContent-Length: \(Self.album.utf8.count)\r\n\r\n\(Self.album)")
        held.fail()
        connection.channel.embeddedEventLoop.run()
        let response = try connection.written()
        #expect(response.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"), "response: \(response)")
        #expect(response.contains("Retry-After: \(APIError.retryAfterSeconds)\r\n"))
        #expect(response.contains(#"{"error":"The album store is unavailable (the test's database is down)"#))
        #expect(connection.isOpen)
        #expect(connection.store.count == 3)
    }

    @Test func dateIsAnIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDateCache.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
