import Statistics
import Testing

@testable import Study

struct ComparisonConclusionsTests {
    private func variant(_ name: String, _ rates: [Double]) throws -> ComparisonConclusions.Variant {
        ComparisonConclusions.Variant(name: name, requestsPerSecond: try #require(Summary(rates)))
    }

    private func conclusion(
        of comparison: ServiceComparison = .engines, mix: ServiceMix? = nil, saturated: Bool = false,
        _ variants: [ComparisonConclusions.Variant]
    ) -> Conclusion? {
        ComparisonConclusions.conclusion(comparison, group: mix, variants: variants, generatorSaturated: saturated)
    }

    @Test func aLeaderWhoseRunsAllLieAboveTheOthersIsNamedWithItsRatios() throws {
        let found = try #require(conclusion(of: .stores, [
            try variant("memory", [3_000, 3_100, 3_200]), try variant("SQLite", [1_400, 1_500, 1_600]),
            try variant("PostgreSQL", [900, 1_000, 1_100]),
        ]))
        #expect(found.verdict == .new)
        #expect(found.text == "Of the stores, memory served the most requests/s (3100/s, medians of 3 runs): 2.07x SQLite's (1500/s) and 3.10x PostgreSQL's (1000/s).")
    }

    /// The same data with the engines swapped flips the conclusion.
    @Test func swappingTheFiguresFlipsTheLeader() throws {
        let eventLoopFirst = try #require(conclusion([try variant("event-loop", [300, 310, 320]), try variant("router", [200, 210, 220])]))
        let routerFirst = try #require(conclusion([try variant("event-loop", [200, 210, 220]), try variant("router", [300, 310, 320])]))
        #expect(eventLoopFirst.text.hasPrefix("Of the engines, event-loop served the most requests/s (310/s"))
        #expect(routerFirst.text.hasPrefix("Of the engines, router served the most requests/s (310/s"))
        #expect(routerFirst.text.hasSuffix("1.48x event-loop's (210/s)."))
    }

    /// Medians 1.3x apart, but one router run reaches the event-loop engine's slowest: no conclusion.
    @Test func overlappingRangesSupportNeitherSide() throws {
        #expect(conclusion([try variant("event-loop", [250, 260, 400]), try variant("router", [190, 200, 260])]) == nil)
    }

    /// A variant the leader does not clearly beat is left out of the sentence.
    @Test func onlyTheClearlyBeatenAreListed() throws {
        let found = try #require(conclusion(of: .maps, mix: .readHeavy, [
            try variant("snapshot", [300, 310, 320]), try variant("mutex", [290, 295, 305]), try variant("rwlock", [200, 205, 210]),
        ]))
        #expect(found.text == "Under the read-heavy (19 reads by id : 1 POST) mix, of the map strategies, snapshot served the most requests/s (310/s, medians of 3 runs): 1.51x rwlock's (205/s).")
    }

    @Test func mediansWithinTenPercentAreAboutTheSame() throws {
        let found = try #require(conclusion(of: .maps, mix: .writeHeavy, [
            try variant("mutex", [100, 104, 108]), try variant("snapshot", [98, 100, 110]),
        ]))
        #expect(found.text.hasPrefix("Under the write-heavy (1 read by id : 3 POSTs) mix, of the map strategies, all served about the same requests/s (100/s to 104/s, medians of 3 runs): behind HTTP"))
    }

    /// A generator at its limit could hide a difference, so "about the same" is not concluded.
    @Test func aSaturatedGeneratorRulesOutAboutTheSame() throws {
        #expect(conclusion(of: .maps, mix: .writeHeavy, saturated: true, [try variant("mutex", [100, 104, 108]), try variant("snapshot", [98, 100, 110])]) == nil)
        #expect(conclusion(saturated: true, [try variant("event-loop", [300, 310, 320]), try variant("router", [200, 210, 220])]) != nil)
    }

    /// Single runs have no spread: a ratio of 1.25x decides, and between 1.1x and 1.25x nothing does.
    @Test func singleRunsNeedTheServiceSectionsRatio() throws {
        #expect(conclusion([try variant("event-loop", [120]), try variant("router", [100])]) == nil)
        let found = try #require(conclusion([try variant("event-loop", [130]), try variant("router", [100])]))
        #expect(found.text == "Of the engines, event-loop served the most requests/s (130/s, one run each): 1.30x router's (100/s).")
    }

    @Test func oneVariantConcludesNothing() throws {
        #expect(conclusion([try variant("event-loop", [300, 310, 320])]) == nil)
    }
}
