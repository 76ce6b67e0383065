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
        var printedMentions: String

        var testDescription: String { label }
    }

    static let runs: [Run] = [
        Run(label: "every request succeeds", tasks: #"[{"path": "/albums"}]"#, exitStatus: 0, printedMentions: "0 (0%)"),
        Run(
            label: "requests for a missing album fail",
            tasks: #"[{"path": "/albums"}, {"name": "missing album", "path": "/albums/no-such-album"}]"#,
            exitStatus: 1, printedMentions: "unexpected status 404"),
    ]

    @Test(arguments: runs)
    func exitStatusSaysWhetherRequestsFailed(_ run: Run) async throws {
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-exit-\(UUID()).json").path
        try #"{"users": [{"wait": {"constant": 0.02}, "tasks": \#(run.tasks)}]}"#
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scenario) }
        try await makeApplication(store: classicStore(), logger: quietLogger).test(.live) { client in
            let port = try #require(client.port)
            let load = try ScaleLabProcess([
                "load", "-H", "http://127.0.0.1:\(port)", "-u", "2", "-r", "100", "-t", "1s",
                "--scenario", scenario, "--only-summary",
            ])
            defer { load.stop() }
            let status = try await load.exitStatus(within: .seconds(60))
            #expect(status == .exited(run.exitStatus), "output: \(load.printed)")
            #expect(load.printed.contains(run.printedMentions), "output: \(load.printed)")
        }
    }
}
