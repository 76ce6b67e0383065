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
    package static func configure(
        _ pipeline: ChannelPipeline.SynchronousOperations, api: AlbumAPI, metrics: ServiceMetrics,
        idleTimeout: TimeAmount?, dateCache: HTTPDateCache
    ) throws {
        try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: false)
        try pipeline.addHandler(AlbumHTTPHandler(api: api, metrics: metrics, dateCache: dateCache, idleTimeout: idleTimeout))
    }
}
