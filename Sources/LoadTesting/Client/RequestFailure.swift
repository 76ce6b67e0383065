import Statistics

/// Why a request failed; the reason is what failure tables group by.
public enum RequestFailure: Error, Sendable, Equatable {
    /// The connection could not be opened or broke (refused, reset, closed mid-response).
    case connection(String)
    /// No complete response within the request timeout.
    case timeout(Duration)
    /// A complete response whose status is not one the task expects.
    case unexpectedStatus(Int, expected: Set<Int>)
    /// Bytes that are not a valid HTTP response.
    case malformedResponse(String)
    /// A request the client refused to send because it would break HTTP framing (a line
    /// break in a header, a space in the path).
    case invalidRequest(String)

    /// A one-line reason, e.g. "unexpected status 500 (expected 200)".
    public var reason: String {
        switch self {
        case .connection(let detail):
            return "connection error: \(detail)"
        case .timeout(let limit):
            return "timeout: no response within \(limit.seconds) s"
        case .unexpectedStatus(let status, let expected):
            return "unexpected status \(status) (expected \(Self.describe(expected)))"
        case .malformedResponse(let detail):
            return "malformed response: \(detail)"
        case .invalidRequest(let detail):
            return "invalid request: \(detail)"
        }
    }

    /// "200", "200 or 201", or "2xx" for every 2xx status.
    private static func describe(_ statuses: Set<Int>) -> String {
        if statuses.count == 100, statuses.allSatisfy({ (200...299).contains($0) }) { return "2xx" }
        return statuses.sorted().map(String.init).joined(separator: " or ")
    }
}
