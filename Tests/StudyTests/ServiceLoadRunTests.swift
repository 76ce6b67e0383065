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
        let setting = ServiceSetting(listEncoding: listEncoding, client: .fast, users: 2)
        let run = try await ServiceLoadRun(setting: setting, spawnRate: 100, seconds: 1).run()
        #expect(run.setting == setting)
        #expect(run.failures == 0)
        #expect(run.list.requests + run.create.requests > 0)
        #expect(run.albumsAtEnd == 3 + Int(run.create.requests))
        #expect(run.list.requests == 0 || run.list.averageBytes > 0)
        #expect(run.seconds.allSatisfy { $0.albums >= 3 && $0.albums <= run.albumsAtEnd })
    }
}
