/// What `HTTPResponseParser` needs from a response head (status line and header fields), read
/// straight from the bytes: the status, how the body's length is given, and keep-alive.
struct HeadFields {
    private(set) var status = 0
    private(set) var isKeepAlive = true
    private(set) var contentLength: Int?
    private(set) var hasTransferEncoding = false
    /// True when the last transfer coding is `chunked`.
    private(set) var isChunked = false

    /// Reads `head`: the status line and header lines, CRLF-separated, without the blank line.
    mutating func read(_ head: UnsafeRawBufferPointer) throws(RequestFailure) {
        var lineStart = 0
        var isStatusLine = true
        while lineStart <= head.count {
            var lineEnd = lineStart
            while lineEnd + 1 < head.count, !(head[lineEnd] == 13 && head[lineEnd + 1] == 10) { lineEnd += 1 }
            if lineEnd + 1 >= head.count { lineEnd = head.count }
            let line = UnsafeRawBufferPointer(rebasing: head[lineStart..<lineEnd])
            if isStatusLine {
                try readStatusLine(line)
                isStatusLine = false
            } else {
                try readField(line)
            }
            lineStart = lineEnd + 2
        }
    }

    private mutating func readStatusLine(_ line: UnsafeRawBufferPointer) throws(RequestFailure) {
        guard line.count >= 12, line.starts(with: "HTTP/1.".utf8),
              line[7] == UInt8(ascii: "0") || line[7] == UInt8(ascii: "1"), line[8] == UInt8(ascii: " "),
              line.count == 12 || line[12] == UInt8(ascii: " ")
        else {
            throw .malformedResponse("invalid status line '\(Self.printable(line))'")
        }
        var code = 0
        for index in 9..<12 {
            let byte = line[index]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw .malformedResponse("invalid status line '\(Self.printable(line))'")
            }
            code = code * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard code >= 100 else { throw .malformedResponse("invalid status code \(code)") }
        status = code
        isKeepAlive = line[7] == UInt8(ascii: "1")
    }

    private mutating func readField(_ line: UnsafeRawBufferPointer) throws(RequestFailure) {
        guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else {
            throw .malformedResponse("a header line starts with whitespace (obsolete line folding)")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
            throw .malformedResponse("header line without a name and colon: '\(Self.printable(line))'")
        }
        let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
        let value = Self.trimmed(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
        if HTTPSyntax.equalsIgnoringCase(name, "content-length") {
            guard !value.isEmpty, value.count <= 18, value.allSatisfy({ (48...57).contains($0) }) else {
                throw .malformedResponse("invalid Content-Length '\(Self.printable(value))'")
            }
            let length = value.reduce(0) { $0 * 10 + Int($1 - 48) }
            if let contentLength, contentLength != length {
                throw .malformedResponse("two different Content-Length values")
            }
            contentLength = length
        } else if HTTPSyntax.equalsIgnoringCase(name, "transfer-encoding") {
            hasTransferEncoding = true
            var lastCoding: UnsafeRawBufferPointer?
            Self.forEachToken(of: value) { lastCoding = $0 }
            isChunked = lastCoding.map { HTTPSyntax.equalsIgnoringCase($0, "chunked") } ?? false
        } else if HTTPSyntax.equalsIgnoringCase(name, "connection") {
            Self.forEachToken(of: value) { token in
                if HTTPSyntax.equalsIgnoringCase(token, "close") { isKeepAlive = false }
                if HTTPSyntax.equalsIgnoringCase(token, "keep-alive") { isKeepAlive = true }
            }
        }
    }

    /// The value of a hexadecimal digit, or nil.
    static func hexadecimalValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Calls `body` with each comma-separated element of a list value, trimmed, empty ones
    /// left out, without allocating.
    private static func forEachToken(of value: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != UInt8(ascii: ",") { end += 1 }
            let token = trimmed(UnsafeRawBufferPointer(rebasing: value[start..<end]))
            if !token.isEmpty { body(token) }
            start = end + 1
        }
    }

    /// Bytes for an error message: at most 80, non-printable ones as '?'.
    private static func printable(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes.prefix(80).map { (32...126).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
