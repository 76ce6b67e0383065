import NIOCore
import Testing

@testable import LoadTesting

struct HTTPRequestWriterTests {
    private let writer = HTTPRequestWriter(target: try! TargetAddress(parsing: "http://127.0.0.1:8080/api"))

    private func text(of request: LoadRequest) throws -> String {
        String(buffer: try writer.bytes(of: request, allocator: ByteBufferAllocator()))
    }

    @Test func writesARequestWithoutBody() throws {
        #expect(try text(of: LoadRequest(path: "/albums/1", headers: [("Accept", "application/json")])) ==
            "GET /api/albums/1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: scalelab\r\nAccept: application/json\r\n\r\n")
    }

    @Test func writesABodyWithItsLengthAndAJSONTypeUnlessTheRequestSetsOne() throws {
        let json = try text(of: LoadRequest(method: "POST", path: "/albums", json: "{\"a\":1}", expectedStatuses: [201]))
        #expect(json.hasSuffix("Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"))
        let own = try text(of: LoadRequest(method: "PUT", path: "/x", headers: [("content-type", "text/plain")], body: Array("hi".utf8)))
        #expect(own.hasSuffix("content-type: text/plain\r\nContent-Length: 2\r\n\r\nhi"))
        #expect(!own.contains("application/json"))
    }

    @Test(arguments: [
        LoadRequest(path: "/a b"),
        LoadRequest(path: "no-slash"),
        LoadRequest(method: "GE T", path: "/"),
        LoadRequest(path: "/", headers: [("X-Evil", "a\r\nInjected: yes")]),
        LoadRequest(path: "/", headers: [("Bad Name", "v")]),
    ])
    func refusesRequestsThatWouldBreakTheFraming(request: LoadRequest) {
        #expect {
            _ = try writer.bytes(of: request, allocator: ByteBufferAllocator())
        } throws: { error in
            guard case .invalidRequest = error as? RequestFailure else { return false }
            return true
        }
    }
}
