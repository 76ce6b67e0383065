import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The event-loop engine's connections: a Hummingbird `ServerChildChannel`, so Hummingbird
/// binds, runs under ServiceLifecycle and drains on SIGTERM, whose pipeline answers every
/// request on the connection's event loop with `AlbumHTTPHandler`.
package struct EventLoopChildChannel: ServerChildChannel {
    /// A connection being served.
    package struct Connection: ServerChildChannelValue {
        package let channel: any Channel
    }

    let api: AlbumAPI
    let metrics: ServiceMetrics
    /// Time after which a connection that sent nothing is closed; nil keeps it open.
    let idleTimeout: TimeAmount?
    let dateCaches = HTTPDateCache.PerEventLoop()

    package func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Connection> {
        channel.eventLoop.makeCompletedFuture {
            try Self.configure(
                channel.pipeline.syncOperations, api: api, metrics: metrics, idleTimeout: idleTimeout,
                dateCache: dateCaches.cache(on: channel.eventLoop))
            return Connection(channel: channel)
        }
    }

    /// Waits until the connection closes (the handler closes it; graceful shutdown quiesces it).
    package func handle(value connection: Connection, logger: Logger) async {
        await withTaskCancellationHandler {
            try? await connection.channel.closeFuture.get()
        } onCancel: {
            connection.channel.close(promise: nil)
        }
    }

    /// Adds the engine's handlers to a connection's pipeline: NIO's HTTP/1 codec with
    /// `HTTPServerPipelineHandler`, and `AlbumHTTPHandler`.
    ///
    /// Two of NIO's safety nets are off, because `AlbumHTTPHandler` writes every response head
    /// itself and they only re-check it (together about 4 % of a POST's CPU):
    /// - the response header validator, which looks for bytes such as CR and LF that would split
    ///   a header: every value the handler writes is a constant, a number, or an album id, and
    ///   ids are letters, digits and `-._~` only (`AlbumDraft.isValidID`);
    /// - framing headers set by the encoder: the handler sends `Content-Length` on every
    ///   response that may have a body, and none on 1xx, 204 and 304.
    package static func configure(
        _ pipeline: ChannelPipeline.SynchronousOperations, api: AlbumAPI, metrics: ServiceMetrics,
        idleTimeout: TimeAmount?, dateCache: HTTPDateCache
    ) throws {
        var encoder = HTTPResponseEncoder.Configuration()
        encoder.automaticallySetFramingHeaders = false
        try pipeline.configureHTTPServerPipeline(
            withPipeliningAssistance: true, withErrorHandling: false, withOutboundHeaderValidation: false,
            withEncoderConfiguration: encoder)
        try pipeline.addHandler(AlbumHTTPHandler(api: api, metrics: metrics, dateCache: dateCache, idleTimeout: idleTimeout))
    }
}
