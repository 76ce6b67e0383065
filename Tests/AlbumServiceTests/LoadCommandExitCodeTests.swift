import AlbumService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `scalelab load`, run as a child process against the album service in this process, exits 1
/// when some requests failed and 0 when none did.
struct LoadCommandExitCodeTests {
    /// A load run: the scenario's tasks and what the process must end with.
    struct Run: CustomTestStringConvertible, Sendable {
        var label: String
        var tasks: String
        var exitStatus: Int32
        var hasFailures: Bool

        var testDescription: String { label }
    }

    static let runs: [Run] = [
        Run(label: "every request succeeds", tasks: #"[{"path": "/albums"}]"#, exitStatus: 0, hasFailures: false),
        Run(
            label: "requests for a missing album fail",
            tasks: #"[{"path": "/albums"}, {"name": "missing album", "path": "/albums/no-such-album"}]"#,
            exitStatus: 1, hasFailures: true),
    ]

    /// The aggregated request and failure counts of a `--json` report.
    private struct Counts: Decodable {
        struct Statistics: Decodable {
            struct Aggregated: Decodable {
                struct Stats: Decodable {
                    let requests: Int
                    let failures: Int
                }
                let stats: Stats
            }
            let aggregated: Aggregated
        }
        let statistics: Statistics
    }

    @Test(arguments: runs)
    func exitStatusSaysWhetherRequestsFailed(_ run: Run) async throws {
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-exit-\(UUID()).json").path
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-exit-report-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        try #"{"users": [{"wait": {"constant": 0.02}, "tasks": \#(run.tasks)}]}"#
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scenario) }
        try await makeApplication(store: classicStore(), logger: quietLogger).test(.live) { client in
            let port = try #require(client.port)
            let load = try ScaleLabProcess([
                // 2 s, and requests in flight at the end may finish: on a busy machine the first
                // responses can take a second.
                "load", "--headless", "-H", "http://127.0.0.1:\(port)", "-u", "2", "-r", "100", "-t", "2s", "--stop-timeout", "10s",
                "--scenario", scenario, "--only-summary", "--json", report,
            ])
            defer { load.stop() }
            let status = try await load.exitStatus(within: .seconds(60))
            #expect(status == .exited(run.exitStatus), "output: \(load.printed)")
            let counts = try JSONDecoder().decode(Counts.self, from: Data(contentsOf: URL(fileURLWithPath: report)))
            #expect(counts.statistics.aggregated.stats.requests > 0)
            #expect((counts.statistics.aggregated.stats.failures > 0) == run.hasFailures)
            #expect(load.printed.contains("unexpected status 404") == run.hasFailures)
        }
    }
}
