import NIOCore

/// The fast client's whole channel pipeline: it parses responses straight off the socket's
/// bytes and hands each one, or the reason the connection broke, to the connection that owns
/// the channel.
final class ResponseHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var parser = HTTPResponseParser()
    /// The connection waiting for responses on this channel; nil once it let the channel go.
    var owner: FastConnection?

    /// Call before writing a request: a response to HEAD has no body.
    func expectResponse(toHead isHead: Bool) {
        parser.isResponseToHead = isHead
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var input = unwrapInboundIn(data)
        do {
            while input.readableBytes > 0, let response = try parser.parse(&input) {
                owner?.handler(self, didReceive: .success(response))
            }
        } catch {
            owner?.handler(self, didReceive: .failure(error))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        owner?.handler(self, didReceive: .failure(.connection(ConnectionErrorDescription.describe(error))))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let last: Result<HTTPResponseParser.Response, RequestFailure>?
        do {
            last = try parser.connectionClosed().map { .success($0) }
        } catch {
            last = .failure(error)
        }
        owner?.handler(self, didCloseWith: last)
        owner = nil
        context.fireChannelInactive()
    }
}
