import AlbumService
import LoadTesting
import Testing

@testable import Study

/// The original workload against the in-process service, at a small size.
struct ServiceLoadRunTests {
    /// Every POST the generator counted is an album the store holds, and nothing failed. (How
    /// many requests fit in the 1 s run depends on the machine; the first one always starts, and
    /// requests in flight at the end may finish.)
    @Test(arguments: [ListEncoding.locked, .cached])
    func aRunCountsWhatTheServiceStored(listEncoding: ListEncoding) async throws {
        let load = ServiceLoadRun(listEncoding: listEncoding, client: .fast, users: 2, spawnRate: 100, seconds: 1)
        let run = try await load.run()
        #expect(run.setting == ServiceSetting(scenario: .albums, listEncoding: listEncoding, client: .fast, users: 2))
        #expect(run.failures == 0)
        #expect(run.get.requests + run.post.requests > 0)
        #expect(run.albumsAtEnd == 3 + Int(run.post.requests))
        #expect(run.get.requests == 0 || run.get.averageBytes > 0)
        #expect(run.seconds.allSatisfy { $0.albums >= 3 && $0.albums <= run.albumsAtEnd })
    }

    /// The scaling section's workload: reads by id, whose answers stay one album long.
    @Test func readsByIDReturnOneAlbumEach() async throws {
        let run = try await ServiceLoadRun(
            scenario: .albumsByID, listEncoding: .cached, client: .fast, users: 2, spawnRate: 100, seconds: 1
        ).run()
        #expect(run.setting.slug == "albums-by-id-cached-fast-2u")
        #expect(run.failures == 0)
        #expect(run.albumsAtEnd == 3 + Int(run.post.requests))
        #expect(run.get.requests == 0 || run.get.averageBytes < 200)
    }
}

/// The comparisons' settings reach the service: a SQLite file, the router engine, a map strategy.
struct ComparisonLoadRunTests {
    @Test func aSQLiteRunStoresEveryAcknowledgedAlbum() async throws {
        let run = try await ServiceLoadRun(
            scenario: .albumsByID, store: .sqlite, users: 2, spawnRate: 100, seconds: 1
        ).run()
        #expect(run.setting.store == .sqlite)
        #expect(run.failures == 0)
        #expect(run.albumsAtEnd == 3 + Int(run.post.requests))
    }

    @Test func theRouterEngineAndAMapStrategyServeTheWriteHeavyMix() async throws {
        let run = try await ServiceLoadRun(
            scenario: ServiceMix.writeHeavy.scenario, strategy: .sharded, engine: .router, users: 2, spawnRate: 100, seconds: 1
        ).run()
        #expect(run.setting.scenario == "albums-by-id-1-to-3")
        #expect(run.setting.engine == .router && run.setting.strategy == .sharded)
        #expect(run.failures == 0)
        #expect(run.albumsAtEnd == 3 + Int(run.post.requests))
    }

    @Test func aPostgreSQLRunWithoutADatabaseFailsWithWhatToPass() async throws {
        await #expect(throws: StudyError.noPostgres) {
            try await ServiceLoadRun(scenario: .albumsByID, store: .postgres, users: 1, spawnRate: 10, seconds: 1).run()
        }
    }
}
