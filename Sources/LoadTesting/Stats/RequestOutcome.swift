/// What one request did: the unit every statistic is built from.
public struct RequestOutcome: Sendable {
    /// The HTTP method, e.g. "GET".
    public let method: String
    /// The name statistics group the request under.
    public let name: String
    /// The response time: from the intended start (open model) or the actual start (closed
    /// model) to the end of the response or the failure.
    public let duration: Duration
    /// Open model: from the actual start to the end, what a client that ignores its late
    /// starts would report (the uncorrected, coordinated-omission-prone time); nil otherwise.
    public let serviceTime: Duration?
    /// Response body bytes (0 when no response came).
    public let bytes: Int
    /// Why it failed, or nil on success.
    public let failure: RequestFailure?

    public init(
        method: String, name: String, duration: Duration, serviceTime: Duration? = nil, bytes: Int,
        failure: RequestFailure?
    ) {
        self.method = method
        self.name = name
        self.duration = duration
        self.serviceTime = serviceTime
        self.bytes = bytes
        self.failure = failure
    }

    /// The outcome of `request` from what the client returned: an unexpected status or an
    /// error is a failure with its reason.
    init(
        request: LoadRequest, result: Result<LoadResponse, RequestFailure>, duration: Duration,
        serviceTime: Duration? = nil
    ) {
        var bytes = 0
        let failure: RequestFailure?
        switch result {
        case .success(let response):
            bytes = response.body.readableBytes
            failure = request.expectedStatuses.contains(response.status)
                ? nil : .unexpectedStatus(response.status, expected: request.expectedStatuses)
        case .failure(let error):
            failure = error
        }
        self.init(
            method: request.method, name: request.name, duration: duration, serviceTime: serviceTime, bytes: bytes,
            failure: failure
        )
    }
}
