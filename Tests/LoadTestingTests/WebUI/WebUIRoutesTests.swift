import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LoadTesting

/// The web UI's routes (Locust's web API) over a real session running real load against a
/// test target, driven as a script or the page would drive them.
struct WebUIRoutesTests {
    private func session(_ target: TargetAddress) -> LoadTestSession {
        LoadTestSession(
            scenario: ScenarioChoice(named: .albums),
            configuration: LoadConfiguration(target: target, shape: .closed(users: 1, spawnRate: 1), runTime: nil, stopTimeout: .seconds(5)),
            generators: .local)
    }

    private func app(_ session: LoadTestSession, credentials: WebCredentials? = nil) -> some ApplicationProtocol {
        Application(router: WebUIServer(session: session, options: .init(host: "127.0.0.1", port: 0, credentials: credentials)).router())
    }

    /// Waits until `condition` holds; a session that never gets there fails the test after
    /// 120 updates instead of hanging it.
    private func waitUntil(_ session: LoadTestSession, _ condition: @Sendable @escaping (LoadTestView) -> Bool) async throws {
        let reached = await session.firstView(where: condition, maxUpdates: 120)
        let state = await session.state
        _ = try #require(reached != nil, "the session never got there; it is \(state)")
    }

    private func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test(arguments: [
        ("user_count=-5&spawn_rate=10", "user_count"),
        ("user_count=ten&spawn_rate=10", "user_count"),
        ("spawn_rate=10", "user_count"),
        ("user_count=5&spawn_rate=0", "spawn_rate"),
        ("user_count=5&spawn_rate=nan", "spawn_rate"),
        ("user_count=5&spawn_rate=10&run_time=soon", "run_time"),
        ("user_count=5&spawn_rate=10&host=ftp%3A%2F%2Fexample.com", "host"),
    ])
    func aStartWithABadValueIsRefusedAndStartsNothing(_ form: String, _ field: String) async throws {
        let session = session(try TargetAddress(parsing: "http://127.0.0.1:9"))
        try await app(session).test(.router) { client in
            let response = try await client.execute(
                uri: "/swarm", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form))
            #expect(response.status == .badRequest)
            let body = try json(response)
            #expect(body["success"] as? Bool == false)
            #expect(body["field"] as? String == field)
            #expect((body["message"] as? String)?.isEmpty == false)
        }
        #expect(await session.state == .ready)
        #expect(await session.hasRun == false)
    }

    /// Start, resize, stop and reset through Locust's routes; the JSON has Locust's field names
    /// and the CSV route serves what `--csv` writes for the same snapshot.
    @Test func aTestIsStartedResizedStoppedAndResetThroughLocustsRoutes() async throws {
        try await TestTarget().serve { target, _ in
            let session = session(target)
            try await app(session).test(.router) { client in
                let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                let started = try await client.execute(
                    uri: "/swarm", method: .post, headers: form, body: ByteBuffer(string: "user_count=3&spawn_rate=100&host=\(target)"))
                #expect(started.status == .ok)
                #expect(try json(started)["success"] as? Bool == true)
                try await waitUntil(session) { $0.snapshot.users == 3 && $0.snapshot.aggregated.stats.requests > 0 }
                #expect(await session.state == .running)

                let resized = try await client.execute(
                    uri: "/swarm", method: .post, headers: form, body: ByteBuffer(string: "user_count=1&spawn_rate=100"))
                #expect(resized.status == .ok)
                try await waitUntil(session) { $0.snapshot.users == 1 }

                let stats = try json(try await client.execute(uri: "/stats/requests", method: .get))
                #expect(Set(stats.keys) == LocustFieldNames.statsRequests)
                let rows = try #require(stats["stats"] as? [[String: Any]])
                #expect(rows.allSatisfy { Set($0.keys) == LocustFieldNames.statsRow })
                #expect(rows.contains { $0["name"] as? String == "/albums" && $0["method"] as? String == "GET" })
                #expect(stats["state"] as? String == "running")
                #expect(stats["user_count"] as? Int == 1)

                let stopped = try await client.execute(uri: "/stop", method: .get)
                #expect(try json(stopped)["success"] as? Bool == true)
                await session.waitForTest()
                #expect(await session.state == .stopped)

                let snapshot = await session.view().snapshot
                #expect(snapshot.aggregated.stats.requests > 0)
                for (path, suffix) in [("/stats/requests/csv", "_stats.csv"), ("/stats/requests_full_history/csv", "_stats_history.csv"), ("/stats/failures/csv", "_failures.csv")] {
                    let csv = try await client.execute(uri: path, method: .get)
                    let expected = try #require(LocustCSV.files(snapshot).first { $0.suffix == suffix }).contents
                    #expect(String(buffer: csv.body) == expected, "\(path)")
                    #expect(csv.headers[.contentDisposition] == "attachment; filename=\"scalelab\(suffix)\"")
                }
                let report = try await client.execute(uri: "/stats/report", method: .get)
                #expect(String(buffer: report.body).contains("/albums"))

                let reset = try await client.execute(uri: "/stats/reset", method: .post)
                #expect(String(buffer: reset.body) == "ok")
                let afterReset = try json(try await client.execute(uri: "/stats/requests", method: .get))
                let total = try #require((afterReset["stats"] as? [[String: Any]])?.last)
                #expect(total["num_requests"] as? Int == 0)
            }
        }
    }

    /// Another site's page cannot steer the test through a visitor's browser; scripts (no
    /// Origin, no Sec-Fetch-Site) and the page itself are unaffected. (The router test's
    /// requests name the host localhost.)
    @Test func otherSitesCannotSteerTheTest() async throws {
        let session = session(try TargetAddress(parsing: "http://127.0.0.1:9"))
        try await app(session).test(.router) { client in
            let form = ByteBuffer(string: "user_count=1&spawn_rate=1")
            let urlencoded = "application/x-www-form-urlencoded"
            let forged: [HTTPFields] = [
                [.contentType: urlencoded, .origin: "http://evil.example"],
                [.contentType: urlencoded, .secFetchSite: "cross-site"],
                [.contentType: urlencoded, .secFetchSite: "same-site"],
            ]
            for headers in forged {
                #expect(try await client.execute(uri: "/swarm", method: .post, headers: headers, body: form).status == .forbidden)
            }
            #expect(try await client.execute(uri: "/stop", method: .get, headers: [.secFetchSite: "cross-site"]).status == .forbidden)
            #expect(try await client.execute(uri: "/stats/requests", method: .get, headers: [.secFetchSite: "cross-site"]).status == .ok)
            let own = try await client.execute(
                uri: "/swarm", method: .post,
                headers: [.contentType: urlencoded, .origin: "http://localhost", .secFetchSite: "same-origin"],
                body: ByteBuffer(string: "user_count=0&spawn_rate=1"))
            #expect(own.status == .badRequest)
        }
        #expect(await session.hasRun == false)
    }

    /// While the UI listens on loopback, only loopback names are answered (DNS rebinding).
    @Test(arguments: [
        ("127.0.0.1:8089", true), ("localhost:8089", true), ("localhost", true), ("[::1]:8089", true),
        ("evil.example:8089", false), ("127.0.0.1.evil.example", false), ("127.1.2.3", true), ("10.0.0.1:8089", false),
    ])
    func loopbackNames(_ authority: String, _ isLoopback: Bool) {
        #expect(Loopback.contains(authority: authority) == isLoopback)
    }

    @Test func withCredentialsEveryRouteAsksForThem() async throws {
        let credentials = try WebCredentials(parsing: "admin:s3cr:et")
        #expect(credentials.password == "s3cr:et")
        let session = session(try TargetAddress(parsing: "http://127.0.0.1:9"))
        try await app(session, credentials: credentials).test(.router) { client in
            for path in ["/", "/stats/requests", "/stats/requests/csv"] {
                let refused = try await client.execute(uri: path, method: .get)
                #expect(refused.status == .unauthorized)
                #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            }
            let wrong = try await client.execute(
                uri: "/", method: .get, headers: [.authorization: "Basic " + Data("admin:nope".utf8).base64EncodedString()])
            #expect(wrong.status == .unauthorized)
            let page = try await client.execute(
                uri: "/", method: .get, headers: [.authorization: "Basic " + Data("admin:s3cr:et".utf8).base64EncodedString()])
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("<title>ScaleLab load test</title>"))
        }
        #expect(throws: WebCredentialsError.self) { try WebCredentials(parsing: "admin") }
        #expect(throws: WebCredentialsError.self) { try WebCredentials(parsing: ":password") }
    }
}
