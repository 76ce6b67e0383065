import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the album service as a Hummingbird application, ready to run or to test in-process.
///
/// Hummingbird binds, runs the service under ServiceLifecycle and drains it on SIGTERM with
/// either engine. The router is the router engine; with the event-loop engine it answers only
/// HummingbirdTesting's in-process `.router` mode, and connections go to `EventLoopChildChannel`.
///
/// - Parameters:
///   - configuration: Where to listen, the engine, and the in-memory store's settings when
///     `store` is nil.
///   - store: The albums to serve (`AlbumServerConfiguration.openStore` opens the configured
///     one); nil makes an in-memory store. A store that is a `Service` (PostgreSQL's pool)
///     runs with the application.
///   - logger: Where the server logs.
///   - onServerRunning: Called with the bound port once the server accepts connections.
public func makeApplication(
    configuration: AlbumServerConfiguration = AlbumServerConfiguration(),
    store: (any AlbumStore)? = nil,
    logger: Logger = Logger(label: "scalelab.serve"),
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let eventLoopGroup = configuration.eventLoopGroup
    let metrics = ServiceMetrics(expectedRequests: AlbumAPI.expectedRequests)
    let store = store ?? configuration.makeStore()
    let api = AlbumAPI(store: store, metrics: metrics)
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: APIErrorMiddleware())
    api.add(to: router, eventLoopGroup: eventLoopGroup)
    let server: HTTPServerBuilder
    switch configuration.engine {
    case .router:
        server = .http1()
    case .eventLoop:
        let (seconds, attoseconds) = configuration.idleTimeout.components
        let idleTimeout = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        server = HTTPServerBuilder { _ in
            EventLoopChildChannel(api: api, metrics: metrics, idleTimeout: idleTimeout)
        }
    }
    return Application(
        router: router,
        server: server,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
        services: (store as? any Service).map { [$0] } ?? [],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        eventLoopGroupProvider: .shared(eventLoopGroup),
        logger: logger
    )
}

/// Why the server could not start.
public enum AlbumServerError: Error, Sendable, CustomStringConvertible {
    /// Another process listens on the address.
    case addressInUse(host: String, port: Int)
    /// The address cannot be bound for another reason, such as a host that is not local.
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "Port \(port) on \(host) is already in use by another process; stop it (e.g. find it with `lsof -i :\(port)`) or choose another port with --port."
        case .cannotListen(let host, let port, let reason):
            "Cannot listen on \(host):\(port): \(reason). Check --host (an address of this machine, e.g. 127.0.0.1 or 0.0.0.0) and --port."
        }
    }
}

extension ApplicationProtocol {
    /// Runs until SIGINT or SIGTERM, then stops accepting connections, lets requests in flight
    /// finish and returns. A failure to bind becomes an `AlbumServerError` that says what to do.
    public func runUntilSignalled(host: String, port: Int) async throws {
        do {
            try await runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw AlbumServerError.addressInUse(host: host, port: port)
        } catch let error as IOError {
            throw AlbumServerError.cannotListen(host: host, port: port, reason: error.description)
        } catch let error as SocketAddressError {
            throw AlbumServerError.cannotListen(host: host, port: port, reason: "\(error)")
        }
    }
}
