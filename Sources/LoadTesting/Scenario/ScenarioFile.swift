import Foundation

/// Scenarios written as JSON files (`--scenario path.json`):
///
/// ```json
/// {
///   "name": "albums-by-id",
///   "users": [{
///     "name": "Reader", "weight": 1, "wait": {"between": [0.5, 1.5]},
///     "tasks": [
///       {"name": "/albums/{id}", "path": "/albums/{{captured albumID or 1}}", "weight": 3},
///       {"method": "POST", "path": "/albums", "expect": 201,
///        "body": {"title": "Album {{counter}}", "artist": "ScaleLab", "price": "{{randomInt 1 99}}"},
///        "capture": {"albumID": "id"}}
///     ]
///   }]
/// }
/// ```
///
/// `wait` is "none", {"constant": s}, {"between": [a, b]}, {"pacing": s} or {"throughput": n};
/// `expect` is a status or a list of them (default: any 2xx); `capture` keeps a top-level
/// field of a successful JSON response for later `{{captured NAME}}` generators of the same
/// user type, which must capture NAME in one of its tasks unless the generator has a
/// fallback. Every problem is reported with the file and the location in it.
public enum ScenarioFile {
    /// Reads and checks the scenario in the file at `path`.
    public static func load(path: String) throws(ScenarioFileError) -> Scenario {
        try loadWithText(path: path).scenario
    }

    /// Reads and checks the scenario in the file at `path`, and returns the file's text too
    /// (for the workers of a distributed run).
    static func loadWithText(path: String) throws(ScenarioFileError) -> (scenario: Scenario, name: String, text: String) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioFileError(file: path, location: "", message: "cannot read the file (\(error.localizedDescription)); check the path.")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        do {
            return (try parse(data, defaultName: name), name, String(decoding: data, as: UTF8.self))
        } catch var error {
            error.file = path
            throw error
        }
    }

    /// Checks and builds the scenario in `data`; `defaultName` names it when the file does not.
    public static func parse(_ data: Data, defaultName: String) throws(ScenarioFileError) -> Scenario {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ScenarioFileError(location: "", message: "not valid JSON: \(syntaxProblem(error)).")
        }
        let fields = try object(root, at: "", allowed: ["name", "users"])
        let name = try read(fields["name"]) { value throws(ScenarioFileError) in try string(value, at: "name") } ?? defaultName
        guard case .array(let users)? = fields["users"], !users.isEmpty else {
            throw ScenarioFileError(location: "users", message: "a non-empty list of user types is required.")
        }
        var userTypes: [UserType] = []
        for (index, user) in users.enumerated() {
            userTypes.append(try userType(user, at: "users[\(index)]"))
        }
        return Scenario(name: name, userTypes: userTypes)
    }

    private static func userType(_ value: JSONValue, at location: String) throws(ScenarioFileError) -> UserType {
        let fields = try object(value, at: location, allowed: ["name", "weight", "wait", "tasks"])
        let name = try read(fields["name"]) { value throws(ScenarioFileError) in try string(value, at: "\(location).name") } ?? "User"
        let weight = try read(fields["weight"]) { value throws(ScenarioFileError) in try positiveInteger(value, at: "\(location).weight") } ?? 1
        let wait = try read(fields["wait"]) { value throws(ScenarioFileError) in try waitTime(value, at: "\(location).wait") } ?? WaitTime.none
        guard case .array(let tasks)? = fields["tasks"], !tasks.isEmpty else {
            throw ScenarioFileError(location: "\(location).tasks", message: "a non-empty list of tasks is required.")
        }
        // Captured values belong to one user, so only this user type's captures can be read.
        var captured: Set<String> = []
        for (index, task) in tasks.enumerated() {
            guard case .object(let fields) = task, let captureValue = fields["capture"] else { continue }
            captured.formUnion(try stringFields(captureValue, at: "\(location).tasks[\(index)].capture").map(\.name))
        }
        var built: [LoadTask] = []
        for (index, task) in tasks.enumerated() {
            built.append(try self.task(task, at: "\(location).tasks[\(index)]", captured: captured))
        }
        return UserType(name, weight: weight, wait: wait, tasks: built)
    }

    private static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// The task in `value`; `captured` holds the names its user type's tasks capture.
    private static func task(_ value: JSONValue, at location: String, captured: Set<String>) throws(ScenarioFileError) -> LoadTask {
        let fields = try object(
            value, at: location, allowed: ["name", "method", "path", "body", "headers", "weight", "expect", "capture"])
        let method = try read(fields["method"]) { value throws(ScenarioFileError) in try string(value, at: "\(location).method").uppercased() } ?? "GET"
        guard methods.contains(method) else {
            throw ScenarioFileError(
                location: "\(location).method", message: "unknown method '\(method)'; use one of \(methods.sorted().joined(separator: ", ")).")
        }
        guard let pathValue = fields["path"] else {
            throw ScenarioFileError(location: "\(location).path", message: "a path such as \"/albums\" is required.")
        }
        let pathText = try string(pathValue, at: "\(location).path")
        guard pathText.hasPrefix("/") else {
            throw ScenarioFileError(location: "\(location).path", message: "'\(pathText)' must start with '/', e.g. \"/albums\".")
        }
        let path = try ValueTemplate(parsing: pathText, at: "\(location).path", captured: captured)
        guard HTTPSyntax.isTargetText(path.literalText) else {
            throw ScenarioFileError(
                location: "\(location).path",
                message: "'\(pathText)' contains a space or control character; percent-encode it (a space is %20).")
        }
        let name = try read(fields["name"]) { value throws(ScenarioFileError) in try string(value, at: "\(location).name") } ?? pathText
        let weight = try read(fields["weight"]) { value throws(ScenarioFileError) in try positiveInteger(value, at: "\(location).weight") } ?? 1
        let expected = try read(fields["expect"]) { value throws(ScenarioFileError) in try statuses(value, at: "\(location).expect") } ?? Set(200...299)
        let body = try read(fields["body"]) { value throws(ScenarioFileError) in try JSONBodyTemplate(value, location: "\(location).body", captured: captured) }
        let headers = try read(fields["headers"]) { value throws(ScenarioFileError) in try stringFields(value, at: "\(location).headers") } ?? []
        for header in headers {
            guard HTTPSyntax.isToken(header.name) else {
                throw ScenarioFileError(
                    location: "\(location).headers.\(header.name)", message: "'\(header.name)' is not a header name (letters, digits and !#$%&'*+-.^_`|~ only).")
            }
            guard HTTPSyntax.isFieldValue(header.value) else {
                throw ScenarioFileError(location: "\(location).headers.\(header.name)", message: "the value contains a line break; give it on one line.")
            }
        }
        let captures = try read(fields["capture"]) { value throws(ScenarioFileError) in try stringFields(value, at: "\(location).capture") } ?? []
        let request: @Sendable (inout UserContext) -> LoadRequest = { context in
            let path = path.rendered(in: &context)
            let body = body?.rendered(in: &context)
            return LoadRequest(
                method: method, path: path, name: name, headers: headers, body: body, expectedStatuses: expected
            )
        }
        guard !captures.isEmpty else { return LoadTask(name, weight: weight, request: request) }
        let capturedFields = captures.map(\.value)
        return LoadTask(name, weight: weight, request: request) { _, responseBody, context in
            let values = JSONField.strings(named: capturedFields, in: responseBody)
            for capture in captures {
                if let value = values[capture.value] {
                    context.capture(value, as: capture.name)
                } else {
                    context.reportProblem("capture '\(capture.name)' of \(name): the response had no top-level field '\(capture.value)' with a string or number")
                }
            }
        }
    }

    /// An object whose values are all non-empty strings (`headers`, or `capture`'s names and
    /// the response fields they take), as pairs sorted by name.
    private static func stringFields(_ value: JSONValue, at location: String) throws(ScenarioFileError) -> [(name: String, value: String)] {
        let fields = try object(value, at: location, allowed: nil)
        var pairs: [(name: String, value: String)] = []
        for key in fields.keys.sorted() {
            pairs.append((key, try string(fields[key]!, at: "\(location).\(key)")))
        }
        return pairs
    }

    private static func waitTime(_ value: JSONValue, at location: String) throws(ScenarioFileError) -> WaitTime {
        let forms = #"write "none", {"constant": 1}, {"between": [1, 2]}, {"pacing": 2} or {"throughput": 5} (seconds; tasks per second for throughput)"#
        if case .string("none") = value { return .none }
        guard case .object(let fields) = value, fields.count == 1, let (kind, argument) = fields.first else {
            throw ScenarioFileError(location: location, message: forms + ".")
        }
        func seconds(_ value: JSONValue) throws(ScenarioFileError) -> Double {
            switch value {
            case .integer(let number) where number >= 0: return Double(number)
            case .number(let number) where number >= 0 && number.isFinite: return number
            default: throw ScenarioFileError(location: "\(location).\(kind)", message: "needs a number >= 0, not \(value.kind).")
            }
        }
        switch kind {
        case "constant": return .constant(.seconds(try seconds(argument)))
        case "pacing": return .pacing(.seconds(try seconds(argument)))
        case "throughput":
            let rate = try seconds(argument)
            guard rate > 0 else { throw ScenarioFileError(location: "\(location).throughput", message: "needs a rate above 0.") }
            return .throughput(rate)
        case "between":
            guard case .array(let bounds) = argument, bounds.count == 2 else {
                throw ScenarioFileError(location: "\(location).between", message: "needs two numbers [low, high], e.g. [1, 2].")
            }
            let low = try seconds(bounds[0]), high = try seconds(bounds[1])
            guard low <= high else {
                throw ScenarioFileError(location: "\(location).between", message: "the low bound \(low) is above the high bound \(high).")
            }
            return .between(.seconds(low), .seconds(high))
        default:
            throw ScenarioFileError(location: location, message: "unknown wait '\(kind)'; " + forms + ".")
        }
    }

    private static func statuses(_ value: JSONValue, at location: String) throws(ScenarioFileError) -> Set<Int> {
        let items: [JSONValue]
        if case .array(let list) = value, !list.isEmpty { items = list } else { items = [value] }
        var result: Set<Int> = []
        for item in items {
            guard case .integer(let status) = item, (100...599).contains(status) else {
                throw ScenarioFileError(location: location, message: "write an HTTP status from 100 to 599, or a list of them, e.g. [200, 201].")
            }
            result.insert(status)
        }
        return result
    }

    /// `read(value)`, or nil when the field is absent.
    private static func read<Result>(
        _ value: JSONValue?, _ read: (JSONValue) throws(ScenarioFileError) -> Result
    ) throws(ScenarioFileError) -> Result? {
        guard let value else { return nil }
        return try read(value)
    }

    private static func object(
        _ value: JSONValue, at location: String, allowed: Set<String>?
    ) throws(ScenarioFileError) -> [String: JSONValue] {
        guard case .object(let fields) = value else {
            throw ScenarioFileError(location: location, message: "expected an object, found \(value.kind).")
        }
        if let allowed, let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw ScenarioFileError(
                location: location.isEmpty ? unknown : "\(location).\(unknown)",
                message: "unknown key '\(unknown)'; allowed here: \(allowed.sorted().joined(separator: ", ")).")
        }
        return fields
    }

    private static func string(_ value: JSONValue, at location: String) throws(ScenarioFileError) -> String {
        guard case .string(let text) = value, !text.isEmpty else {
            throw ScenarioFileError(location: location, message: "expected a non-empty string, found \(value.kind).")
        }
        return text
    }

    private static func positiveInteger(_ value: JSONValue, at location: String) throws(ScenarioFileError) -> Int {
        guard case .integer(let number) = value, number >= 1 else {
            throw ScenarioFileError(location: location, message: "expected a whole number of at least 1, found \(value.kind == "a number" ? "\(value)" : value.kind).")
        }
        return number
    }

    private static func syntaxProblem(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        }
        return String(describing: error)
    }
}
