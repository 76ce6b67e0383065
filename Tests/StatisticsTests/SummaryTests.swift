import Testing

@testable import Statistics

struct SummaryTests {
    @Test func emptyInputHasNoSummary() {
        #expect(Summary([]) == nil)
    }

    @Test func singleValueHasZeroSpread() throws {
        let summary = try #require(Summary([4.5]))
        #expect(summary.count == 1)
        #expect(summary.min == 4.5)
        #expect(summary.median == 4.5)
        #expect(summary.p95 == 4.5)
        #expect(summary.max == 4.5)
        #expect(summary.mean == 4.5)
        #expect(summary.standardDeviation == 0)
    }

    @Test func oddCountMedianIsTheMiddleValue() throws {
        let summary = try #require(Summary([9, 1, 5, 3, 7]))
        #expect(summary.median == 5)
        #expect(summary.min == 1)
        #expect(summary.max == 9)
    }

    @Test func evenCountMedianIsTheMeanOfTheMiddleTwo() throws {
        let summary = try #require(Summary([4, 1, 3, 2]))
        #expect(summary.median == 2.5)
    }

    @Test func p95UsesTheNearestRank() throws {
        // Nearest rank of 95 % of 20 values is the 19th; of 10 values, the 10th.
        #expect(try #require(Summary((1...20).map(Double.init))).p95 == 19)
        #expect(try #require(Summary((1...10).map(Double.init))).p95 == 10)
        #expect(try #require(Summary((1...100).map(Double.init))).p95 == 95)
    }

    @Test func standardDeviationIsTheSampleDeviation() throws {
        // Mean 5, squared deviations sum to 32; sample variance 32 / 7.
        let summary = try #require(Summary([2, 4, 4, 4, 5, 5, 7, 9]))
        #expect(summary.mean == 5)
        #expect(abs(summary.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
    }

    @Test func scalingMultipliesEveryStatistic() throws {
        let summary = try #require(Summary([0.001, 0.002, 0.003])).scaled(by: 1_000)
        #expect(summary.count == 3)
        #expect(abs(summary.min - 1) < 1e-12)
        #expect(abs(summary.median - 2) < 1e-12)
        #expect(abs(summary.max - 3) < 1e-12)
        #expect(abs(summary.mean - 2) < 1e-12)
        #expect(abs(summary.standardDeviation - 1) < 1e-12)
    }
}
