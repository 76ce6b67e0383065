import HTTPTypes
import NIOCore
import NIOHTTP1

/// Answers each HTTP/1 request on its connection's event loop, from the route table: no task,
/// continuation or thread hop per request.
///
/// It sits behind NIO's HTTP/1 server codec and `HTTPServerPipelineHandler` (which holds
/// pipelined requests back until the response before them is written, and closes the
/// connection gracefully on `ChannelShouldQuiesceEvent`). Responses are written as they are
/// made and flushed once per read batch. It owns the HTTP edges:
/// - a body over `AlbumAPI.maximumBodySize` gets 413 and the connection closes, without the
///   rest of the body being buffered (at once when `Content-Length` says so);
/// - `Expect: 100-continue` gets `100 Continue` when the body is acceptable, else the 413;
/// - `HEAD` gets the `GET` head (with its `Content-Length`) and no body;
/// - keep-alive unless the request says `Connection: close` (or is HTTP/1.0 without keep-alive);
/// - a connection that sent nothing for the idle timeout is closed (timed on the event loop's
///   clock, so a test can advance it);
/// - a request the parser rejects gets 400 and the connection closes; a method token the
///   parser does not know (`FOO`) gets 501, because the server implements no such method.
///   A token it knows on a path that does not take it gets 405 with `Allow` (RFC 9110 15.5.6,
///   15.6.2).
final class AlbumHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The request being received.
    private struct PendingRequest {
        var head: HTTPRequestHead
        var method: HTTPRequest.Method
        var body: ByteBuffer?
        var start: ContinuousClock.Instant
    }

    private enum State {
        /// Between requests.
        case idle
        /// Reading a request's body.
        case receiving(PendingRequest)
        /// Answered with `Connection: close`; what else arrives is dropped unread.
        case closing
    }

    private let api: AlbumAPI
    private let metrics: ServiceMetrics
    private let dateCache: HTTPDateCache
    private let idleTimeout: TimeAmount?
    private var state = State.idle
    /// Whether responses were written since the last flush.
    private var hasUnflushedWrites = false
    /// When the last read batch ended.
    private var lastRead = NIODeadline.uptimeNanoseconds(0)
    private var idleTimer: Scheduled<Void>?
    /// False once the handler left the pipeline; a store answer arriving later is dropped.
    private var isInPipeline = true

    init(api: AlbumAPI, metrics: ServiceMetrics, dateCache: HTTPDateCache, idleTimeout: TimeAmount?) {
        self.api = api
        self.metrics = metrics
        self.dateCache = dateCache
        self.idleTimeout = idleTimeout
    }

    // MARK: Idle timeout

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startIdleTimer(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startIdleTimer(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        idleTimer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        isInPipeline = false
        idleTimer?.cancel()
        idleTimer = nil
    }

    private func startIdleTimer(context: ChannelHandlerContext) {
        guard idleTimeout != nil, idleTimer == nil else { return }
        lastRead = context.eventLoop.now
        scheduleIdleCheck(at: lastRead, context: context)
    }

    /// Checks at `lastRead + idleTimeout` whether anything was read since; closes if not.
    private func scheduleIdleCheck(at start: NIODeadline, context: ChannelHandlerContext) {
        guard let idleTimeout else { return }
        idleTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: start + idleTimeout) { [self] in
            if context.eventLoop.now - lastRead >= idleTimeout {
                idleTimer = nil
                context.close(promise: nil)
            } else {
                scheduleIdleCheck(at: lastRead, context: context)
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head(let head), .idle):
            receive(head, context: context)
        case (.body(var chunk), .receiving(var request)):
            state = .idle  // drops the state's reference, so appending does not copy the body
            if request.body == nil {
                request.body = chunk
            } else {
                request.body!.writeBuffer(&chunk)
            }
            guard request.body!.readableBytes <= AlbumAPI.maximumBodySize else {
                refuseOversizedBody(request, context: context)
                return
            }
            state = .receiving(request)
        case (.end, .receiving(let request)):
            state = .idle
            answer(request, context: context)
        case (_, .closing):
            break  // the rest of a refused request
        case (.head, .receiving), (.body, .idle), (.end, .idle):
            // HTTPServerPipelineHandler and the decoder never deliver these.
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if idleTimeout != nil { lastRead = context.eventLoop.now }
        if hasUnflushedWrites {
            hasUnflushedWrites = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .closing = state, let event = event as? ChannelEvent, event == .inputClosed {
            // The client finished sending after a 413 and the output is already closed.
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.close(promise: nil)
            return
        }
        if case .closing = state {
            context.close(promise: nil)  // already answered
            return
        }
        let refusal =
            parserError == .invalidMethod
            ? APIError(
                .notImplemented,
                "The request method is not one this server implements; GET /openapi.json lists the routes and their methods.")
            : APIError(.badRequest, "The request is not valid HTTP/1.1 (\(parserError)); the connection is closed.")
        writeThenClose(refusal.response, version: .http1_1, context: context)
    }

    // MARK: Requests

    private func receive(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let start = ContinuousClock.now
        let method = Self.method(head.method)
        let request = PendingRequest(head: head, method: method, body: nil, start: start)
        if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > AlbumAPI.maximumBodySize {
            refuseOversizedBody(request, context: context)
            return
        }
        if head.version.minor >= 1, head.headers.first(name: "expect")?.lowercased() == "100-continue" {
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            context.flush()
        }
        state = .receiving(request)
    }

    private func answer(_ request: PendingRequest, context: ChannelHandlerContext) {
        let head = request.head
        let (path, query) = APIRequest.split(target: head.uri)
        let apiRequest = APIRequest(
            method: request.method,
            path: path,
            query: query,
            contentType: head.headers.first(name: "content-type"),
            ifNoneMatch: head.headers["if-none-match"],
            body: request.body ?? ByteBuffer()
        )
        let (route, answer) = api.respond(to: apiRequest, on: context.eventLoop)
        switch answer {
        case .ready(let response):
            send(response, to: request, route: route, context: context)
        case .pending(let future):
            // The store does I/O: the loop goes on serving other connections meanwhile, and
            // HTTPServerPipelineHandler holds this connection's next request until this
            // response is written.
            future.hop(to: context.eventLoop).assumeIsolated().whenSuccess { [self] response in
                guard isInPipeline else { return }
                send(response, to: request, route: route, context: context)
                if hasUnflushedWrites {
                    hasUnflushedWrites = false
                    context.flush()
                }
            }
        }
    }

    /// Writes the answer to `request` (flushed at the end of the read batch) and records it.
    private func send(_ response: APIResponse, to request: PendingRequest, route: String, context: ChannelHandlerContext) {
        let head = request.head
        if head.isKeepAlive {
            write(response, version: head.version, isHead: request.method == .head, keepAlive: true, context: context)
        } else {
            writeThenClose(response, version: head.version, isHead: request.method == .head, context: context)
        }
        metrics.recordRequest(
            route: route, method: request.method.rawValue, status: response.status.code,
            duration: ContinuousClock.now - request.start)
    }

    /// Answers 413 to a request whose body is over the limit and closes the connection's
    /// output once that is written. The rest of the body is read and dropped, never buffered,
    /// until the client closes its side (or the idle timeout): closing at once would make the
    /// kernel reset the connection, which can destroy the 413 before the client reads it.
    private func refuseOversizedBody(_ request: PendingRequest, context: ChannelHandlerContext) {
        let response = APIError.contentTooLarge.response
        writeThenClose(response, version: request.head.version, context: context, isLingering: true)
        metrics.recordRequest(
            route: Self.route(of: request), method: request.method.rawValue, status: response.status.code,
            duration: ContinuousClock.now - request.start)
    }

    /// The route a request is counted under.
    private static func route(of request: PendingRequest) -> String {
        switch AlbumAPI.resolve(method: request.method, path: APIRequest.split(target: request.head.uri).path) {
        case .route(let route, _): route.path.description
        case .options(let path, _), .methodNotAllowed(let path, _): path.description
        case .notFound: "NotFound"
        }
    }

    // MARK: Writing

    /// Writes `response` without flushing; `channelReadComplete` flushes the read batch's answers.
    private func write(
        _ response: APIResponse, version: HTTPVersion, isHead: Bool, keepAlive: Bool, context: ChannelHandlerContext,
        promise: EventLoopPromise<Void>? = nil
    ) {
        var headers = HTTPHeaders()
        headers.reserveCapacity(5 + response.headers.count)
        if let contentType = response.contentType {
            headers.add(name: "Content-Type", value: contentType.headerValue)
        }
        if response.statusAllowsBody {
            headers.add(name: "Content-Length", value: String(response.body.readableBytes))
        }
        headers.add(name: "Date", value: dateCache.current)
        for (name, value) in response.headers {
            headers.add(name: name.rawName, value: value)
        }
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if version.minor == 0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        let status = HTTPResponseStatus(statusCode: response.status.code, reasonPhrase: response.status.reasonPhrase)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        if !isHead && response.body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        context.write(wrapOutboundOut(.end(nil)), promise: promise)
        hasUnflushedWrites = true
    }

    /// Writes `response` with `Connection: close`, flushes, and once it is sent closes the
    /// connection, or only its output when `isLingering`.
    private func writeThenClose(
        _ response: APIResponse, version: HTTPVersion, isHead: Bool = false, context: ChannelHandlerContext,
        isLingering: Bool = false
    ) {
        state = .closing
        let written = context.eventLoop.makePromise(of: Void.self)
        write(response, version: version, isHead: isHead, keepAlive: false, context: context, promise: written)
        hasUnflushedWrites = false
        context.flush()
        let channel = context.channel
        written.futureResult.whenComplete { _ in
            if isLingering {
                channel.close(mode: .output).whenFailure { _ in channel.close(promise: nil) }
            } else {
                channel.close(promise: nil)
            }
        }
    }

    // MARK: Parsing

    /// NIO's method as an HTTPTypes method, without parsing the common ones.
    private static func method(_ method: HTTPMethod) -> HTTPRequest.Method {
        switch method {
        case .GET: .get
        case .POST: .post
        case .PUT: .put
        case .DELETE: .delete
        case .HEAD: .head
        case .OPTIONS: .options
        case .PATCH: .patch
        default: HTTPRequest.Method(method.rawValue) ?? .get
        }
    }
}
