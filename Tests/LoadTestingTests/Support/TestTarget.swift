import Hummingbird
import LoadTesting
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A small in-process album service for the tests: counts the requests it sees per route and
/// can answer with errors or stall on purpose; `GET /slow` answers only when the target stops.
/// Both wait on events, not the clock.
final class TestTarget: Sendable {
    /// How the target answers.
    enum Behavior: Sendable {
        /// Like the album service: 200 for GETs of known albums, 201 for POSTs.
        case normal
        /// 500 for every request.
        case serverError
        /// Like `normal`, but requests that arrive while `stall` is on are held until it ends.
        case stall(Stall)
    }

    private let behavior: Behavior
    private let counts = Mutex<[String: Int]>([:])
    private let nextID = Atomic<Int>(4)
    /// Opens when the target stops: `GET /slow` waits for it.
    private let stopGate = Gate()

    init(behavior: Behavior = .normal) {
        self.behavior = behavior
    }

    /// Requests seen per route, e.g. ["GET /albums": 30, "POST /albums": 10].
    var requestsSeen: [String: Int] { counts.withLock { $0 } }

    var totalRequestsSeen: Int { requestsSeen.values.reduce(0, +) }

    /// Runs the target on a free port for the duration of `body`, which gets its address and
    /// a function that stops the target early.
    func serve<Result: Sendable>(
        _ body: @Sendable (TargetAddress, _ stop: @escaping @Sendable () -> Void) async throws -> Result
    ) async throws -> Result {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "test-target", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        // Stopped by graceful shutdown, never by cancelling the serving task: cancelling it can
        // drop a connection NIO accepted but the server did not yet take, which traps in NIO
        // ("Deinited NIOAsyncWriter without calling finish()", swift-nio issue 3481).
        let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        let server = Task { try await services.run() }
        let stop: @Sendable () -> Void = { Task { await services.triggerGracefulShutdown() } }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        let result: Swift.Result<Result, any Error>
        do {
            let target = try TargetAddress(parsing: "http://127.0.0.1:\(port)")
            result = .success(try await body(target, stop))
        } catch {
            result = .failure(error)
        }
        // Held requests end first, so that the graceful shutdown does not wait for them.
        stopGate.open()
        await services.triggerGracefulShutdown()
        _ = await server.result
        return try result.get()
    }

    private func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("albums") { _, _ in try await self.answer("GET /albums", status: .ok, json: #"[{"id":"1"}]"#) }
        // Never answered while the target runs, whatever the behavior: for timeouts.
        router.get("slow") { _, _ in
            await self.stopGate.wait()
            return try await self.answer("GET /slow", status: .ok, json: "{}")
        }
        router.get("albums/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            let known = (Int(id) ?? 0) >= 1 && (Int(id) ?? 0) < self.nextID.load(ordering: .relaxed)
            return try await self.answer(
                "GET /albums/{id}", status: known ? .ok : .notFound, json: known ? #"{"id":"\#(id)"}"# : #"{"error":"album not found"}"#)
        }
        router.post("albums") { _, _ in
            let id = self.nextID.add(1, ordering: .relaxed).oldValue
            return try await self.answer("POST /albums", status: .created, json: #"{"id":"\#(id)"}"#)
        }
        return router
    }

    private func answer(_ route: String, status: HTTPResponse.Status, json: String) async throws -> Response {
        counts.withLock { $0[route, default: 0] += 1 }
        var status = status
        switch behavior {
        case .normal:
            break
        case .serverError:
            status = .internalServerError
        case .stall(let stall):
            await stall.hold()
        }
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: json))
        )
    }
}
