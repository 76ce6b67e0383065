import Testing

@testable import Statistics

struct ScalingModelTests {
    private static let levels: [Double] = [1, 2, 4, 8, 16, 32, 64]

    private func observations(lambda: Double, sigma: Double, kappa: Double, noise: [Double] = []) -> [ScalingModel.Observation] {
        let truth = ScalingModel(law: .universalScalability, lambda: lambda, sigma: sigma, kappa: kappa, rSquared: 1)
        return Self.levels.enumerated().map { index, level in
            let factor = noise.isEmpty ? 1 : 1 + noise[index % noise.count]
            return .init(concurrency: level, throughput: truth.throughput(atConcurrency: level) * factor)
        }
    }

    private func expectClose(_ actual: Double, _ expected: Double, relative: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(actual - expected) <= relative * abs(expected), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    }

    @Test func universalScalabilityRecoversExactParameters() throws {
        let model = try ScalingModel(fitting: .universalScalability, to: observations(lambda: 1_000, sigma: 0.05, kappa: 0.001))
        #expect(model.law == .universalScalability)
        expectClose(model.lambda, 1_000, relative: 1e-4)
        expectClose(model.sigma, 0.05, relative: 1e-3)
        expectClose(model.kappa, 0.001, relative: 1e-3)
        #expect(model.rSquared > 0.999_999)
        expectClose(try #require(model.peakConcurrency), (0.95 / 0.001).squareRoot(), relative: 1e-3)
    }

    @Test func amdahlRecoversTheSerialFraction() throws {
        let model = try ScalingModel(fitting: .amdahl, to: observations(lambda: 250, sigma: 0.2, kappa: 0))
        expectClose(model.lambda, 250, relative: 1e-4)
        expectClose(model.sigma, 0.2, relative: 1e-3)
        #expect(model.kappa == 0)
        #expect(model.peakConcurrency == nil)
        expectClose(model.throughput(atConcurrency: 1_000_000), 250 / 0.2, relative: 1e-3)
    }

    @Test func linearScalingHasNoContention() throws {
        let linear = Self.levels.map { ScalingModel.Observation(concurrency: $0, throughput: 40 * $0) }
        let model = try ScalingModel(fitting: .universalScalability, to: linear)
        expectClose(model.lambda, 40, relative: 1e-4)
        #expect(model.sigma < 1e-5)
        #expect(model.kappa < 1e-7)
        #expect(model.rSquared > 0.999_999)
    }

    @Test func noisyDataStillFitsWell() throws {
        let noisy = observations(lambda: 500, sigma: 0.1, kappa: 0.002, noise: [0.03, -0.02, 0.01, -0.03, 0.02])
        let model = try ScalingModel(fitting: .universalScalability, to: noisy)
        #expect(model.rSquared > 0.95 && model.rSquared < 1)
        expectClose(model.lambda, 500, relative: 0.1)
        expectClose(try #require(model.peakConcurrency), (0.9 / 0.002).squareRoot(), relative: 0.25)
        #expect(model.sigma >= 0 && model.kappa >= 0)
    }

    @Test func amdahlFitsRetrogradeDataWorseThanTheUniversalLaw() throws {
        let retrograde = observations(lambda: 100, sigma: 0.02, kappa: 0.005)
        let amdahl = try ScalingModel(fitting: .amdahl, to: retrograde)
        let universal = try ScalingModel(fitting: .universalScalability, to: retrograde)
        #expect(amdahl.rSquared < universal.rSquared)
    }

    @Test func repeatedRunsAtOneLevelAllCount() throws {
        let runs = observations(lambda: 1_000, sigma: 0.05, kappa: 0.001) + observations(lambda: 1_000, sigma: 0.05, kappa: 0.001)
        let model = try ScalingModel(fitting: .universalScalability, to: runs)
        expectClose(model.sigma, 0.05, relative: 1e-3)
    }

    @Test func tooFewLevelsAreRejected() {
        let two = [ScalingModel.Observation(concurrency: 1, throughput: 10), .init(concurrency: 2, throughput: 18), .init(concurrency: 2, throughput: 19)]
        #expect(throws: ScalingModel.FitError.tooFewConcurrencyLevels(found: 2, needed: 3)) {
            try ScalingModel(fitting: .universalScalability, to: two)
        }
        #expect(throws: ScalingModel.FitError.tooFewConcurrencyLevels(found: 0, needed: 2)) {
            try ScalingModel(fitting: .amdahl, to: [])
        }
        #expect(throws: Never.self) { try ScalingModel(fitting: .amdahl, to: two) }
    }

    @Test(arguments: [
        ScalingModel.Observation(concurrency: 0, throughput: 10),
        .init(concurrency: 4, throughput: -1),
        .init(concurrency: .nan, throughput: 10),
        .init(concurrency: 4, throughput: .infinity),
    ])
    func invalidObservationsAreRejected(bad: ScalingModel.Observation) {
        let good = observations(lambda: 10, sigma: 0.1, kappa: 0)
        #expect(throws: ScalingModel.FitError.self) { try ScalingModel(fitting: .universalScalability, to: good + [bad]) }
    }

    @Test func errorsSayWhatToDo() {
        #expect(ScalingModel.FitError.tooFewConcurrencyLevels(found: 2, needed: 3).description.contains("measure more levels"))
        #expect(ScalingModel.FitError.invalidObservation(.init(concurrency: 0, throughput: 1)).description.contains("at least 1"))
    }

    @Test func constantThroughputHasNoNaN() throws {
        let flat = Self.levels.map { ScalingModel.Observation(concurrency: $0, throughput: 70) }
        let model = try ScalingModel(fitting: .universalScalability, to: flat)
        for value in [model.lambda, model.sigma, model.kappa, model.rSquared] { #expect(value.isFinite) }
        expectClose(model.throughput(atConcurrency: 32), 70, relative: 0.05)
    }
}
