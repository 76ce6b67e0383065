import Foundation

/// Text with generators in double braces, filled in per request from the user's context:
/// `{{randomInt 1 100}}`, `{{uuid}}`, `{{counter}}`, `{{captured albumID}}` (a value captured
/// from an earlier response) and `{{captured albumID or 1}}` (with a fallback for when none
/// has been captured yet).
public struct ValueTemplate: Sendable, Equatable {
    /// One generator.
    public enum Generator: Sendable, Equatable {
        case randomInteger(ClosedRange<Int>)
        case uuid
        case counter
        case captured(name: String, fallback: String?)

        /// Whether it always yields a number (so that, alone in a JSON string, it becomes one).
        var isNumeric: Bool {
            switch self {
            case .randomInteger, .counter: return true
            case .uuid, .captured: return false
            }
        }
    }

    enum Part: Sendable, Equatable {
        case text(String)
        case generator(Generator)
    }

    let parts: [Part]

    /// The generators' syntax, for error messages.
    static let syntax = "{{randomInt A B}}, {{uuid}}, {{counter}}, {{captured NAME}} or {{captured NAME or FALLBACK}}"

    /// Parses `text`; the error says which generator is wrong and how to write it.
    public init(parsing text: String) throws(ScenarioFileError.Problem) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ScenarioFileError.Problem("'{{' without '}}' in '\(text)'; generators are \(Self.syntax).")
            }
            let words = rest[open.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
            parts.append(.generator(try Self.generator(words, in: text)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// Parses `text` found at `location` in a scenario file and checks its captures: `captured`
    /// holds the names the tasks of its user type capture (see `checkCaptures(_:)`).
    init(parsing text: String, at location: String, captured: Set<String>) throws(ScenarioFileError) {
        do {
            try self.init(parsing: text)
            try checkCaptures(captured)
        } catch {
            throw ScenarioFileError(location: location, message: error.description)
        }
    }

    /// The template's own text, without its generators.
    var literalText: String {
        parts.reduce(into: "") { text, part in
            if case .text(let literal) = part { text += literal }
        }
    }

    /// The single generator when the template is nothing else, else nil.
    var soleGenerator: Generator? {
        if parts.count == 1, case .generator(let generator) = parts[0] { return generator }
        return nil
    }

    /// Checks that every `{{captured NAME}}` without a fallback reads a value some task
    /// captures: `captured` holds the names the tasks of the template's user type capture.
    func checkCaptures(_ captured: Set<String>) throws(ScenarioFileError.Problem) {
        for case .generator(.captured(name: let name, fallback: .none)) in parts where !captured.contains(name) {
            throw ScenarioFileError.Problem(
                "no task in this user type captures '\(name)' (captured values stay with the user that captured them); "
                    + #"add "capture": {"\#(name)": "<json field>"} to a task, or give a fallback: {{captured \#(name) or 1}}."#)
        }
    }

    /// The text with every generator filled in.
    public func rendered(in context: inout UserContext) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .generator(let generator): result += Self.value(of: generator, in: &context)
            }
        }
        return result
    }

    static func value(of generator: Generator, in context: inout UserContext) -> String {
        switch generator {
        case .randomInteger(let range): return String(context.randomInteger(in: range))
        case .uuid: return UUID().uuidString.lowercased()
        case .counter: return String(context.nextCount())
        case .captured(let name, let fallback):
            if let value = context.randomCaptured(name) ?? fallback { return value }
            context.reportProblem("{{captured \(name)}} read no value (none captured yet by this user); an empty string was sent")
            return ""
        }
    }

    private static func generator(_ words: [String], in text: String) throws(ScenarioFileError.Problem) -> Generator {
        switch words.first {
        case "randomInt":
            guard words.count == 3, let low = Int(words[1]), let high = Int(words[2]), low <= high else {
                throw ScenarioFileError.Problem("'\(text)': write {{randomInt A B}} with whole numbers A <= B, e.g. {{randomInt 1 100}}.")
            }
            return .randomInteger(low...high)
        case "uuid" where words.count == 1:
            return .uuid
        case "counter" where words.count == 1:
            return .counter
        case "captured":
            if words.count == 2 { return .captured(name: words[1], fallback: nil) }
            if words.count == 4, words[2] == "or" { return .captured(name: words[1], fallback: words[3]) }
            throw ScenarioFileError.Problem("'\(text)': write {{captured NAME}} or {{captured NAME or FALLBACK}}, e.g. {{captured albumID or 1}}.")
        default:
            throw ScenarioFileError.Problem("'\(text)': unknown generator '{{\(words.joined(separator: " "))}}'; generators are \(syntax).")
        }
    }
}
