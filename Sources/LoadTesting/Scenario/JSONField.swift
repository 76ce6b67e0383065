import Foundation

/// Reads top-level fields of a JSON object response, for captures.
enum JSONField {
    /// The fields `names` of the JSON object in `body` as text (numbers in their JSON
    /// spelling), parsing the body once; a name is missing when the body is not an object, has
    /// no such field, or the field is not a string or number.
    static func strings(named names: some Sequence<String>, in body: [UInt8]) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return [:] }
        var found: [String: String] = [:]
        for name in names {
            switch object[name] {
            case let text as String: found[name] = text
            case let number as NSNumber: found[name] = number.stringValue
            default: break
            }
        }
        return found
    }
}
