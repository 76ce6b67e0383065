#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension AlbumDraft {
    /// A checked draft from a JSON request body.
    ///
    /// Throws an error naming the field and the fix for malformed JSON, a missing, null or
    /// mistyped field, and every rule of `init(id:title:artist:price:)`. Unknown fields are
    /// ignored, as in the original service.
    public init(json bytes: some Collection<UInt8>) throws(AlbumInputError) {
        let body = Array(bytes)
        let fields: AlbumFields
        if let read = AlbumFieldsReader.read(body) {
            fields = read
        } else {
            fields = try Self.decodeFields(body)
        }
        try self.init(id: fields.id, title: fields.title, artist: fields.artist, price: fields.price)
    }

    /// The fields of `body` as Foundation's `JSONDecoder` reads them, or the error to answer:
    /// the path of every body `AlbumFieldsReader` leaves undecided, which includes every
    /// malformed one.
    package static func decodeFields(_ body: [UInt8]) throws(AlbumInputError) -> AlbumFields {
        do {
            return try JSONDecoder().decode(AlbumFields.self, from: Data(body))
        } catch let error as DecodingError {
            throw Self.inputError(for: error)
        } catch {
            throw AlbumInputError("The body is not valid JSON (\(error)); send an object like \(Self.example).")
        }
    }

    /// An example body for error messages.
    static let example = #"{"title": "Blue Train", "artist": "John Coltrane", "price": 56.99}"#

    private static func inputError(for error: DecodingError) -> AlbumInputError {
        switch error {
        case .keyNotFound(let key, _):
            return AlbumInputError(
                "Missing field '\(key.stringValue)'; an album needs title (string), artist (string) and price (number), e.g. \(example)."
            )
        case .valueNotFound(_, let context):
            return AlbumInputError("Field '\(fieldName(context))' must not be null.")
        case .typeMismatch(_, let context) where !context.codingPath.isEmpty:
            let field = fieldName(context)
            let expected = field == "price" ? "a number, e.g. 17.99" : "a string"
            return AlbumInputError("Field '\(field)' must be \(expected).")
        case .typeMismatch:
            return AlbumInputError("The body must be a JSON object like \(example).")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return AlbumInputError("Field '\(fieldName(context))' is not acceptable: \(context.debugDescription)")
        case .dataCorrupted(let context):
            let reason = (context.underlyingError as? CustomStringConvertible)?.description ?? context.debugDescription
            return AlbumInputError("The body is not valid JSON (\(reason)); send an object like \(example).")
        @unknown default:
            return AlbumInputError("The body is not an album (\(error)); send an object like \(example).")
        }
    }

    private static func fieldName(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}
