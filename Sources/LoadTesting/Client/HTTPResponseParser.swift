import NIOCore

/// Reads HTTP/1.1 responses off a connection's byte stream, one at a time, without building
/// header strings: the fast client only needs the status, the body and whether the connection
/// stays open.
///
/// It follows RFC 9112's message-length rules: no body for responses to HEAD and for 1xx, 204
/// and 304; `Transfer-Encoding: chunked` (trailers skipped); `Content-Length`; otherwise the
/// body runs until the server closes the connection. Interim 1xx responses are skipped. What it
/// cannot read is a `RequestFailure.malformedResponse` that says what was wrong.
struct HTTPResponseParser {
    /// A complete response.
    struct Response {
        let status: Int
        let body: ByteBuffer
        /// False when the server said `Connection: close`, spoke HTTP/1.0 without keep-alive,
        /// or ended the body by closing.
        let isKeepAlive: Bool
    }

    /// The longest status line plus headers accepted.
    static let maximumHeadSize = 64 * 1024

    private enum State {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case untilClose
    }

    private var state = State.head
    /// Bytes of a head (or chunk-size line) that arrived split across reads.
    private var partial: ByteBuffer?
    private var status = 0
    private var isKeepAlive = true
    private var body: ByteBuffer?
    /// Set before sending a HEAD request: its response has no body whatever its headers say.
    var isResponseToHead = false

    /// True while a response has started but is not complete.
    var isInsideResponse: Bool {
        if case .head = state { return partial != nil }
        return true
    }

    /// Consumes `input` and returns the response it completes, or nil when more bytes are
    /// needed. Call again with the same buffer while it returns responses and has bytes left.
    mutating func parse(_ input: inout ByteBuffer) throws(RequestFailure) -> Response? {
        while input.readableBytes > 0 {
            switch state {
            case .head:
                guard var head = try takeLine(from: &input, terminator: .headEnd) else { return nil }
                guard try readHead(&head) else { continue }
                if case .fixedBody(0) = state { return complete() }
            case .fixedBody(let remaining):
                let count = min(remaining, input.readableBytes)
                appendBody(input.readSlice(length: count)!)
                if remaining == count { return complete() }
                state = .fixedBody(remaining: remaining - count)
            case .chunkSize:
                guard let line = try takeLine(from: &input, terminator: .lineEnd) else { return nil }
                let size = try Self.chunkSize(in: line)
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let count = min(remaining, input.readableBytes)
                appendBody(input.readSlice(length: count)!)
                state = remaining == count ? .chunkDataEnd : .chunkData(remaining: remaining - count)
            case .chunkDataEnd:
                guard let line = try takeLine(from: &input, terminator: .lineEnd) else { return nil }
                guard line.readableBytes == 0 else {
                    throw .malformedResponse("chunk data is longer than its chunk size")
                }
                state = .chunkSize
            case .trailers:
                guard let line = try takeLine(from: &input, terminator: .lineEnd) else { return nil }
                if line.readableBytes == 0 { return complete() }
            case .untilClose:
                appendBody(input.readSlice(length: input.readableBytes)!)
            }
        }
        return nil
    }

    /// The connection closed: completes a body that runs until close, and fails a response
    /// cut short. Returns nil when no response had started.
    mutating func connectionClosed() throws(RequestFailure) -> Response? {
        if case .untilClose = state { return complete() }
        guard isInsideResponse else { return nil }
        state = .head
        partial = nil
        throw .connection("the server closed the connection before the response was complete")
    }

    // MARK: - Head

    /// Reads a head and sets how its body ends; false for an interim (1xx) response.
    private mutating func readHead(_ head: inout ByteBuffer) throws(RequestFailure) -> Bool {
        var headers = HeadFields()
        try head.withUnsafeReadableBytes { bytes throws(RequestFailure) in
            try headers.read(bytes)
        }
        if (100...199).contains(headers.status) {
            guard headers.status != 101 else {
                throw .malformedResponse("101 Switching Protocols, but the client asked for no upgrade")
            }
            state = .head
            return false
        }
        status = headers.status
        isKeepAlive = headers.isKeepAlive
        body = nil
        if isResponseToHead || status == 204 || status == 304 {
            state = .fixedBody(remaining: 0)
        } else if headers.isChunked {
            state = .chunkSize
        } else if headers.hasTransferEncoding {
            isKeepAlive = false
            state = .untilClose
        } else if let length = headers.contentLength {
            state = .fixedBody(remaining: length)
        } else {
            isKeepAlive = false
            state = .untilClose
        }
        return true
    }

    private mutating func complete() -> Response {
        let response = Response(status: status, body: body ?? ByteBuffer(), isKeepAlive: isKeepAlive)
        state = .head
        body = nil
        return response
    }

    private mutating func appendBody(_ slice: ByteBuffer) {
        if body == nil {
            body = slice
        } else {
            var more = slice
            body!.writeBuffer(&more)
        }
    }

    // MARK: - Lines

    private enum Terminator {
        /// CRLF CRLF: the end of a head.
        case headEnd
        /// CRLF: the end of a chunk-size or trailer line.
        case lineEnd

        var bytes: [UInt8] { self == .headEnd ? [13, 10, 13, 10] : [13, 10] }
    }

    /// The bytes before the next terminator (consumed along with it), joining bytes kept from
    /// earlier reads; nil when the terminator has not arrived yet.
    private mutating func takeLine(from input: inout ByteBuffer, terminator: Terminator) throws(RequestFailure) -> ByteBuffer? {
        let marker = terminator.bytes
        if var kept = partial {
            // Rare: the head was split across reads. Join and search the joined bytes.
            let searchFrom = max(0, kept.readableBytes - (marker.count - 1))
            kept.writeBuffer(&input)
            guard let end = Self.firstIndex(of: marker, in: kept, from: searchFrom) else {
                try checkHeadSize(kept.readableBytes)
                partial = kept
                return nil
            }
            partial = nil
            let line = kept.readSlice(length: end)!
            kept.moveReaderIndex(forwardBy: marker.count)
            input = kept
            return line
        }
        guard let end = Self.firstIndex(of: marker, in: input, from: 0) else {
            try checkHeadSize(input.readableBytes)
            partial = input.readSlice(length: input.readableBytes)
            return nil
        }
        let line = input.readSlice(length: end)!
        input.moveReaderIndex(forwardBy: marker.count)
        return line
    }

    private func checkHeadSize(_ size: Int) throws(RequestFailure) {
        guard size <= Self.maximumHeadSize else {
            throw .malformedResponse("the response head is longer than \(Self.maximumHeadSize / 1024) KiB")
        }
    }

    /// The offset of `marker` in `buffer`'s readable bytes, searching from `start`.
    private static func firstIndex(of marker: [UInt8], in buffer: ByteBuffer, from start: Int) -> Int? {
        buffer.withUnsafeReadableBytes { bytes -> Int? in
            var index = start
            let last = bytes.count - marker.count
            while index <= last {
                if bytes[index] == marker[0] {
                    var matched = 1
                    while matched < marker.count, bytes[index + matched] == marker[matched] { matched += 1 }
                    if matched == marker.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// The size in a chunk-size line (hexadecimal, extensions after `;` ignored).
    private static func chunkSize(in line: ByteBuffer) throws(RequestFailure) -> Int {
        var size = 0
        var digits = 0
        for byte in line.readableBytesView {
            guard let digit = HeadFields.hexadecimalValue(byte) else {
                if byte == UInt8(ascii: ";") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { break }
                throw .malformedResponse("invalid chunk size line")
            }
            guard digits < 15 else { throw .malformedResponse("chunk size too large") }
            size = size * 16 + digit
            digits += 1
        }
        guard digits > 0 else { throw .malformedResponse("invalid chunk size line") }
        return size
    }
}
