import Hummingbird

extension ByteBuffer {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` as a JSON string literal, quoted and escaped (RFC 8259, section 7).
    mutating func writeJSONString(_ string: String) {
        writeInteger(UInt8(ascii: "\""))
        defer { writeInteger(UInt8(ascii: "\"")) }
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            writeString(string)  // nothing to escape: one copy
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): writeStaticString(#"\""#)
            case UInt8(ascii: "\\"): writeStaticString(#"\\"#)
            case UInt8(ascii: "\n"): writeStaticString(#"\n"#)
            case UInt8(ascii: "\r"): writeStaticString(#"\r"#)
            case UInt8(ascii: "\t"): writeStaticString(#"\t"#)
            case 0..<0x20:
                writeStaticString(#"\u00"#)
                writeInteger(Self.hexDigits[Int(byte >> 4)])
                writeInteger(Self.hexDigits[Int(byte & 0xF)])
            default: writeInteger(byte)
            }
        }
    }
}
