import HummingbirdWSClient
import Logging
import Synchronization
import Testing

@testable import LoadTesting

/// Who may open a worker connection on a master's port.
struct MasterConnectionTests {
    /// A browser's WebSocket (browsers send their page's http or https origin) is not taken for
    /// a worker, so a page in a browser on this machine cannot join; a worker's (whose client
    /// sends a ws:// origin) is.
    @Test func aBrowsersWebSocketIsNotTakenForAWorker() async throws {
        let options = ClusterMaster.Options(
            bindHost: "127.0.0.1", bindPort: 0, expectWorkers: 1, expectWorkersMaxWait: .seconds(1), token: nil)
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let upgrades = Atomic<Int>(0)
        try await ClusterMaster.serve(options: options, onListening: { announce.yield($0) }) { _ in
            var announced = ports.makeAsyncIterator()
            let port = try #require(await announced.next())
            let url = "ws://127.0.0.1:\(port)\(ClusterMaster.webSocketPath)"
            await #expect(throws: (any Error).self) {
                try await WebSocketClient.connect(
                    url: url, configuration: .init(additionalHeaders: [.origin: "http://evil.example"]), logger: logger
                ) { _, _, _ in
                    upgrades.add(1, ordering: .relaxed)
                }
            }
            #expect(upgrades.load(ordering: .relaxed) == 0)
            try await WebSocketClient.connect(url: url, logger: logger) { _, _, _ in
                upgrades.add(1, ordering: .relaxed)
            }
            #expect(upgrades.load(ordering: .relaxed) == 1)
        }
    }
}
