import HTTPTypes
import NIOCore

/// A request as the route table reads it, whichever engine received it: the method, the path
/// and query of the target, the two headers the API looks at, and the whole body.
package struct APIRequest: Sendable {
    package var method: HTTPRequest.Method
    /// The target's path, e.g. `/albums/2`, still percent-encoded.
    package var path: Substring
    /// The target's query without the `?`, e.g. `limit=2&after=3`; empty when there is none.
    package var query: Substring
    /// The `Content-Type` header, if any.
    package var contentType: String?
    /// Every `If-None-Match` header value, in order.
    package var ifNoneMatch: [String]
    /// The request body, at most `AlbumAPI.maximumBodySize` bytes (the engines enforce it).
    package var body: ByteBuffer

    package init(
        method: HTTPRequest.Method,
        path: Substring,
        query: Substring,
        contentType: String?,
        ifNoneMatch: [String],
        body: ByteBuffer
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.contentType = contentType
        self.ifNoneMatch = ifNoneMatch
        self.body = body
    }

    /// A request for `target` (a path and an optional `?query`).
    package init(
        method: HTTPRequest.Method,
        target: String,
        contentType: String? = nil,
        ifNoneMatch: [String] = [],
        body: ByteBuffer = ByteBuffer()
    ) {
        let (path, query) = Self.split(target: target)
        self.init(
            method: method, path: path, query: query, contentType: contentType, ifNoneMatch: ifNoneMatch, body: body)
    }

    /// A request target split into its path and its query (without the `?`).
    package static func split(target: String) -> (path: Substring, query: Substring) {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (target[...], "") }
        return (target[..<mark], target[target.utf8.index(after: mark)...])
    }

    /// The percent-decoded value of the first query parameter called `name`, or nil.
    package func queryValue(_ name: String) -> String? {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let key = pair.prefix { $0 != "=" }
            guard key.percentDecoded() == name else { continue }
            return pair.dropFirst(key.count + 1).percentDecoded()
        }
        return nil
    }
}

extension Substring {
    /// The text with `%XX` escapes decoded (RFC 3986); an escape that is not two hex digits
    /// stays as it is, and bytes that are not UTF-8 become U+FFFD.
    package func percentDecoded() -> String {
        guard utf8.contains(UInt8(ascii: "%")) else { return String(self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"),
                let first = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), first != utf8.endIndex,
                let second = utf8.index(first, offsetBy: 1, limitedBy: utf8.endIndex), second != utf8.endIndex,
                let high = Self.hexValue(utf8[first]), let low = Self.hexValue(utf8[second])
            {
                bytes.append(high << 4 | low)
                index = utf8.index(after: second)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
