import AlbumService
import Testing

/// `AlbumFieldsReader` answers exactly as Foundation's `JSONDecoder` (`AlbumDraft.decodeFields`)
/// for every body it decides, decides the bodies clients send, and leaves the rest, malformed
/// ones included, to `JSONDecoder`, whose answers and messages `AlbumDraft(json:)` keeps.
struct AlbumFieldsReaderTests {
    /// A request body: bytes, named for the test list.
    struct Body: CustomTestStringConvertible, Sendable {
        var label: String
        var bytes: [UInt8]

        init(_ label: String, _ text: String) {
            self.label = label
            self.bytes = Array(text.utf8)
        }

        init(_ label: String, bytes: [UInt8]) {
            self.label = label
            self.bytes = bytes
        }

        var testDescription: String { label }
    }

    /// A body with `title` as the raw JSON text of the title's value.
    static func withTitle(_ title: [UInt8]) -> [UInt8] {
        Array(#"{"title":"#.utf8) + title + Array(#","artist":"A","price":1}"#.utf8)
    }

    /// Bodies the reader decides, each as JSONDecoder reads it.
    static let decided: [Body] = [
        Body("minimal", #"{"title":"T","artist":"A","price":1}"#),
        Body("with an id", #"{"id":"blue-train","title":"Blue Train","artist":"John Coltrane","price":56.99}"#),
        Body("null id", #"{"id":null,"title":"T","artist":"A","price":1}"#),
        Body("null id last", #"{"title":"T","artist":"A","price":1,"id":null}"#),
        Body("empty id (checked later)", #"{"id":"","title":"T","artist":"A","price":1}"#),
        Body("fields in another order", #"{"price":2.5,"artist":"A","title":"T"}"#),
        Body("whitespace everywhere", " \t\r\n{ \"title\" : \"T\" ,\n\"artist\":\t\"A\" , \"price\" :1 } \n"),
        Body("simple escapes", #"{"title":"\"q\" \\ \/ \b\f\n\r\t","artist":"A","price":1}"#),
        Body("unicode escapes", #"{"title":"\u00e9\u00E9\u20ac\u0000","artist":"A","price":1}"#),
        Body("surrogate pair escape", #"{"title":"\uD83C\uDFB5 \ud834\udd1e","artist":"A","price":1}"#),
        Body("UTF-8 text", #"{"title":"Música 🎵 日本","artist":"Björk","price":1}"#),
        Body("DEL is not a control character", bytes: withTitle([0x22, 0x54, 0x7F, 0x22])),
        Body("escaped key", #"{"\u0074itle":"T","artist":"A","price":1}"#),
        Body("escaped unknown key", #"{"g\u00e9nre":"jazz","title":"T","artist":"A","price":1}"#),
        Body("unknown scalar fields", #"{"genre":"jazz","year":1957,"live":false,"mono":true,"label":null,"title":"T","artist":"A","price":1}"#),
        Body("unknown nested fields", #"{"x":{"a":[1,{"b":null},[]],"c":{}},"title":"T","y":[[["deep"]]],"artist":"A","price":1}"#),
        Body("unknown field repeated", #"{"x":1,"x":"two","title":"T","artist":"A","price":1}"#),
        Body("exponent", #"{"title":"T","artist":"A","price":1e2}"#),
        Body("capital exponent with sign", #"{"title":"T","artist":"A","price":1.5E-3}"#),
        Body("exponent with plus", #"{"title":"T","artist":"A","price":1E+2}"#),
        Body("negative zero", #"{"title":"T","artist":"A","price":-0}"#),
        Body("zero with fraction", #"{"title":"T","artist":"A","price":0.00}"#),
        Body("negative (checked later)", #"{"title":"T","artist":"A","price":-1.5e-3}"#),
        Body("large integer", #"{"title":"T","artist":"A","price":123456789012345678901234567890}"#),
        Body("beyond double's precision", #"{"title":"T","artist":"A","price":9007199254740993}"#),
        Body("long decimal", #"{"title":"T","artist":"A","price":0.1000000000000000055511151231257827021181583404541015625}"#),
        Body("halfway rounding", #"{"title":"T","artist":"A","price":56.990000000000001989519660128280520439147949218750001}"#),
        Body("smallest normal", #"{"title":"T","artist":"A","price":2.2250738585072014e-308}"#),
        Body("largest double", #"{"title":"T","artist":"A","price":1.7976931348623157e308}"#),
    ]

    @Test(arguments: decided)
    func readerDecidesAsJSONDecoder(_ body: Body) throws {
        let read = try #require(AlbumFieldsReader.read(body.bytes), "the reader should decide this body")
        let decoded = try AlbumDraft.decodeFields(body.bytes)
        #expect(read == decoded)
        #expect(read.price.bitPattern == decoded.price.bitPattern, "same sign and bits: \(read.price) vs \(decoded.price)")
    }

    @Test func readerDecodesEscapesToTheirCharacters() throws {
        let read = try #require(AlbumFieldsReader.read(Array(#"{"title":"\"\\\/\b\f\n\r\t\u00e9\uD83C\uDFB5","artist":"A\u0000B","price":1}"#.utf8)))
        #expect(read.title == "\"\\/\u{08}\u{0C}\n\r\té🎵")
        #expect(read.artist == "A\u{0}B")
        #expect(read.id == nil)
    }

    /// Bodies JSONDecoder rejects: the reader leaves them undecided, and the error is
    /// JSONDecoder's, in the words `AlbumDraft(json:)` always used.
    static let malformed: [(Body, message: String)] = [
        (Body("empty", ""), "not valid JSON"),
        (Body("only whitespace", " \n"), "not valid JSON"),
        (Body("truncated in a string", #"{"title":"Blu"#), "not valid JSON"),
        (Body("truncated after a value", #"{"title":"T","artist":"A","price":1"#), "not valid JSON"),
        (Body("truncated in an escape", #"{"title":"T\u00"#), "not valid JSON"),
        (Body("truncated number", #"{"title":"T","artist":"A","price":1e"#), "not valid JSON"),
        (Body("trailing garbage", #"{"title":"T","artist":"A","price":1} x"#), "not valid JSON"),
        (Body("second object", #"{"title":"T","artist":"A","price":1}{}"#), "not valid JSON"),
        (Body("NUL after the object", bytes: Array(#"{"title":"T","artist":"A","price":1}"#.utf8) + [0]), "not valid JSON"),
        (Body("invalid UTF-8", bytes: withTitle([0x22, 0x54, 0xFF, 0x22])), "not valid JSON"),
        (Body("truncated UTF-8", bytes: withTitle([0x22, 0x54, 0xC3, 0x22])), "not valid JSON"),
        (Body("overlong UTF-8", bytes: withTitle([0x22, 0xC0, 0x80, 0x22])), "not valid JSON"),
        (Body("UTF-8 surrogate", bytes: withTitle([0x22, 0xED, 0xA0, 0x80, 0x22])), "not valid JSON"),
        (Body("beyond U+10FFFF", bytes: withTitle([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22])), "not valid JSON"),
        (Body("raw control character", bytes: withTitle([0x22, 0x54, 0x01, 0x22])), "not valid JSON"),
        (Body("unknown escape", #"{"title":"\x","artist":"A","price":1}"#), "not valid JSON"),
        (Body("short unicode escape", #"{"title":"\u12","artist":"A","price":1}"#), "not valid JSON"),
        (Body("lone high surrogate", #"{"title":"\uD83C","artist":"A","price":1}"#), "not valid JSON"),
        (Body("lone low surrogate", #"{"title":"\uDFB5x","artist":"A","price":1}"#), "not valid JSON"),
        (Body("leading zero", #"{"title":"T","artist":"A","price":01}"#), "not valid JSON"),
        (Body("bare fraction", #"{"title":"T","artist":"A","price":.5}"#), "not valid JSON"),
        (Body("dot without digits", #"{"title":"T","artist":"A","price":1.}"#), "not valid JSON"),
        (Body("plus sign", #"{"title":"T","artist":"A","price":+1}"#), "not valid JSON"),
        (Body("NaN", #"{"title":"T","artist":"A","price":NaN}"#), "not valid JSON"),
        (Body("overflow", #"{"title":"T","artist":"A","price":1e400}"#), "not valid JSON"),
        (Body("underflow", #"{"title":"T","artist":"A","price":1e-400}"#), "not valid JSON"),
        (Body("form feed as whitespace", "{\"title\":\"T\",\u{0C}\"artist\":\"A\",\"price\":1}"), "not valid JSON"),
        (Body("two commas", #"{"title":"T","artist":"A","price":1,,}"#), "not valid JSON"),
        (Body("leading comma", #"{,"title":"T","artist":"A","price":1}"#), "not valid JSON"),
        (Body("unbalanced unknown field", #"{"x":[1,2]],"title":"T","artist":"A","price":1}"#), "not valid JSON"),
        (Body("misspelt literal", #"{"x":tru,"title":"T","artist":"A","price":1}"#), "not valid JSON"),
        (Body("array", "[1, 2]"), "must be a JSON object"),
        (Body("string", #""album""#), "must be a JSON object"),
        (Body("empty object", "{}"), "Missing field 'title'"),
        (Body("key in another case", #"{"title":"T","artist":"A","Price":1}"#), "Missing field 'price'"),
        (Body("null title", #"{"title":null,"artist":"A","price":1}"#), "Field 'title' must not be null"),
        (Body("null price", #"{"title":"T","artist":"A","price":null}"#), "Field 'price' must not be null"),
        (Body("numeric id", #"{"id":5,"title":"T","artist":"A","price":1}"#), "Field 'id' must be a string"),
        (Body("numeric title", #"{"title":7,"artist":"A","price":1}"#), "Field 'title' must be a string"),
        (Body("string price", #"{"title":"T","artist":"A","price":"9.99"}"#), "Field 'price' must be a number"),
        (Body("boolean price", #"{"title":"T","artist":"A","price":true}"#), "Field 'price' must be a number"),
        (Body("array price", #"{"title":"T","artist":"A","price":[1]}"#), "Field 'price' must be a number"),
        (Body("null then a title", #"{"title":null,"title":"T","artist":"A","price":1}"#), "Field 'title' must not be null"),
    ]

    @Test(arguments: malformed)
    func malformedBodyIsLeftToJSONDecoder(_ body: Body, message: String) {
        #expect(AlbumFieldsReader.read(body.bytes) == nil)
        #expect(throws: AlbumInputError.self) { try AlbumDraft.decodeFields(body.bytes) }
        do {
            _ = try AlbumDraft(json: body.bytes)
            Issue.record("accepted \(body.label)")
        } catch {
            #expect(error.message.contains(message), "message: \(error.message)")
            #expect(throws: error) { try AlbumDraft.decodeFields(body.bytes) }
        }
    }

    /// Bodies JSONDecoder accepts that the reader leaves to it: the first of a repeated field
    /// wins there, a trailing comma passes, and unknown fields are not checked.
    static let acceptedByJSONDecoderOnly: [Body] = [
        Body("repeated title", #"{"title":"T","artist":"A","price":1,"title":"U"}"#),
        Body("repeated price of another type", #"{"title":"T","artist":"A","price":1,"price":"x"}"#),
        Body("repeated id, null first", #"{"id":null,"id":"x","title":"T","artist":"A","price":1}"#),
        Body("trailing comma", #"{"title":"T","artist":"A","price":1,}"#),
        Body("trailing comma in an unknown field", #"{"x":[1,],"title":"T","artist":"A","price":1}"#),
        Body("byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"title":"T","artist":"A","price":1}"#.utf8)),
        Body("UTF-16", bytes: Array(#"{"title":"T","artist":"A","price":1}"#.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        Body("lone surrogate in an unknown field", #"{"x":"\uD800","title":"T","artist":"A","price":1}"#),
        Body("overflow in an unknown field", #"{"x":1e999,"title":"T","artist":"A","price":1}"#),
        Body("subnormal price", #"{"title":"T","artist":"A","price":1e-320}"#),
        Body("zero with an exponent", #"{"title":"T","artist":"A","price":0e10}"#),
        Body("deep unknown field", "{\"x\":" + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + #","title":"T","artist":"A","price":1}"#),
    ]

    @Test(arguments: acceptedByJSONDecoderOnly)
    func unusualBodyIsLeftToJSONDecoder(_ body: Body) throws {
        #expect(AlbumFieldsReader.read(body.bytes) == nil)
        let decoded = try AlbumDraft.decodeFields(body.bytes)
        let draft = try AlbumDraft(json: body.bytes)
        #expect(draft.title == decoded.title && draft.artist == decoded.artist && draft.id == decoded.id)
        #expect(draft.price.bitPattern == decoded.price.bitPattern)
    }

    /// Numbers of many shapes, valid and not: whenever the reader decides, it reads the number
    /// as JSONDecoder does. (JSONDecoder rejects some zeros with exponents, `0e5`, `0.00e1`.)
    @Test func readerNeverDisagreesWithJSONDecoderOnNumbers() throws {
        let integers = ["0", "-0", "00", "1", "-1", "9", "10", "-10", "123", "01", "-", ""]
        let fractions = ["", ".0", ".5", ".05", ".00", ".10", ".", ".x"]
        let exponents = ["", "e0", "e1", "e5", "e10", "e01", "e+1", "e-1", "e+0", "E1", "E+5", "E-5", "e22", "e99", "e", "e+"]
        var decidedCount = 0
        for integer in integers {
            for fraction in fractions {
                for exponent in exponents {
                    let text = integer + fraction + exponent
                    let bytes = Array(#"{"title":"T","artist":"A","price":\#(text)}"#.utf8)
                    guard let read = AlbumFieldsReader.read(bytes) else { continue }
                    decidedCount += 1
                    let decoded = try #require(try? AlbumDraft.decodeFields(bytes), "JSONDecoder rejects \(text)")
                    #expect(read.price.bitPattern == decoded.price.bitPattern, "\(text)")
                }
            }
        }
        #expect(decidedCount > 400)
    }

    /// Every prefix of a body and every byte of it replaced by one of a few troublesome bytes:
    /// whenever the reader decides, it answers as JSONDecoder does.
    @Test func readerNeverDisagreesWithJSONDecoderOnDamagedBodies() throws {
        let body = Array(#"{"id":"x1","x":[{"y":-1.5e3}],"title":"a\"\u00e9\uD83C\uDFB5é","artist":"B","price":0.5}"#.utf8)
        var damaged = (0..<body.count).map { Array(body[..<$0]) }
        for position in body.indices {
            for byte: UInt8 in [0x00, 0x20, 0x22, 0x2C, 0x2D, 0x30, 0x31, 0x3A, 0x5C, 0x5D, 0x65, 0x7D, 0x80, 0xC3, 0xFF] {
                var copy = body
                copy[position] = byte
                damaged.append(copy)
            }
            var shortened = body
            shortened.remove(at: position)
            damaged.append(shortened)
        }
        var decidedCount = 0
        for bytes in damaged {
            guard let read = AlbumFieldsReader.read(bytes) else { continue }
            decidedCount += 1
            let decoded = try #require(try? AlbumDraft.decodeFields(bytes), "JSONDecoder rejects \(String(decoding: bytes, as: UTF8.self))")
            #expect(read == decoded, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(read.price.bitPattern == decoded.price.bitPattern)
        }
        #expect(decidedCount > 0)
    }
}
