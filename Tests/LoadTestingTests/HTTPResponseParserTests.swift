import NIOCore
import Testing

@testable import LoadTesting

struct HTTPResponseParserTests {
    /// Feeds `text` in pieces of `pieceSize` bytes and returns every response completed.
    private func responses(
        of text: String, pieceSize: Int = .max, parser: inout HTTPResponseParser
    ) throws(RequestFailure) -> [HTTPResponseParser.Response] {
        let bytes = Array(text.utf8)
        var completed: [HTTPResponseParser.Response] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + pieceSize)
            var input = ByteBuffer(bytes: bytes[offset..<end])
            while input.readableBytes > 0, let response = try parser.parse(&input) { completed.append(response) }
            offset = end
        }
        return completed
    }

    private func body(_ response: HTTPResponseParser.Response) -> String {
        String(buffer: response.body)
    }

    private static let contentLength = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 13\r\n\r\n{\"id\":\"1234\"}"
    private static let chunked = "HTTP/1.1 201 Created\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n"

    @Test(arguments: [1, 2, 3, 7, 64, Int.max])
    func readsAContentLengthResponseHoweverItIsSplit(pieceSize: Int) throws {
        var parser = HTTPResponseParser()
        let all = try responses(of: Self.contentLength, pieceSize: pieceSize, parser: &parser)
        try #require(all.count == 1)
        #expect(all[0].status == 200)
        #expect(body(all[0]) == "{\"id\":\"1234\"}")
        #expect(all[0].isKeepAlive)
        #expect(!parser.isInsideResponse)
    }

    @Test(arguments: [1, 2, 5, 11, Int.max])
    func readsAChunkedResponseWithExtensionsAndTrailersHoweverItIsSplit(pieceSize: Int) throws {
        var parser = HTTPResponseParser()
        let all = try responses(of: Self.chunked, pieceSize: pieceSize, parser: &parser)
        try #require(all.count == 1)
        #expect(all[0].status == 201)
        #expect(body(all[0]) == "hello, world")
        #expect(all[0].isKeepAlive)
    }

    @Test func readsResponsesThatArriveTogether() throws {
        var parser = HTTPResponseParser()
        let all = try responses(of: Self.contentLength + Self.chunked + Self.contentLength, parser: &parser)
        #expect(all.map(\.status) == [200, 201, 200])
        #expect(all.map(body) == ["{\"id\":\"1234\"}", "hello, world", "{\"id\":\"1234\"}"])
    }

    @Test func knowsWhenTheServerClosesTheConnection() throws {
        var parser = HTTPResponseParser()
        let close = try responses(of: "HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 0\r\n\r\n", parser: &parser)
        #expect(close.map(\.isKeepAlive) == [false])
        let old = try responses(of: "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", parser: &parser)
        #expect(old.map(\.isKeepAlive) == [false])
        let oldKept = try responses(of: "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", parser: &parser)
        #expect(oldKept.map(\.isKeepAlive) == [true])
    }

    @Test func aBodyWithoutALengthRunsUntilTheConnectionCloses() throws {
        var parser = HTTPResponseParser()
        #expect(try responses(of: "HTTP/1.1 200 OK\r\n\r\npart one, ", parser: &parser).isEmpty)
        #expect(try responses(of: "part two", parser: &parser).isEmpty)
        let last = try #require(try parser.connectionClosed())
        #expect(body(last) == "part one, part two")
        #expect(!last.isKeepAlive)
    }

    @Test func responsesToHeadAnd204And304HaveNoBody() throws {
        var parser = HTTPResponseParser()
        parser.isResponseToHead = true
        let head = try responses(of: "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", parser: &parser)
        #expect(head.map(\.status) == [200])
        #expect(head.first?.body.readableBytes == 0)
        parser.isResponseToHead = false
        let empty = try responses(
            of: "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n", parser: &parser
        )
        #expect(empty.map(\.status) == [204, 304])
        #expect(empty.allSatisfy { $0.isKeepAlive && $0.body.readableBytes == 0 })
    }

    @Test func skipsInterimResponses() throws {
        var parser = HTTPResponseParser()
        let all = try responses(of: "HTTP/1.1 100 Continue\r\n\r\n" + Self.contentLength, parser: &parser)
        #expect(all.map(\.status) == [200])
    }

    @Test(arguments: [
        ("HTTP/2 200 OK\r\n\r\n", "invalid status line"),
        ("HTTP/1.1 20 OK\r\n\r\n", "invalid status line"),
        ("HTTP/1.1 099 Odd\r\n\r\n", "invalid status code"),
        ("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n", "invalid Content-Length"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "two different Content-Length"),
        ("HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n", "obsolete line folding"),
        ("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "without a name and colon"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "invalid chunk size"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "longer than its chunk size"),
        ("HTTP/1.1 101 Switching Protocols\r\n\r\n", "no upgrade"),
    ])
    func rejectsMalformedResponsesWithTheReason(text: String, reason: String) {
        var parser = HTTPResponseParser()
        #expect {
            _ = try responses(of: text, parser: &parser)
        } throws: { error in
            guard case .malformedResponse(let detail) = error as? RequestFailure else { return false }
            return detail.contains(reason)
        }
    }

    @Test func rejectsAHeadLargerThanTheLimit() {
        var parser = HTTPResponseParser()
        let huge = "HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: HTTPResponseParser.maximumHeadSize)
        #expect(throws: RequestFailure.malformedResponse("the response head is longer than 64 KiB")) {
            _ = try responses(of: huge, pieceSize: 1_000, parser: &parser)
        }
    }

    @Test func aConnectionClosedMidResponseFailsIt() throws {
        var parser = HTTPResponseParser()
        #expect(try parser.connectionClosed() == nil)
        _ = try responses(of: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", parser: &parser)
        #expect(throws: RequestFailure.connection("the server closed the connection before the response was complete")) {
            _ = try parser.connectionClosed()
        }
    }
}
