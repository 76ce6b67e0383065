/// A task a virtual user runs: it builds one request from the user's context and may read the
/// response (to capture an id, for example). Tasks are picked at random in proportion to
/// their weight, as Locust's `@task(weight)`.
public struct LoadTask: Sendable {
    /// The task's name in reports (the request name when it is not set on the request).
    public let name: String
    /// The relative weight: a task of weight 3 runs three times as often as one of weight 1.
    public let weight: Int
    /// Builds the request; runs on the user's event loop, so keep it quick.
    public let makeRequest: @Sendable (inout UserContext) -> LoadRequest
    /// Reads a successful response's status and body; may capture values into the context.
    public let onSuccess: (@Sendable (_ status: Int, _ body: [UInt8], inout UserContext) -> Void)?

    public init(
        _ name: String, weight: Int = 1,
        request makeRequest: @escaping @Sendable (inout UserContext) -> LoadRequest,
        onSuccess: (@Sendable (_ status: Int, _ body: [UInt8], inout UserContext) -> Void)? = nil
    ) {
        precondition(weight > 0, "a task's weight must be positive")
        self.name = name
        self.weight = weight
        self.makeRequest = makeRequest
        self.onSuccess = onSuccess
    }

    /// A task that always sends `request`.
    public init(_ request: LoadRequest, weight: Int = 1) {
        self.init(request.name, weight: weight, request: { _ in request })
    }
}

extension LoadTask {
    /// Lets the task read a successful response (to capture values into the user's context).
    func handle(_ result: Result<LoadResponse, RequestFailure>, of outcome: RequestOutcome, context: inout UserContext) {
        guard outcome.failure == nil, let onSuccess, case .success(let response) = result else { return }
        onSuccess(response.status, response.bodyBytes, &context)
    }
}
