import Foundation

/// Reads one top-level field of a JSON object response, for captures.
enum JSONField {
    /// The field `name` of the JSON object in `body` as text (numbers are given in their JSON
    /// spelling), or nil when the body is not an object or has no such field.
    static func string(named name: String, in body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let value = object[name]
        else { return nil }
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
