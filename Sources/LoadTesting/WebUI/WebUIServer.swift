import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The web UI's HTTP server: the page, its live updates (Server-Sent Events, one per second
/// while a test runs), and Locust's web API over one `LoadTestSession`.
public struct WebUIServer: Sendable {
    /// Where the server listens and whom it lets in.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// HTTP Basic credentials every request must carry; nil lets everyone in.
        public var credentials: WebCredentials?

        public init(host: String, port: Int, credentials: WebCredentials?) {
            self.host = host
            self.port = port
            self.credentials = credentials
        }
    }

    /// Locust's default web port.
    public static let defaultPort = 8089
    /// The largest `POST /swarm` body read.
    static let maxFormBytes = 64 * 1024
    /// The file name the CSV downloads start with, as `--csv PREFIX` would name them.
    static let downloadPrefix = "scalelab"

    public let session: LoadTestSession
    public let options: Options
    /// A master's workers, which may also connect here (one port for the page, the API and the
    /// workers); nil for a single-process session.
    public let workers: ClusterWorkers?

    public init(session: LoadTestSession, options: Options, workers: ClusterWorkers? = nil) {
        self.session = session
        self.options = options
        self.workers = workers
    }

    /// Serves while `body` runs (it gets the port the server listens on), then stops: the
    /// session's live-update streams end and the server shuts down gracefully. Throws
    /// `WebUIError.cannotListen` when the address cannot be bound.
    public func serve<Result: Sendable>(_ body: (_ port: Int) async throws -> Result) async throws -> Result {
        let options = self.options
        let router = router()
        let address = BindAddress.hostname(options.host, port: options.port)
        let cannotListen: (String) -> any Error = { WebUIError.cannotListen(host: options.host, port: options.port, reason: $0) }
        // Live-update streams never end by themselves: end them so the server can stop.
        let stopping = { await session.close() }
        guard let hub = workers?.hub else {
            return try await ServedApplication.serve(
                { announcePort in
                    Application(
                        router: router, configuration: .init(address: address, serverName: "scalelab"),
                        onServerRunning: { await announcePort($0.localAddress?.port ?? 0) },
                        logger: Logger(label: "scalelab-web", factory: { _ in SwiftLogNoOpLogHandler() }))
                },
                cannotListen: cannotListen, stopping: stopping, body)
        }
        return try await ServedApplication.serve(
            { ClusterMaster.application(router: router, hub: hub, address: address, serverName: "scalelab", announcePort: $0) },
            cannotListen: cannotListen, stopping: stopping, body)
    }

    /// Every route, closed to other sites' pages, and behind Basic authentication when
    /// credentials are set.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SameOriginMiddleware(requiresLoopbackHost: Loopback.contains(host: options.host)))
        if let credentials = options.credentials { router.add(middleware: BasicAuthenticationMiddleware(credentials: credentials)) }
        let session = self.session
        router.get("/") { _, _ in
            Self.response(WebUIPage.html, contentType: "text/html; charset=utf-8")
        }
        router.get("/stream") { _, _ in
            Self.liveUpdates(session)
        }
        router.post("/swarm") { request, _ in
            let body = try await request.body.collect(upTo: Self.maxFormBytes)
            let form = SwarmRequest.formFields(String(buffer: body))
            var answer: [String: JSONValue]
            var status = HTTPResponse.Status.ok
            do {
                answer = ["success": .bool(true), "message": .string(try await session.swarm(try SwarmRequest(form: form)))]
            } catch let error as SwarmRequestError {
                answer = ["success": .bool(false), "message": .string(error.message), "field": error.field.map(JSONValue.string) ?? .null]
                status = .badRequest
            }
            // The host the test runs against (the form's, once it started).
            answer["host"] = .string(await session.configuration.target.description)
            return Self.json(answer, status: status)
        }
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/stop", method: method) { _, _ in
                await session.stop()
                return Self.json(["success": .bool(true), "message": .string("Test stopped")])
            }
            router.on("/stats/reset", method: method) { _, _ in
                await session.resetStatistics()
                return Self.response("ok", contentType: "text/plain; charset=utf-8")
            }
        }
        router.get("/stats/requests") { _, _ in
            Self.json(LocustWebAPI.statsRequests(await session.view()))
        }
        router.get("/tasks") { _, _ in
            Self.json(LocustWebAPI.tasks(await session.view()))
        }
        router.get("/logs") { _, _ in
            Self.json(LocustWebAPI.logs(await session.view()))
        }
        router.get("/exceptions") { _, _ in
            Self.json(LocustWebAPI.exceptions(await session.view()))
        }
        let downloads: [(path: String, suffix: String, render: @Sendable (StatsSnapshot) -> String)] = [
            ("/stats/requests/csv", "_stats.csv", LocustCSV.stats),
            ("/stats/requests_full_history/csv", "_stats_history.csv", LocustCSV.history),
            ("/stats/failures/csv", "_failures.csv", LocustCSV.failures),
        ]
        for download in downloads {
            router.get(RouterPath(download.path)) { _, _ in
                Self.response(
                    download.render(await session.view().snapshot), contentType: "text/csv; charset=utf-8",
                    attachment: Self.downloadPrefix + download.suffix)
            }
        }
        router.get("/stats/report") { request, _ in
            let report = await session.report()
            let isDownload = request.uri.queryParameters["download"] != nil
            return Self.response(
                HTMLReport.rendered(report), contentType: "text/html; charset=utf-8",
                attachment: isDownload ? "\(Self.downloadPrefix)_report.html" : nil)
        }
        router.get("/stats/report.json") { _, _ in
            Self.response(try await session.report().json(), contentType: "application/json", attachment: "\(Self.downloadPrefix)_report.json")
        }
        return router
    }

    /// `GET /stream`: one event per change of the session (every second while a test runs),
    /// each the page's whole view with the chart points it has not had yet.
    private static func liveUpdates(_ session: LoadTestSession) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                var test = -1
                var pointsSent = 0
                for await _ in await session.updates() {
                    let view = await session.view()
                    if view.testNumber != test || view.snapshot.history.count < pointsSent {
                        test = view.testNumber
                        pointsSent = 0
                    }
                    let update = LocustWebAPI.liveUpdate(view, historyFrom: pointsSent)
                    pointsSent = view.snapshot.history.count
                    try await writer.write(ByteBuffer(string: "data: \(update.jsonText)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    private static func json(_ document: [String: JSONValue], status: HTTPResponse.Status = .ok) -> Response {
        response(JSONValue.object(document).jsonText, contentType: "application/json", status: status)
    }

    private static func response(
        _ text: String, contentType: String, status: HTTPResponse.Status = .ok, attachment: String? = nil
    ) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        if let attachment { headers[.contentDisposition] = "attachment; filename=\"\(attachment)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
