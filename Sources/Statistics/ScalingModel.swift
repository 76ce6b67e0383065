/// How throughput grows with concurrency, fitted to measurements: Amdahl's law or Gunther's
/// Universal Scalability Law (USL),
///
///     X(N) = λ N / (1 + σ (N − 1) + κ N (N − 1))
///
/// where λ is the throughput of one worker without interference, σ the contention (the share
/// of work that serializes; Amdahl's serial fraction) and κ the coherency cost (the crosstalk
/// that makes throughput fall past a peak; 0 under Amdahl's law).
///
/// The fit minimizes the squared error of the throughput itself: for each (σ, κ) the best λ has
/// a closed form, and (σ, κ) ≥ 0 is searched with Nelder–Mead from several starting points.
public struct ScalingModel: Sendable, Codable, Equatable {
    /// The law a model follows.
    public enum Law: String, Sendable, Codable {
        /// κ = 0: throughput approaches λ / σ and never falls.
        case amdahl
        /// σ and κ: throughput peaks, then falls when coherency costs dominate.
        case universalScalability
    }

    /// One measurement: a concurrency level (users, threads, tasks) and the throughput seen there.
    public struct Observation: Sendable, Codable, Equatable {
        public var concurrency: Double
        public var throughput: Double

        public init(concurrency: Double, throughput: Double) {
            self.concurrency = concurrency
            self.throughput = throughput
        }
    }

    /// Why a model could not be fitted.
    public enum FitError: Error, Equatable, CustomStringConvertible {
        /// Fewer distinct concurrency levels than the law has parameters.
        case tooFewConcurrencyLevels(found: Int, needed: Int)
        /// A concurrency below 1 or a negative throughput, NaN or infinity.
        case invalidObservation(Observation)

        public var description: String {
            switch self {
            case .tooFewConcurrencyLevels(let found, let needed):
                "Fitting needs measurements at \(needed) or more different concurrency levels, got \(found); measure more levels."
            case .invalidObservation(let observation):
                "Cannot fit concurrency \(observation.concurrency) with throughput \(observation.throughput): "
                    + "concurrency must be at least 1 and throughput a finite number of at least 0."
            }
        }
    }

    public let law: Law
    /// λ: the throughput of a single worker without contention (throughput units per worker).
    public let lambda: Double
    /// σ: contention, the serialized share of the work (0 scales linearly).
    public let sigma: Double
    /// κ: coherency cost (0 under Amdahl's law).
    public let kappa: Double
    /// The coefficient of determination of the fit: 1 is perfect, 0 no better than the mean.
    public let rSquared: Double

    public init(law: Law, lambda: Double, sigma: Double, kappa: Double, rSquared: Double) {
        self.law = law
        self.lambda = lambda
        self.sigma = sigma
        self.kappa = kappa
        self.rSquared = rSquared
    }

    /// Fits `law` to `observations` by least squares on throughput.
    ///
    /// Needs two different concurrency levels for Amdahl's law and three for the USL; repeated
    /// measurements at one level are welcome and all count.
    public init(fitting law: Law, to observations: [Observation]) throws(FitError) {
        if let invalid = observations.first(where: {
            !($0.concurrency.isFinite && $0.concurrency >= 1 && $0.throughput.isFinite && $0.throughput >= 0)
        }) {
            throw .invalidObservation(invalid)
        }
        let levels = Set(observations.map(\.concurrency)).count
        let needed = law == .amdahl ? 2 : 3
        guard levels >= needed else { throw .tooFewConcurrencyLevels(found: levels, needed: needed) }

        let problem = FitProblem(observations: observations)
        let dimensions = law == .amdahl ? 1 : 2
        // Parameters are searched as square roots, so σ and κ stay at or above 0.
        let starts: [[Double]] = [0, 0.01, 0.1, 0.5].flatMap { sigma in
            (law == .amdahl ? [0] : [0, 1e-4, 1e-2]).map { kappa in
                Array([sigma.squareRoot(), kappa.squareRoot()].prefix(dimensions))
            }
        }
        let best = starts.map { start in
            NelderMead.minimize(start: start) { problem.squaredError(Self.parameters(from: $0)) }
        }.min { problem.squaredError(Self.parameters(from: $0)) < problem.squaredError(Self.parameters(from: $1)) } ?? [0]
        let (sigma, kappa) = Self.parameters(from: best)
        self.init(
            law: law, lambda: problem.bestLambda(sigma: sigma, kappa: kappa), sigma: sigma, kappa: kappa,
            rSquared: problem.rSquared(sigma: sigma, kappa: kappa)
        )
    }

    /// The throughput the model predicts at `concurrency`.
    public func throughput(atConcurrency concurrency: Double) -> Double {
        lambda * FitProblem.shape(concurrency, sigma: sigma, kappa: kappa)
    }

    /// The concurrency where throughput peaks, √((1 − σ) / κ); nil when it never peaks (κ = 0
    /// or σ ≥ 1).
    public var peakConcurrency: Double? {
        guard kappa > 0, sigma < 1 else { return nil }
        return ((1 - sigma) / kappa).squareRoot()
    }

    private static func parameters(from point: [Double]) -> (sigma: Double, kappa: Double) {
        (point[0] * point[0], point.count > 1 ? point[1] * point[1] : 0)
    }
}

/// The least-squares problem behind a fit: observations and the error of a candidate (σ, κ).
private struct FitProblem {
    let observations: [ScalingModel.Observation]

    /// X(N) / λ.
    static func shape(_ concurrency: Double, sigma: Double, kappa: Double) -> Double {
        concurrency / (1 + sigma * (concurrency - 1) + kappa * concurrency * (concurrency - 1))
    }

    /// The λ minimizing the squared error for fixed σ and κ: Σ X g / Σ g².
    func bestLambda(sigma: Double, kappa: Double) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        for observation in observations {
            let shape = Self.shape(observation.concurrency, sigma: sigma, kappa: kappa)
            numerator += observation.throughput * shape
            denominator += shape * shape
        }
        return denominator > 0 ? numerator / denominator : 0
    }

    func squaredError(_ parameters: (sigma: Double, kappa: Double)) -> Double {
        let lambda = bestLambda(sigma: parameters.sigma, kappa: parameters.kappa)
        return observations.reduce(0) { sum, observation in
            let residual = observation.throughput - lambda * Self.shape(observation.concurrency, sigma: parameters.sigma, kappa: parameters.kappa)
            return sum + residual * residual
        }
    }

    func rSquared(sigma: Double, kappa: Double) -> Double {
        let mean = observations.reduce(0) { $0 + $1.throughput } / Double(observations.count)
        let total = observations.reduce(0) { $0 + ($1.throughput - mean) * ($1.throughput - mean) }
        let residual = squaredError((sigma, kappa))
        guard total > 0 else { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }
}
