import Testing

@testable import Reporting

struct AxisScaleTests {
    @Test func roundsTheRangeOutToNiceTicks() {
        let scale = AxisScale(covering: [3, 97], includingZero: true)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
        #expect(scale.tickLabels == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func usesStepsOfOneTwoTwoAndAHalfOrFive() {
        #expect(AxisScale(covering: [0, 1], includingZero: true).step == 0.2)
        #expect(AxisScale(covering: [0, 12], includingZero: true).step == 2.5)
        #expect(AxisScale(covering: [0, 23], includingZero: true).step == 5)
        #expect(AxisScale(covering: [0, 7_000], includingZero: true).step == 2_000)
    }

    @Test func tickLabelsHaveNoFloatingPointNoise() {
        let scale = AxisScale(covering: [0, 0.5], includingZero: true)
        #expect(scale.tickLabels == ["0", "0.1", "0.2", "0.3", "0.4", "0.5"])
    }

    @Test func largeTicksUseThousandsSuffixes() {
        #expect(AxisScale(covering: [0, 12_000], includingZero: true).tickLabels == ["0", "2.5k", "5.0k", "7.5k", "10.0k", "12.5k"])
        #expect(AxisScale(covering: [0, 3_000_000], includingZero: true).tickLabels.last == "3M")
        #expect(AxisScale(covering: [0, 4e9], includingZero: true).tickLabels.last == "4G")
    }

    @Test func withoutZeroTheScaleHugsTheData() {
        let scale = AxisScale(covering: [1_003, 1_047], includingZero: false)
        #expect(scale.lowerBound == 1_000)
        #expect(scale.upperBound == 1_050)
    }

    @Test func emptyAndConstantDataStillGiveARange() {
        #expect(AxisScale(covering: [], includingZero: true).ticks.first == 0)
        #expect(AxisScale(covering: [], includingZero: true).upperBound == 1)
        #expect(AxisScale(covering: [Double.nan, .infinity], includingZero: false).upperBound == 1)
        let constant = AxisScale(covering: [50, 50], includingZero: false)
        #expect(constant.lowerBound < 50 && constant.upperBound > 50)
        #expect(AxisScale(covering: [0, 0], includingZero: false).upperBound == 1)
    }

    @Test func negativeValuesReachBelowZero() {
        let scale = AxisScale(covering: [-30, 70], includingZero: true)
        #expect(scale.lowerBound == -40)
        #expect(scale.upperBound == 80)
        #expect(scale.ticks.contains(0))
    }

    @Test func positionsMapLinearly() {
        let scale = AxisScale(covering: [0, 100], includingZero: true)
        #expect(scale.position(of: 50, from: 10, to: 110) == 60)
        #expect(scale.position(of: 0, from: 300, to: 100) == 300)
    }
}
