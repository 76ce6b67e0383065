import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The master of a distributed load test (`scalelab load --master`): it listens for workers,
/// waits for the expected number, shares the users among them, merges their statistics every
/// second (exactly: HDR histograms), hands a lost worker's users to the others, and stops them
/// at the end of the run time. It sends no requests itself.
public struct ClusterMaster: Sendable {
    /// Where the master listens and whom it waits for.
    public struct Options: Sendable {
        public var bindHost: String
        public var bindPort: Int
        public var expectWorkers: Int
        public var expectWorkersMaxWait: Duration
        public var token: String?

        public init(bindHost: String, bindPort: Int, expectWorkers: Int, expectWorkersMaxWait: Duration, token: String?) {
            self.bindHost = bindHost
            self.bindPort = bindPort
            self.expectWorkers = expectWorkers
            self.expectWorkersMaxWait = expectWorkersMaxWait
            self.token = token
        }
    }

    /// The path workers connect to.
    static let webSocketPath = "/cluster"

    public let plan: ClusterRunPlan
    public let options: Options

    public init(plan: ClusterRunPlan, options: Options) {
        self.plan = plan
        self.options = options
    }

    /// Runs the test and returns the merged statistics and the cluster's summary. `onListening`
    /// gets the port once the master listens; `onSecond` a snapshot every second; `log` one
    /// line per cluster event. Cancelling the calling task stops the run early, with a report.
    /// Throws `ClusterError` when the workers do not come or the port cannot be bound.
    public func run(
        onListening: @escaping @Sendable (Int) -> Void = { _ in },
        onSecond: @Sendable (StatsSnapshot, [ClusterSummary.Event]) async -> Void = { _, _ in },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> (statistics: StatsSnapshot, cluster: ClusterSummary) {
        let plan = self.plan
        let options = self.options
        return try await Self.serve(options: options, onListening: onListening, log: log) { workers in
            try await workers.waitForWorkers(options.expectWorkers, within: options.expectWorkersMaxWait)
            return try await workers.run(plan, onSecond: onSecond)
        }
    }

    /// Listens for workers (on `options`' address) while `body` runs tests on them, then tells
    /// them to quit. Throws `ClusterError.cannotListen` when the port cannot be bound.
    public static func serve<Result: Sendable>(
        options: Options,
        onListening: @escaping @Sendable (Int) -> Void = { _ in },
        log: @escaping @Sendable (String) -> Void = { _ in },
        _ body: (ClusterWorkers) async throws -> Result
    ) async throws -> Result {
        let hub = ClusterHub(token: options.token, log: log)
        return try await ServedApplication.serve(
            { announcePort in
                application(
                    router: Router(), hub: hub, address: .hostname(options.bindHost, port: options.bindPort),
                    serverName: "scalelab-master", announcePort: announcePort)
            },
            cannotListen: { ClusterError.cannotListen(host: options.bindHost, port: options.bindPort, reason: $0) },
            stopping: { await Self.finish(hub) }
        ) { port in
            onListening(port)
            return try await body(ClusterWorkers(hub: hub))
        }
    }

    /// An HTTP server whose `webSocketPath` takes workers' connections for `hub` and whose
    /// `router` answers everything else (the master's own listener, and the web UI's).
    static func application(
        router: Router<BasicRequestContext>, hub: ClusterHub, address: BindAddress, serverName: String,
        announcePort: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            server: .http1WebSocketUpgrade(
                configuration: .init(ws: .init(maxFrameSize: ClusterCoding.maxMessageBytes, autoPing: .disabled))
            ) { request, channel, _ in
                guard request.path == Self.webSocketPath else { return .dontUpgrade }
                // A browser sends its page's origin (http or https) with every WebSocket handshake;
                // a worker sends none or a ws:// one: a page in a browser on this machine must
                // not join as a worker.
                let origins = request.headerFields[values: .origin]
                guard origins.allSatisfy({ $0.hasPrefix("ws://") || $0.hasPrefix("wss://") }) else { return .dontUpgrade }
                let address = channel.remoteAddress?.ipAddress
                return .upgrade([:]) { inbound, outbound, _ in
                    await Self.serve(inbound: inbound, outbound: outbound, from: address, hub: hub)
                }
            },
            configuration: .init(address: address, serverName: serverName),
            onServerRunning: { await announcePort($0.localAddress?.port ?? 0) },
            logger: Logger(label: serverName, factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Tells every worker to quit and waits (at most 5 s) until each connection has written it:
    /// the server's shutdown closes connections without flushing what is queued.
    private static func finish(_ hub: ClusterHub) async {
        await hub.finish()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while await hub.hasOpenConnections, clock.now < deadline {
            try? await clock.sleep(for: .milliseconds(10))
        }
    }

    /// One worker connection: messages from the hub go out, messages from the worker go to
    /// the hub, until either side ends it.
    private static func serve(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, from address: String?, hub: ClusterHub
    ) async {
        let (connection, messages) = await hub.connect(from: address)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await message in messages {
                    do {
                        try await outbound.write(.text(ClusterCoding.encode(message)))
                    } catch {
                        break
                    }
                }
            }
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: ClusterCoding.maxMessageBytes) {
                        guard case .text(let text) = message else {
                            await hub.receive("binary frame", on: connection)
                            continue
                        }
                        await hub.receive(text, on: connection)
                    }
                } catch {}
                await hub.disconnected(connection)
            }
            // Either side ending ends the connection.
            await group.next()
            group.cancelAll()
        }
        await hub.disconnected(connection)
        await hub.connectionEnded()
    }
}
