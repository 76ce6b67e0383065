import NIOCore
import NIOPosix

/// One user's keep-alive connection for the fast client. It writes each request as one
/// buffer and reads the response with `HTTPResponseParser`, all on the user's event loop, and
/// reconnects on the next request after the server closed it, a timeout or an error.
final class FastConnection: UserConnection {
    private let loop: any EventLoop
    private let target: TargetAddress
    private let writer: HTTPRequestWriter
    private let timeout: Duration
    private let allocator = ByteBufferAllocator()
    private var channel: (any Channel)?
    private var handler: ResponseHandler?
    private var completion: ((Result<LoadResponse, RequestFailure>) -> Void)?
    /// Numbers requests, so a connect that completes after its request timed out is dropped.
    private var requestNumber = 0
    private var deadline = NIODeadline.distantFuture
    /// One timer checks the deadline; it is re-armed only when it fires early, not per request.
    private var timeoutCheck: Scheduled<Void>?

    init(loop: any EventLoop, target: TargetAddress, timeout: Duration) {
        self.loop = loop
        self.target = target
        self.writer = HTTPRequestWriter(target: target)
        self.timeout = timeout
    }

    func send(_ request: LoadRequest, completion: @escaping (Result<LoadResponse, RequestFailure>) -> Void) {
        loop.preconditionInEventLoop()
        requestNumber += 1
        self.completion = completion
        deadline = .now() + TimeAmount(timeout)
        if timeoutCheck == nil { scheduleTimeoutCheck() }
        let bytes: ByteBuffer
        do {
            bytes = try writer.bytes(of: request, allocator: allocator)
        } catch {
            return finish(.failure(error))
        }
        let isHead = request.method == "HEAD"
        if let channel, let handler, channel.isActive {
            write(bytes, on: channel, handler: handler, isHead: isHead)
        } else {
            dropChannel()
            connect(thenWrite: bytes, isHead: isHead)
        }
    }

    func close() {
        dropChannel()
        timeoutCheck?.cancel()
        timeoutCheck = nil
        finish(.failure(.connection("the test stopped the request")))
    }

    /// A response, or the reason the channel broke, from `handler`'s channel.
    func handler(_ handler: ResponseHandler, didReceive result: Result<HTTPResponseParser.Response, RequestFailure>) {
        guard handler === self.handler else { return }
        switch result {
        case .success(let response):
            if !response.isKeepAlive { dropChannel() }
            finish(.success(LoadResponse(status: response.status, body: response.body)))
        case .failure(let failure):
            dropChannel()
            finish(.failure(failure))
        }
    }

    /// `handler`'s channel closed; `last` is the response the close completed or cut short.
    func handler(_ handler: ResponseHandler, didCloseWith last: Result<HTTPResponseParser.Response, RequestFailure>?) {
        guard handler === self.handler else { return }
        channel = nil
        self.handler = nil
        switch last {
        case .success(let response):
            finish(.success(LoadResponse(status: response.status, body: response.body)))
        case .failure(let failure):
            finish(.failure(failure))
        case nil:
            finish(.failure(.connection("the server closed the connection without responding")))
        }
    }

    private func connect(thenWrite bytes: ByteBuffer, isHead: Bool) {
        let number = requestNumber
        ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ResponseHandler())
                }
            }
            .connect(host: target.host, port: target.port)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    guard number == self.requestNumber, self.completion != nil,
                          let handler = try? channel.pipeline.syncOperations.handler(type: ResponseHandler.self)
                    else {
                        channel.close(promise: nil)
                        return
                    }
                    self.channel = channel
                    self.handler = handler
                    self.write(bytes, on: channel, handler: handler, isHead: isHead)
                case .failure(let error):
                    guard number == self.requestNumber else { return }
                    self.finish(.failure(.connection(ConnectionErrorDescription.describe(error))))
                }
            }
    }

    private func write(_ bytes: ByteBuffer, on channel: any Channel, handler: ResponseHandler, isHead: Bool) {
        handler.owner = self
        handler.expectResponse(toHead: isHead)
        channel.writeAndFlush(bytes, promise: nil)
    }

    private func finish(_ result: Result<LoadResponse, RequestFailure>) {
        guard let completion else { return }
        self.completion = nil
        deadline = .distantFuture
        completion(result)
    }

    private func scheduleTimeoutCheck() {
        timeoutCheck = loop.assumeIsolated().scheduleTask(deadline: deadline) { self.checkTimeout() }
    }

    private func checkTimeout() {
        timeoutCheck = nil
        guard completion != nil else { return }
        if NIODeadline.now() >= deadline {
            dropChannel()
            finish(.failure(.timeout(timeout)))
        } else {
            scheduleTimeoutCheck()
        }
    }

    private func dropChannel() {
        handler?.owner = nil
        handler = nil
        let old = channel
        channel = nil
        old?.close(promise: nil)
    }
}
