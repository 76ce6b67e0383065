import Reporting

/// The conclusions the service section draws from single load runs, which have no spread to
/// check: throughputs must differ by `minimumRatio` to conclude, and are "about the same"
/// only within `sameWithin`; in between, nothing is concluded.
package enum ServiceConclusions {
    package static let minimumRatio = 1.25
    package static let sameWithin = 1.1

    /// The original's store (the list encoded under the lock on every GET) against ScaleLab's.
    package static func store(locked: ServiceRun?, cached: ServiceRun?) -> Conclusion? {
        guard let locked, let cached,
            let comparison = Comparison(locked.requestsPerSecond, cached.requestsPerSecond, minimumRatio: minimumRatio)
        else { return nil }
        let figures = "\(rate(cached.requestsPerSecond)) against \(rate(locked.requestsPerSecond)) requests/s with \(cached.setting.users) users; GET /albums p95 \(ExperimentConclusions.milliseconds(cached.get.p95Milliseconds)) against \(ExperimentConclusions.milliseconds(locked.get.p95Milliseconds))"
        switch comparison {
        case .firstSmaller(let ratio):
            return Conclusion(
                "ScaleLab's cached store served \(NumberFormatting.ratio(ratio)) the requests of the original's locked store under the original workload (\(figures)): encoding the whole list under the lock on every GET is the serial section the original blamed for its ceiling.",
                verdict: .agrees)
        case .secondSmaller(let ratio):
            return Conclusion(
                "the original's locked store served \(NumberFormatting.ratio(ratio)) the requests of ScaleLab's cached store under the original workload (\(figures)), where the original's argument (the list encoded under a lock caps throughput) predicts the opposite.",
                verdict: .disagrees)
        }
    }

    /// The fast client against the standard one at the same load on the same store.
    package static func clients(fast: ServiceRun?, standard: ServiceRun?) -> Conclusion? {
        guard let fast, let standard, fast.requestsPerSecond > 0, standard.requestsPerSecond > 0 else { return nil }
        let figures = "\(rate(fast.requestsPerSecond)) against \(rate(standard.requestsPerSecond)) requests/s with \(fast.setting.users) users on the \(fast.setting.storeName)"
        let ratio = fast.requestsPerSecond / standard.requestsPerSecond
        if max(ratio, 1 / ratio) < sameWithin {
            return Conclusion(
                "The fast and standard clients drove about the same throughput (\(figures)), as in the original, where FastHttpUser gave no gain over HttpUser.",
                verdict: .agrees)
        }
        if ratio >= minimumRatio {
            return Conclusion(
                "the fast client drove \(NumberFormatting.ratio(ratio)) the throughput of the standard one (\(figures)), where the original found FastHttpUser gave no gain over HttpUser.",
                verdict: .disagrees)
        }
        if 1 / ratio >= minimumRatio {
            return Conclusion(
                "The fast client gave no gain: the standard one drove \(NumberFormatting.ratio(1 / ratio)) its throughput (\(figures)), as the original found no gain from FastHttpUser.",
                verdict: .agrees)
        }
        return nil
    }

    static func rate(_ value: Double) -> String {
        NumberFormatting.significant(value)
    }
}
