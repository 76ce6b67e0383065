import AlbumService
import LoadTesting
import Testing

@testable import Study

struct ServiceConclusionsTests {
    private func run(_ listEncoding: ListEncoding, _ client: ClientKind, _ requestsPerSecond: Double) -> ServiceRun {
        ServiceRunFixture.run(listEncoding: listEncoding, client: client, requestsPerSecond: requestsPerSecond)
    }

    @Test func theCachedStoreServingMoreAgreesWithTheOriginalsArgument() throws {
        let conclusion = try #require(ServiceConclusions.store(locked: run(.locked, .fast, 164), cached: run(.cached, .fast, 966)))
        #expect(conclusion.verdict == .agrees)
        #expect(conclusion.text.hasPrefix("ScaleLab's cached store served 5.89x the requests of the original's locked store"))
    }

    @Test func theLockedStoreServingMoreDisagrees() throws {
        let conclusion = try #require(ServiceConclusions.store(locked: run(.locked, .fast, 300), cached: run(.cached, .fast, 100)))
        #expect(conclusion.verdict == .disagrees)
        #expect(conclusion.rendered.hasPrefix("This machine disagrees with the original: the original's locked store served 3.00x"))
    }

    @Test func storesWithin25PercentConcludeNothing() {
        #expect(ServiceConclusions.store(locked: run(.locked, .fast, 100), cached: run(.cached, .fast, 120)) == nil)
        #expect(ServiceConclusions.store(locked: nil, cached: run(.cached, .fast, 120)) == nil)
    }

    @Test func clientsAtTheSameThroughputAgreeThatTheFastOneGainsNothing() throws {
        let conclusion = try #require(ServiceConclusions.clients(fast: run(.locked, .fast, 26), standard: run(.locked, .standard, 25)))
        #expect(conclusion.verdict == .agrees)
        #expect(conclusion.text.hasPrefix("The fast and standard clients drove about the same throughput"))
    }

    @Test func aFastClientThatGainsDisagrees() throws {
        let conclusion = try #require(ServiceConclusions.clients(fast: run(.cached, .fast, 966), standard: run(.cached, .standard, 629)))
        #expect(conclusion.verdict == .disagrees)
        #expect(conclusion.rendered.hasPrefix("This machine disagrees with the original: the fast client drove 1.54x the throughput of the standard one"))
    }

    @Test func aStandardClientThatWinsStillMeansNoGain() throws {
        let conclusion = try #require(ServiceConclusions.clients(fast: run(.cached, .fast, 100), standard: run(.cached, .standard, 150)))
        #expect(conclusion.verdict == .agrees)
        #expect(conclusion.text.hasPrefix("The fast client gave no gain: the standard one drove 1.50x its throughput"))
    }

    /// 1.1x to 1.25x apart is neither "the same" nor "a gain".
    @Test func clientsBetweenTheBandsConcludeNothing() {
        #expect(ServiceConclusions.clients(fast: run(.cached, .fast, 120), standard: run(.cached, .standard, 100)) == nil)
        #expect(ServiceConclusions.clients(fast: run(.cached, .fast, 100), standard: run(.cached, .standard, 120)) == nil)
    }
}
