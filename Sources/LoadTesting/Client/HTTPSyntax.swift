/// What HTTP/1.1 allows in the parts of a request a scenario controls (RFC 9110, RFC 9112), so
/// the scenario file and the request writer reject the same things.
enum HTTPSyntax {
    /// True for a method or header name: one or more token characters.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    /// True for a header value: no line break or NUL, which would end or corrupt the header.
    static func isFieldValue(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
    }

    /// True for request-target text: no space or control character, which would break the
    /// request line (percent-encode them).
    static func isTargetText(_ text: String) -> Bool {
        !text.utf8.contains { $0 <= 32 || $0 == 127 }
    }

    /// ASCII case-insensitive comparison of `bytes` with a lowercase name, without allocating.
    static func equalsIgnoringCase<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return zip(bytes, expected).allSatisfy { byte, letter in
            ((65...90).contains(byte) ? byte + 32 : byte) == letter
        }
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
