import Testing

@testable import Study

/// Whether more workers helped: data that supports each side against each target, and data
/// that supports neither (then nothing is printed).
struct GeneratorConclusionsTests {
    private func run(_ target: GeneratorTarget, workers: Int, _ requestsPerSecond: Double) -> GeneratorRun {
        GeneratorRun(
            target: target, workers: workers, users: 50, requestsPerSecond: requestsPerSecond, failures: 0,
            workerPeakCPUUse: Array(repeating: 0.3, count: workers), masterPeakCPUUse: 0.9, stoppedWorkers: 0)
    }

    @Test func noGainAgainstTheBottleneckAgreesWithTheOriginal() throws {
        let conclusion = try #require(GeneratorConclusions.workers(fewest: run(.bottleneck, workers: 1, 26), most: run(.bottleneck, workers: 4, 25)))
        #expect(conclusion.verdict == .agrees)
        #expect(conclusion.text.hasPrefix("Against the original's store under the original workload (the bottleneck), 4 worker processes drove about the same throughput as 1 (25.0 against 26.0 requests/s with 50 users), as in the original"))
        let lower = try #require(GeneratorConclusions.workers(fewest: run(.bottleneck, workers: 1, 30), most: run(.bottleneck, workers: 4, 20)))
        #expect(lower.verdict == .agrees)
        #expect(lower.text.contains("drove less throughput than 1"))
    }

    @Test func aGainAgainstTheBottleneckDisagrees() throws {
        let conclusion = try #require(GeneratorConclusions.workers(fewest: run(.bottleneck, workers: 1, 26), most: run(.bottleneck, workers: 4, 80)))
        #expect(conclusion.verdict == .disagrees)
        #expect(conclusion.rendered.hasPrefix("This machine disagrees with the original: against the original's store under the original workload (the bottleneck), 4 worker processes drove 3.08x the throughput of 1"))
    }

    @Test func againstALightTargetAGainShowsTheGeneratorWasTheLimit() throws {
        let gain = try #require(GeneratorConclusions.workers(fewest: run(.light, workers: 1, 1_000), most: run(.light, workers: 4, 3_000)))
        #expect(gain.verdict == .new)
        #expect(gain.text.hasSuffix("against a light target, the generator was the limit and more workers helped."))
        let same = try #require(GeneratorConclusions.workers(fewest: run(.light, workers: 1, 1_000), most: run(.light, workers: 4, 1_050)))
        #expect(same.text.contains("about the same throughput as 1"))
    }

    @Test func between1_1xAnd1_25xOrAcrossTargetsNothingIsConcluded() {
        #expect(GeneratorConclusions.workers(fewest: run(.bottleneck, workers: 1, 100), most: run(.bottleneck, workers: 4, 115)) == nil)
        #expect(GeneratorConclusions.workers(fewest: run(.light, workers: 1, 115), most: run(.light, workers: 4, 100)) == nil)
        #expect(GeneratorConclusions.workers(fewest: run(.light, workers: 1, 100), most: run(.bottleneck, workers: 4, 300)) == nil)
        #expect(GeneratorConclusions.workers(fewest: nil, most: run(.light, workers: 4, 300)) == nil)
    }
}
