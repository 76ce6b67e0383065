import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// AsyncHTTPClient, the general-purpose Swift HTTP client (ScaleLab's HttpUser): one shared
/// client whose connection pool keeps up to one connection per user, with each user's requests
/// run on the user's event loop.
public struct StandardClient: LoadClient {
    public let target: TargetAddress
    public let timeout: Duration
    private let client: HTTPClient

    /// A client on `group` that keeps up to `connections` connections to the target.
    public init(target: TargetAddress, timeout: Duration, group: any EventLoopGroup, connections: Int) {
        self.target = target
        self.timeout = timeout
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .http1Only
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections
        )
        configuration.timeout = .init(connect: TimeAmount(timeout))
        self.client = HTTPClient(eventLoopGroupProvider: .shared(group), configuration: configuration)
    }

    public func makeConnection(on loop: any EventLoop) -> any UserConnection {
        StandardConnection(client: client, loop: loop, target: target, timeout: timeout)
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }
}

/// One user's view of the shared AsyncHTTPClient: its requests run on its event loop.
final class StandardConnection: UserConnection {
    private let client: HTTPClient
    private let loop: any EventLoop
    private let baseURL: String
    private let timeout: Duration
    private var pending: HTTPClient.Task<HTTPClient.Response>?

    init(client: HTTPClient, loop: any EventLoop, target: TargetAddress, timeout: Duration) {
        self.client = client
        self.loop = loop
        self.baseURL = target.description
        self.timeout = timeout
    }

    func send(_ request: LoadRequest, completion: @escaping (Result<LoadResponse, RequestFailure>) -> Void) {
        var headers = HTTPHeaders(request.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "User-Agent", value: "scalelab")
        var body: HTTPClient.Body?
        if let bytes = request.body {
            if !headers.contains(name: "Content-Type") { headers.add(name: "Content-Type", value: "application/json") }
            body = .bytes(bytes)
        }
        let built: HTTPClient.Request
        do {
            built = try HTTPClient.Request(
                url: baseURL + request.path, method: HTTPMethod(rawValue: request.method), headers: headers, body: body
            )
        } catch {
            return completion(.failure(.invalidRequest("invalid URL \(baseURL + request.path): \(error)")))
        }
        let timeout = self.timeout
        let task = client.execute(
            request: built, delegate: ResponseAccumulator(request: built), eventLoop: .delegateAndChannel(on: loop),
            deadline: .now() + TimeAmount(timeout)
        )
        pending = task
        task.futureResult.assumeIsolated().whenComplete { result in
            completion(
                result
                    .map { LoadResponse(status: Int($0.status.code), body: $0.body ?? ByteBuffer()) }
                    .mapError { Self.failure(from: $0, timeout: timeout) }
            )
        }
    }

    private static func failure(from error: any Error, timeout: Duration) -> RequestFailure {
        let clientError = error as? HTTPClientError
        if clientError == .deadlineExceeded || clientError == .readTimeout || clientError == .connectTimeout {
            return .timeout(timeout)
        }
        if clientError == .cancelled { return .connection("the test stopped the request") }
        return .connection(ConnectionErrorDescription.describe(error))
    }

    /// Cancels the last request (a no-op when it has completed).
    func close() {
        pending?.cancel()
        pending = nil
    }
}
