/// A JSON request body whose strings may hold generators (see `ValueTemplate`). A string that
/// is nothing but a numeric generator (`"{{randomInt 1 9}}"`, `"{{counter}}"`) becomes a
/// JSON number.
struct JSONBodyTemplate: Sendable, Equatable {
    private enum Part: Sendable, Equatable {
        /// JSON text as it is.
        case raw(String)
        /// A string value, quoted and escaped after the generators are filled in.
        case string(ValueTemplate)
        /// A number from a numeric generator.
        case number(ValueTemplate.Generator)
    }

    private var parts: [Part] = []

    /// A template of `value`; `location` names the body in error messages, and `captured`
    /// holds the names the tasks of its user type capture (see `ValueTemplate.checkCaptures(_:)`).
    init(_ value: JSONValue, location: String, captured: Set<String>) throws(ScenarioFileError) {
        try append(value, location: location, captured: captured)
    }

    /// The body with every generator filled in.
    func rendered(in context: inout UserContext) -> [UInt8] {
        var text = ""
        for part in parts {
            switch part {
            case .raw(let raw): text += raw
            case .string(let template): text += JSONValue.quoted(template.rendered(in: &context))
            case .number(let generator): text += ValueTemplate.value(of: generator, in: &context)
            }
        }
        return Array(text.utf8)
    }

    private mutating func append(_ value: JSONValue, location: String, captured: Set<String>) throws(ScenarioFileError) {
        switch value {
        case .null: parts.append(.raw("null"))
        case .bool(let flag): parts.append(.raw(flag ? "true" : "false"))
        case .integer(let number): parts.append(.raw(String(number)))
        case .number(let number): parts.append(.raw(String(number)))
        case .string(let text):
            let template = try ValueTemplate(parsing: text, at: location, captured: captured)
            if let generator = template.soleGenerator, generator.isNumeric {
                parts.append(.number(generator))
            } else {
                parts.append(.string(template))
            }
        case .array(let items):
            parts.append(.raw("["))
            for (index, item) in items.enumerated() {
                if index > 0 { parts.append(.raw(",")) }
                try append(item, location: "\(location)[\(index)]", captured: captured)
            }
            parts.append(.raw("]"))
        case .object(let fields):
            parts.append(.raw("{"))
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { parts.append(.raw(",")) }
                parts.append(.raw(JSONValue.quoted(key) + ":"))
                try append(fields[key]!, location: "\(location).\(key)", captured: captured)
            }
            parts.append(.raw("}"))
        }
    }
}
