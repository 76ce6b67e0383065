import Statistics
import Testing

@testable import Study

struct ComparisonTests {
    private func runs(_ values: Double...) -> Summary { Summary(values)! }

    @Test func theFirstIsSmallerWhenAllItsRunsAreBelowTheOthers() {
        let comparison = Comparison(runs(9, 10, 11), runs(19, 20, 25), minimumRatio: 1.1)
        #expect(comparison == .firstSmaller(ratio: 2))
    }

    @Test func theSecondIsSmallerTheOtherWayRound() {
        #expect(Comparison(runs(19, 20, 25), runs(9, 10, 11), minimumRatio: 1.1) == .secondSmaller(ratio: 2))
    }

    /// Medians twice apart, but one slow run of the faster side reaches into the other's range.
    @Test func overlappingRunsSupportNeitherSide() {
        #expect(Comparison(runs(9, 10, 21), runs(19, 20, 25), minimumRatio: 1.1) == nil)
    }

    @Test func aDifferenceBelowTheMinimumRatioSupportsNeitherSide() {
        #expect(Comparison(runs(10, 10, 10), runs(10.5, 10.5, 10.5), minimumRatio: 1.1) == nil)
        #expect(Comparison(100, 120, minimumRatio: 1.25) == nil)
        #expect(Comparison(100, 125, minimumRatio: 1.25) == .firstSmaller(ratio: 1.25))
    }

    @Test func aZeroMedianIsNeverCompared() {
        #expect(Comparison(0, 10, minimumRatio: 1.1) == nil)
    }
}
