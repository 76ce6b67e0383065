import NIOCore
import NIOHTTP1
import NIOPosix

/// SwiftNIO HTTP/1.1 with one keep-alive connection per user, on the user's event loop:
/// no thread hop per request (ScaleLab's FastHttpUser).
public struct FastClient: LoadClient {
    public let target: TargetAddress
    /// How long a request (including connecting) may take before it fails as a timeout.
    public let timeout: Duration

    public init(target: TargetAddress, timeout: Duration) {
        self.target = target
        self.timeout = timeout
    }

    public func makeConnection(on loop: any EventLoop) -> any UserConnection {
        FastConnection(loop: loop, target: target, timeout: timeout)
    }

    public func shutdown() async throws {}
}

/// One user's keep-alive connection; reconnects on the next request after the server closed it,
/// a timeout or an error.
final class FastConnection: UserConnection {
    private let loop: any EventLoop
    private let target: TargetAddress
    private let timeout: Duration
    private var channel: (any Channel)?
    private var pending: EventLoopPromise<LoadResponse>?
    private var timeoutTask: Scheduled<Void>?

    init(loop: any EventLoop, target: TargetAddress, timeout: Duration) {
        self.loop = loop
        self.target = target
        self.timeout = timeout
    }

    func send(_ request: LoadRequest) -> EventLoopFuture<LoadResponse> {
        loop.preconditionInEventLoop()
        let promise = loop.makePromise(of: LoadResponse.self)
        pending = promise
        let timeout = self.timeout
        timeoutTask = loop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(timeout.seconds * 1e9))) {
            self.finish(promise, with: .failure(RequestFailure.timeout(timeout)))
            self.dropChannel()
        }
        if let channel, channel.isActive {
            write(request, on: channel, for: promise)
        } else {
            connect().assumeIsolated().whenComplete { result in
                switch result {
                case .success(let channel):
                    guard self.isPending(promise) else {
                        channel.close(promise: nil)
                        return
                    }
                    self.channel = channel
                    self.write(request, on: channel, for: promise)
                case .failure(let error):
                    self.finish(promise, with: .failure(RequestFailure.connection(ConnectionErrorDescription.describe(error))))
                }
            }
        }
        return promise.futureResult
    }

    func close() {
        dropChannel()
        if let pending {
            finish(pending, with: .failure(RequestFailure.connection("the test stopped the request")))
        }
    }

    private func connect() -> EventLoopFuture<any Channel> {
        ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.nanoseconds(Int64(timeout.seconds * 1e9)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseCollector())
                }
            }
            .connect(host: target.host, port: target.port)
    }

    private func write(_ request: LoadRequest, on channel: any Channel, for promise: EventLoopPromise<LoadResponse>) {
        let collector: ResponseCollector
        do {
            collector = try channel.pipeline.syncOperations.handler(type: ResponseCollector.self)
        } catch {
            finish(promise, with: .failure(RequestFailure.connection("the connection was closed")))
            return
        }
        collector.expectResponse(on: loop).assumeIsolated().whenComplete { result in
            switch result {
            case .success(let collected):
                if !collected.isKeepAlive { self.dropChannel() }
                self.finish(promise, with: .success(collected.response))
            case .failure(let error):
                self.dropChannel()
                self.finish(promise, with: .failure(error))
            }
        }
        var head = HTTPRequestHead(
            version: .http1_1, method: HTTPMethod(rawValue: request.method), uri: target.basePath + request.path
        )
        head.headers.add(name: "Host", value: target.hostHeader)
        head.headers.add(name: "User-Agent", value: "scalelab")
        for header in request.headers { head.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            if !head.headers.contains(name: "Content-Type") {
                head.headers.add(name: "Content-Type", value: "application/json")
            }
            head.headers.add(name: "Content-Length", value: String(body.count))
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        } else {
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
        }
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
    }

    private func isPending(_ promise: EventLoopPromise<LoadResponse>) -> Bool {
        pending?.futureResult === promise.futureResult
    }

    private func finish(_ promise: EventLoopPromise<LoadResponse>, with result: Result<LoadResponse, any Error>) {
        guard isPending(promise) else { return }
        pending = nil
        timeoutTask?.cancel()
        timeoutTask = nil
        promise.completeWith(result)
    }

    private func dropChannel() {
        let old = channel
        channel = nil
        old?.close(promise: nil)
    }
}
