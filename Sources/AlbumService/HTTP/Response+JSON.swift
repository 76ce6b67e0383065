import Hummingbird

extension Response {
    /// A response carrying `body`, which must already be JSON.
    static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],  // Hummingbird adds Content-Length
            body: ResponseBody(byteBuffer: body)
        )
    }
}
