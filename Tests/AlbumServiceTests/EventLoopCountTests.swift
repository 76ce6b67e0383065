import AlbumService
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `AlbumServerConfiguration.eventLoopCount`, `scalelab serve --event-loops`: how many event
/// loops accept and serve connections.
struct EventLoopCountTests {
    @Test(arguments: ServerEngine.allCases, [1, 3])
    func theServerRunsOnTheConfiguredNumberOfLoops(_ engine: ServerEngine, loopCount: Int) async throws {
        let application = makeApplication(
            configuration: AlbumServerConfiguration(engine: engine, eventLoopCount: loopCount), store: classicStore(),
            logger: quietLogger)
        #expect(Array(application.eventLoopGroup.makeIterator()).count == loopCount)
        try await application.test(.live) { client in
            let response = try await client.execute(uri: "/albums/2", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test func byDefaultThereAreHalfAsManyLoopsAgainAsCores() {
        #expect(AlbumServerConfiguration().eventLoopCount == System.coreCount * 3 / 2)
    }

    @Test func serveRefusesZeroLoops() async throws {
        let serve = try ScaleLabProcess(["serve", "--port", "0", "--event-loops", "0"])
        defer { serve.stop() }
        #expect(try await serve.exitStatus(within: .seconds(60)) == .exited(64))
        #expect(serve.printed.contains("--event-loops must be from 1 to 1024 (got 0)"), "output: \(serve.printed)")
    }
}
