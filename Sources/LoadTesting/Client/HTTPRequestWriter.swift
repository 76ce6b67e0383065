import NIOCore

/// Writes a `LoadRequest` as HTTP/1.1 bytes for one target, with the headers every request
/// carries (`Host`, `User-Agent`) prepared once.
struct HTTPRequestWriter {
    private let basePath: String
    private let commonHeaders: [UInt8]

    init(target: TargetAddress) {
        self.basePath = target.basePath
        self.commonHeaders = Array("Host: \(target.hostHeader)\r\nUser-Agent: scalelab\r\n".utf8)
    }

    /// The request's bytes: request line, headers, `Content-Type: application/json` and
    /// `Content-Length` when it has a body (unless it sets its own type), then the body.
    /// Throws when the method, path or a header would break the message framing.
    func bytes(of request: LoadRequest, allocator: ByteBufferAllocator) throws(RequestFailure) -> ByteBuffer {
        try Self.check(request)
        let bodyCount = request.body?.count ?? 0
        var buffer = allocator.buffer(
            capacity: request.method.utf8.count + basePath.utf8.count + request.path.utf8.count + commonHeaders.count
                + request.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 } + bodyCount + 96
        )
        buffer.writeString(request.method)
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(basePath)
        buffer.writeString(request.path)
        buffer.writeStaticString(" HTTP/1.1\r\n")
        buffer.writeBytes(commonHeaders)
        var hasContentType = false
        for header in request.headers {
            hasContentType = hasContentType || HTTPSyntax.equalsIgnoringCase(header.name.utf8, "content-type")
            buffer.writeString(header.name)
            buffer.writeStaticString(": ")
            buffer.writeString(header.value)
            buffer.writeStaticString("\r\n")
        }
        if let body = request.body {
            if !hasContentType { buffer.writeStaticString("Content-Type: application/json\r\n") }
            buffer.writeStaticString("Content-Length: ")
            buffer.writeString(String(bodyCount))
            buffer.writeStaticString("\r\n\r\n")
            buffer.writeBytes(body)
        } else {
            buffer.writeStaticString("\r\n")
        }
        return buffer
    }

    /// Rejects a method, path or header that would break the message framing: whitespace in
    /// the method or path, line breaks in a header, a header name that is not a token.
    private static func check(_ request: LoadRequest) throws(RequestFailure) {
        guard HTTPSyntax.isToken(request.method) else {
            throw .invalidRequest("the method '\(request.method)' is not an HTTP token")
        }
        guard request.path.hasPrefix("/"), HTTPSyntax.isTargetText(request.path) else {
            throw .invalidRequest("the path '\(request.path)' must start with / and contain no spaces or control characters (percent-encode them)")
        }
        for header in request.headers {
            guard HTTPSyntax.isToken(header.name) else {
                throw .invalidRequest("the header name '\(header.name)' is not an HTTP token")
            }
            guard HTTPSyntax.isFieldValue(header.value) else {
                throw .invalidRequest("the value of header '\(header.name)' contains a line break")
            }
        }
    }
}
