/// One HTTP request a task sends, and what counts as its success.
public struct LoadRequest: Sendable, Equatable {
    /// The HTTP method, e.g. "GET".
    public var method: String
    /// The path and query, e.g. "/albums/3".
    public var path: String
    /// The name statistics group this request under (Locust's `name=`); defaults to the path.
    public var name: String
    /// Extra request headers.
    public var headers: [(name: String, value: String)]
    /// The request body; sent with `Content-Type: application/json` unless a header says otherwise.
    public var body: [UInt8]?
    /// The statuses that count as success.
    public var expectedStatuses: Set<Int>

    public init(
        method: String = "GET", path: String, name: String? = nil,
        headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        expectedStatuses: Set<Int> = [200]
    ) {
        self.method = method
        self.path = path
        self.name = name ?? path
        self.headers = headers
        self.body = body
        self.expectedStatuses = expectedStatuses
    }

    /// A request with a JSON body given as text.
    public init(
        method: String, path: String, name: String? = nil, json: String, expectedStatuses: Set<Int>
    ) {
        self.init(
            method: method, path: path, name: name, body: Array(json.utf8), expectedStatuses: expectedStatuses
        )
    }

    public static func == (lhs: LoadRequest, rhs: LoadRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.name == rhs.name
            && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.value == $1.value })
            && lhs.body == rhs.body && lhs.expectedStatuses == rhs.expectedStatuses
    }
}
