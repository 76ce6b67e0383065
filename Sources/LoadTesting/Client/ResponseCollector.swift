import NIOCore
import NIOHTTP1

/// The end of the fast client's channel pipeline: gathers one response (status, body,
/// keep-alive) and completes the promise of the request that is waiting for it.
final class ResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    /// A response as read off the wire, with whether the server keeps the connection open.
    struct Collected {
        let response: LoadResponse
        let isKeepAlive: Bool
    }

    private var promise: EventLoopPromise<Collected>?
    private var status = 0
    private var isKeepAlive = true
    private var body: [UInt8] = []

    /// The next response on this channel. Call before writing the request.
    func expectResponse(on loop: any EventLoop) -> EventLoopFuture<Collected> {
        let promise = loop.makePromise(of: Collected.self)
        self.promise = promise
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            isKeepAlive = head.isKeepAlive
            body.removeAll(keepingCapacity: true)
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            let waiting = promise
            promise = nil
            waiting?.succeed(Collected(response: LoadResponse(status: status, body: body), isKeepAlive: isKeepAlive))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError {
            fail(RequestFailure.malformedResponse(String(describing: error)))
        } else {
            fail(RequestFailure.connection(ConnectionErrorDescription.describe(error)))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(RequestFailure.connection("the server closed the connection before the response was complete"))
        context.fireChannelInactive()
    }

    private func fail(_ failure: RequestFailure) {
        let waiting = promise
        promise = nil
        waiting?.fail(failure)
    }
}
