/// Reads the album fields of a request body in one pass over its bytes: the fast path of
/// `AlbumDraft(json:)`, several times cheaper than Foundation's `JSONDecoder` (see
/// docs/album-service.md).
///
/// It decides only the bodies it can read exactly as `JSONDecoder` does: one JSON object (RFC
/// 8259) in UTF-8, `title` and `artist` strings, a `price` number, an optional `id` string or
/// null, each at most once, and unknown fields of any JSON value. For anything else (malformed
/// or truncated JSON, a missing, null or mistyped field, a repeated field, a number beyond
/// `Double`'s normal range, a byte-order mark, a trailing comma, nesting deeper than
/// `maximumDepth`) it answers nil, and `JSONDecoder` decides and words the error, so every
/// answer and every message stays as `JSONDecoder` gives them. Tests hold the two equal.
package struct AlbumFieldsReader {
    /// The deepest nesting of arrays and objects read in unknown fields; deeper is left to
    /// `JSONDecoder` (which allows 512).
    package static let maximumDepth = 32

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The fields of `body`, or nil when this reader leaves the body to `JSONDecoder`.
    package static func read(_ body: [UInt8]) -> AlbumFields? {
        var reader = AlbumFieldsReader(body)
        return reader.readBody()
    }

    /// The four fields the reader knows; every other key is an unknown field, skipped.
    private enum Key {
        case id, title, artist, price, unknown
    }

    private mutating func readBody() -> AlbumFields? {
        skipWhitespace()
        guard take() == .openBrace else { return nil }
        var id: String?
        var title: String?
        var artist: String?
        var price: Double?
        var seenID = false
        skipWhitespace()
        guard peek() != .closeBrace else { return nil }  // `{}`: JSONDecoder names the missing field
        while true {
            guard let key = readKey() else { return nil }
            skipWhitespace()
            guard take() == .colon else { return nil }
            skipWhitespace()
            switch key {
            case .id:
                guard !seenID else { return nil }
                seenID = true
                if peek() == .letterN {
                    guard readLiteral("null") else { return nil }
                } else {
                    guard let value = readString() else { return nil }
                    id = value
                }
            case .title:
                guard title == nil, let value = readString() else { return nil }
                title = value
            case .artist:
                guard artist == nil, let value = readString() else { return nil }
                artist = value
            case .price:
                guard price == nil, let value = readNumber() else { return nil }
                price = value
            case .unknown:
                guard skipValue(depth: 1) else { return nil }
            }
            skipWhitespace()
            switch take() {
            case .comma:
                skipWhitespace()
            case .closeBrace:
                skipWhitespace()
                guard index == bytes.count, let title, let artist, let price else { return nil }
                return AlbumFields(id: id, title: title, artist: artist, price: price)
            default:
                return nil
            }
        }
    }

    // MARK: Tokens

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func take() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    /// Skips JSON's four whitespace bytes: space, tab, line feed, carriage return.
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case .space, .tab, .lineFeed, .carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func readLiteral(_ literal: String) -> Bool {
        for byte in literal.utf8 {
            guard take() == byte else { return false }
        }
        return true
    }

    // MARK: Strings

    /// The key at the current position, matched on its bytes when it has no escapes.
    private mutating func readKey() -> Key? {
        guard take() == .quote else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != .quote, bytes[index] != .backslash, bytes[index] >= 0x20 {
            index += 1
        }
        guard peek() == .quote else {
            // An escape (or a byte this reader leaves to JSONDecoder): decode the whole key.
            index = start - 1
            return readString().map(Self.key(named:))
        }
        let name = bytes[start..<index]
        index += 1
        if let key = Self.knownKey(name) { return key }
        // An unknown key is skipped, but must still be valid UTF-8 for JSONDecoder to read it.
        return String(validating: name, as: UTF8.self) == nil ? nil : .unknown
    }

    private static func knownKey(_ name: ArraySlice<UInt8>) -> Key? {
        if name.elementsEqual("title".utf8) { return .title }
        if name.elementsEqual("artist".utf8) { return .artist }
        if name.elementsEqual("price".utf8) { return .price }
        if name.elementsEqual("id".utf8) { return .id }
        return nil
    }

    private static func key(named name: String) -> Key {
        switch name {
        case "id": .id
        case "title": .title
        case "artist": .artist
        case "price": .price
        default: .unknown
        }
    }

    /// The string at the current position with its escapes decoded; nil for anything but a
    /// string of valid UTF-8 with valid escapes (an unpaired surrogate escape included).
    private mutating func readString() -> String? {
        guard take() == .quote else { return nil }
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case .quote:
                defer { index += 1 }
                return String(validating: bytes[start..<index], as: UTF8.self)
            case .backslash:
                return readEscapedString(decoded: Array(bytes[start..<index]))
            case 0..<0x20:
                return nil  // control characters must be escaped
            default:
                index += 1
            }
        }
        return nil
    }

    /// The rest of a string from its first escape, appended to the bytes `decoded` before it.
    private mutating func readEscapedString(decoded: [UInt8]) -> String? {
        var decoded = decoded
        while let byte = take() {
            switch byte {
            case .quote:
                return String(validating: decoded, as: UTF8.self)
            case .backslash:
                guard let escaped = readEscape() else { return nil }
                decoded.append(contentsOf: UTF8.encode(escaped)!)
            case 0..<0x20:
                return nil
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    /// The character an escape after its backslash stands for; a `\u` high surrogate must be
    /// followed by a `\u` low surrogate.
    private mutating func readEscape() -> Unicode.Scalar? {
        switch take() {
        case .quote: "\""
        case .backslash: "\\"
        case .slash: "/"
        case .letterB: "\u{08}"
        case .letterF: "\u{0C}"
        case .letterN: "\n"
        case .letterR: "\r"
        case .letterT: "\t"
        case .letterU: readUnicodeEscape()
        default: nil
        }
    }

    private mutating func readUnicodeEscape() -> Unicode.Scalar? {
        guard let unit = readHexQuad() else { return nil }
        switch unit {
        case 0xD800..<0xDC00:
            guard take() == .backslash, take() == .letterU, let low = readHexQuad(), (0xDC00..<0xE000).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    private mutating func readHexQuad() -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = take() else { return nil }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: Numbers

    /// The number at the current position (RFC 8259's grammar: no leading zeros, `+`, `.5`,
    /// `1.` or `NaN`); nil, left to JSONDecoder, when it overflows, underflows to zero or is
    /// subnormal, and for a zero with an exponent, where JSONDecoder has rules of its own (it
    /// rejects `0e5` and `0.00e1` but takes `0e10` and `0.0e1`).
    private mutating func readNumber() -> Double? {
        let start = index
        if peek() == .minus { index += 1 }
        guard let first = peek(), first.isDigit else { return nil }
        var hasNonZeroDigit = first != .zero
        index += 1
        if first != .zero { skipDigits(&hasNonZeroDigit) }
        if peek() == .dot {
            index += 1
            guard peek()?.isDigit == true else { return nil }
            skipDigits(&hasNonZeroDigit)
        }
        let hasExponent = peek() == .letterE || peek() == .capitalE
        if hasExponent {
            index += 1
            if peek() == .plus || peek() == .minus { index += 1 }
            guard peek()?.isDigit == true else { return nil }
            var ignored = false
            skipDigits(&ignored)
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)),
            value.isNormal || (value == 0 && !hasNonZeroDigit && !hasExponent)
        else { return nil }
        return value
    }

    private mutating func skipDigits(_ hasNonZeroDigit: inout Bool) {
        while let byte = peek(), byte.isDigit {
            if byte != .zero { hasNonZeroDigit = true }
            index += 1
        }
    }

    // MARK: Unknown fields

    /// Skips the value of an unknown field; false for anything but a JSON value this reader
    /// checks exactly (a string of valid UTF-8, a number in `Double`'s normal range, a literal,
    /// or arrays and objects of them at most `maximumDepth` deep).
    private mutating func skipValue(depth: Int) -> Bool {
        switch peek() {
        case .quote:
            return readString() != nil
        case .openBrace:
            guard depth < Self.maximumDepth else { return false }
            index += 1
            return skipMembers(closedBy: .closeBrace) { reader in
                guard reader.readString() != nil else { return false }
                reader.skipWhitespace()
                guard reader.take() == .colon else { return false }
                reader.skipWhitespace()
                return reader.skipValue(depth: depth + 1)
            }
        case .openBracket:
            guard depth < Self.maximumDepth else { return false }
            index += 1
            return skipMembers(closedBy: .closeBracket) { $0.skipValue(depth: depth + 1) }
        case .letterT:
            return readLiteral("true")
        case .letterF:
            return readLiteral("false")
        case .letterN:
            return readLiteral("null")
        case .minus, .some(UInt8(ascii: "0")...UInt8(ascii: "9")):
            return readNumber() != nil
        default:
            return false
        }
    }

    /// Skips the members of an array or object up to and including `close`, each read by
    /// `skipMember`; a trailing comma is left to JSONDecoder.
    private mutating func skipMembers(closedBy close: UInt8, _ skipMember: (inout Self) -> Bool) -> Bool {
        skipWhitespace()
        if peek() == close {
            index += 1
            return true
        }
        while true {
            guard skipMember(&self) else { return false }
            skipWhitespace()
            switch take() {
            case .comma: skipWhitespace()
            case close: return true
            default: return false
            }
        }
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let dot = UInt8(ascii: ".")
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let letterB = UInt8(ascii: "b")
    fileprivate static let letterE = UInt8(ascii: "e")
    fileprivate static let capitalE = UInt8(ascii: "E")
    fileprivate static let letterF = UInt8(ascii: "f")
    fileprivate static let letterN = UInt8(ascii: "n")
    fileprivate static let letterR = UInt8(ascii: "r")
    fileprivate static let letterT = UInt8(ascii: "t")
    fileprivate static let letterU = UInt8(ascii: "u")

    fileprivate var isDigit: Bool {
        self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")
    }
}
