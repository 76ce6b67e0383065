import Hummingbird
import ServiceLifecycle

/// Runs a Hummingbird application only while some work runs: the master's listener for
/// workers, the web UI and the study's album service all live exactly as long as their
/// caller's work.
package enum ServedApplication {
    /// Builds an application with `makeApplication` (handing it the `announcePort` callback its
    /// server calls with the port it listens on), runs it while `body` runs with that port, then
    /// runs `stopping` and shuts the application down gracefully, never by cancelling its task (which can trap
    /// in NIO for a connection accepted but not yet taken, swift-nio issue 3481). Throws
    /// `cannotListen(reason)` when it cannot bind.
    package static func serve<App: ApplicationProtocol, Result: Sendable>(
        _ makeApplication: (_ announcePort: @escaping @Sendable (Int) async -> Void) -> App,
        cannotListen: (_ reason: String) -> any Error,
        stopping: () async -> Void = {},
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let app = makeApplication { port in announce.yield(port) }
        let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        // The stream ends when the server does: a port, or nil when it could not bind.
        let server = Task {
            defer { announce.finish() }
            try await services.run()
        }
        var announced = ports.makeAsyncIterator()
        guard let port = await announced.next() else {
            let reason = switch await server.result {
            case .failure(let error): "\(error)"
            case .success: "the server stopped"
            }
            throw cannotListen(reason)
        }
        let result: Swift.Result<Result, any Error>
        do {
            result = .success(try await body(port))
        } catch {
            result = .failure(error)
        }
        await stopping()
        await services.triggerGracefulShutdown()
        _ = await server.result
        return try result.get()
    }
}
