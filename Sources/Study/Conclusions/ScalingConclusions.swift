import Reporting
import Statistics

/// The conclusions the scaling section draws from throughput at rising user counts and the
/// Amdahl and USL fits. A fit that explains less than `minimumRSquared` of the variance is not
/// quoted.
package enum ScalingConclusions {
    package static let minimumRSquared = 0.9
    /// Throughput must change by at least this factor between the fewest and the most users.
    package static let minimumRatio = 1.25
    /// Below this serial fraction, throughput grew almost in proportion to the users.
    package static let nearlyLinearSigma = 0.05

    /// Whether more users raised throughput: the fewest users' run against the most users'.
    /// Each level is one run, so a lone noisy run could fake a trend: nothing is concluded
    /// unless a law fitted to all the runs (`bestFit`) describes them.
    package static func moreUsers(_ observations: [ScalingModel.Observation], bestFit: ScalingModel?) -> Conclusion? {
        guard let bestFit, bestFit.rSquared >= minimumRSquared,
            let fewest = observations.min(by: { $0.concurrency < $1.concurrency }),
            let most = observations.max(by: { $0.concurrency < $1.concurrency }), most.concurrency > fewest.concurrency,
            let comparison = Comparison(fewest.throughput, most.throughput, minimumRatio: minimumRatio)
        else { return nil }
        let figures = "from \(rate(fewest.throughput)) requests/s with \(users(fewest.concurrency)) to \(rate(most.throughput)) with \(users(most.concurrency))"
        switch comparison {
        case .firstSmaller(let ratio):
            return Conclusion("More users raised throughput \(NumberFormatting.ratio(ratio)), \(figures).", verdict: .new)
        case .secondSmaller(let ratio):
            return Conclusion("More users lowered throughput by \(NumberFormatting.ratio(ratio)), \(figures).", verdict: .new)
        }
    }

    /// Amdahl's serial fraction, against the original's argument that a serial section capped
    /// its server.
    package static func serialFraction(amdahl: ScalingModel?) -> Conclusion? {
        guard let amdahl, amdahl.law == .amdahl, amdahl.rSquared >= minimumRSquared else { return nil }
        let fit = "σ = \(NumberFormatting.significant(amdahl.sigma)), R² \(NumberFormatting.significant(amdahl.rSquared))"
        if amdahl.sigma < nearlyLinearSigma {
            return Conclusion(
                "Amdahl's law fits with almost no serial fraction (\(fit)): throughput grew nearly in proportion to the users, so no serial section limited this service at these loads, unlike the original's.",
                verdict: .new)
        }
        return Conclusion(
            "Amdahl's law fits with a serial fraction of \(fit): however many users, throughput stays below 1/σ = \(NumberFormatting.ratio(1 / amdahl.sigma)) one user's, about \(rate(amdahl.lambda / amdahl.sigma)) requests/s. The original argued the same way about its server's serial section.",
            verdict: .agrees)
    }

    /// Where the Universal Scalability Law puts the peak.
    package static func peak(usl: ScalingModel?, measuredUpTo mostUsers: Double) -> Conclusion? {
        guard let usl, usl.law == .universalScalability, usl.rSquared >= minimumRSquared else { return nil }
        let fit = "R² \(NumberFormatting.significant(usl.rSquared)), σ = \(NumberFormatting.significant(usl.sigma)), κ = \(NumberFormatting.significant(usl.kappa))"
        guard let peak = usl.peakConcurrency else {
            return Conclusion(
                "The Universal Scalability Law fits (\(fit)) with no coherency cost: throughput levels off instead of falling as users rise.",
                verdict: .new)
        }
        let atPeak = "about \(users(peak)) (\(rate(usl.throughput(atConcurrency: peak))) requests/s)"
        if peak <= mostUsers {
            return Conclusion(
                "The Universal Scalability Law (\(fit)) puts the peak at \(atPeak): past it, more users lower throughput.",
                verdict: .new)
        }
        return Conclusion(
            "The Universal Scalability Law (\(fit)) puts the peak at \(atPeak), beyond the \(users(mostUsers)) measured: a prediction, not a measurement.",
            verdict: .new)
    }

    private static func rate(_ value: Double) -> String {
        NumberFormatting.significant(value)
    }

    private static func users(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        return rounded == 1 ? "1 user" : "\(NumberFormatting.grouped(rounded)) users"
    }
}
