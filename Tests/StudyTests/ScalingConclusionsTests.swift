import Statistics
import Testing

@testable import Study

/// Each scaling conclusion: data that supports it, data that flips it, and data that supports
/// neither side (then nothing is printed).
struct ScalingConclusionsTests {
    private static let users: [Double] = [1, 2, 4, 8, 16, 32, 64]

    /// Throughput that follows the USL exactly.
    private func following(lambda: Double, sigma: Double, kappa: Double) -> [ScalingModel.Observation] {
        let truth = ScalingModel(law: .universalScalability, lambda: lambda, sigma: sigma, kappa: kappa, rSquared: 1)
        return Self.users.map { .init(concurrency: $0, throughput: truth.throughput(atConcurrency: $0)) }
    }

    /// Throughput that follows neither law: it jumps up and down with the users.
    private let zigzag: [ScalingModel.Observation] = zip(users, [100, 900, 150, 800, 120, 950, 110]).map {
        .init(concurrency: $0, throughput: $1)
    }

    private func bestFit(_ observations: [ScalingModel.Observation]) throws -> ScalingModel {
        try ScalingModel(fitting: .universalScalability, to: observations)
    }

    @Test func moreUsersRaisingThroughputIsSaid() throws {
        let observations = following(lambda: 100, sigma: 0.2, kappa: 0)
        let conclusion = try #require(ScalingConclusions.moreUsers(observations, bestFit: try bestFit(observations)))
        #expect(conclusion.text.hasPrefix("More users raised throughput 4.71x, from 100 requests/s with 1 user to 471 with 64 users."))
    }

    @Test func moreUsersLoweringThroughputIsSaid() throws {
        let falling = Self.users.map { ScalingModel.Observation(concurrency: $0, throughput: 1_000 / $0) }
        let conclusion = try #require(ScalingConclusions.moreUsers(falling, bestFit: try bestFit(falling)))
        #expect(conclusion.text.hasPrefix("More users lowered throughput by 64.0x"))
    }

    @Test func throughputWithin25PercentSaysNothingAboutMoreUsers() throws {
        let flat = Self.users.map { ScalingModel.Observation(concurrency: $0, throughput: 100 + $0 / 4) }
        #expect(ScalingConclusions.moreUsers(flat, bestFit: try bestFit(flat)) == nil)
        let one = [ScalingModel.Observation(concurrency: 4, throughput: 100)]
        #expect(ScalingConclusions.moreUsers(one, bestFit: nil) == nil)
    }

    /// 1 user at 100 requests/s and 64 at 300, with wild swings between: no law describes the
    /// runs, so the 3x between the ends is not taken as a trend.
    @Test func irregularRunsSayNothingAboutMoreUsers() throws {
        let swinging = zip(Self.users, [100.0, 900, 150, 800, 120, 950, 300]).map {
            ScalingModel.Observation(concurrency: $0, throughput: $1)
        }
        #expect(try bestFit(swinging).rSquared < ScalingConclusions.minimumRSquared)
        #expect(ScalingConclusions.moreUsers(swinging, bestFit: try bestFit(swinging)) == nil)
    }

    @Test func aClearSerialFractionAgreesWithTheOriginalsArgument() throws {
        let amdahl = try ScalingModel(fitting: .amdahl, to: following(lambda: 100, sigma: 0.25, kappa: 0))
        let conclusion = try #require(ScalingConclusions.serialFraction(amdahl: amdahl))
        #expect(conclusion.verdict == .agrees)
        #expect(conclusion.text.hasPrefix("Amdahl's law fits with a serial fraction of σ = 0.250, R² 1.00: however many users, throughput stays below 1/σ = 4.00x one user's, about 400 requests/s."))
    }

    @Test func nearlyLinearScalingSaysNoSerialSectionLimitedIt() throws {
        let amdahl = try ScalingModel(fitting: .amdahl, to: following(lambda: 100, sigma: 0.01, kappa: 0))
        let conclusion = try #require(ScalingConclusions.serialFraction(amdahl: amdahl))
        #expect(conclusion.verdict == .new)
        #expect(conclusion.text.hasPrefix("Amdahl's law fits with almost no serial fraction"))
    }

    @Test func aPoorFitIsNeverQuoted() throws {
        let amdahl = try ScalingModel(fitting: .amdahl, to: zigzag)
        let usl = try ScalingModel(fitting: .universalScalability, to: zigzag)
        #expect(amdahl.rSquared < ScalingConclusions.minimumRSquared)
        #expect(usl.rSquared < ScalingConclusions.minimumRSquared)
        #expect(ScalingConclusions.serialFraction(amdahl: amdahl) == nil)
        #expect(ScalingConclusions.peak(usl: usl, measuredUpTo: 64) == nil)
    }

    @Test func aPeakWithinTheMeasuredUsersIsWhereMoreUsersStartToHurt() throws {
        // Peak at √((1 − 0.05) / 0.002) ≈ 21.8 users.
        let usl = try ScalingModel(fitting: .universalScalability, to: following(lambda: 100, sigma: 0.05, kappa: 0.002))
        let conclusion = try #require(ScalingConclusions.peak(usl: usl, measuredUpTo: 64))
        #expect(conclusion.text.contains("puts the peak at about 22 users"))
        #expect(conclusion.text.hasSuffix("past it, more users lower throughput."))
    }

    @Test func aPeakBeyondTheMeasuredUsersIsOnlyAPrediction() throws {
        // Peak at √(0.95 / 0.00001) ≈ 308 users.
        let usl = try ScalingModel(fitting: .universalScalability, to: following(lambda: 100, sigma: 0.05, kappa: 0.000_01))
        let conclusion = try #require(ScalingConclusions.peak(usl: usl, measuredUpTo: 64))
        #expect(conclusion.text.contains("beyond the 64 users measured: a prediction, not a measurement."))
    }

    @Test func noCoherencyCostMeansThroughputLevelsOff() throws {
        let usl = ScalingModel(law: .universalScalability, lambda: 100, sigma: 0.2, kappa: 0, rSquared: 0.99)
        let conclusion = try #require(ScalingConclusions.peak(usl: usl, measuredUpTo: 64))
        #expect(conclusion.text.hasSuffix("with no coherency cost: throughput levels off instead of falling as users rise."))
    }
}
