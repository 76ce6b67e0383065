import Reporting
import Statistics

/// The conclusion a comparison of the service's map strategies, engines or stores draws for
/// one group of runs (one mix): which variant served the most requests/s and by how much, or
/// that all served about the same.
package enum ComparisonConclusions {
    /// Medians within this factor of each other are "about the same".
    package static let sameWithin = 1.1
    /// Runs of each variant from which min–max ranges decide (with `ExperimentConclusions`'
    /// ratio); with fewer, a single run's ratio must reach `ServiceConclusions.minimumRatio`.
    package static let runsForRanges = 3
    /// The share of a second's CPU above which the generator may have set the limit.
    package static let saturatedGenerator = 0.9

    /// A variant's requests/s over its runs.
    package struct Variant: Sendable {
        package let name: String
        package let requestsPerSecond: Summary

        package init(name: String, requestsPerSecond: Summary) {
            self.name = name
            self.requestsPerSecond = requestsPerSecond
        }
    }

    /// The sentence for one group of `comparison`'s runs, or nil when the runs support neither
    /// a clear winner nor "about the same" (which a saturated generator also rules out: it
    /// would hide differences).
    package static func conclusion(
        _ comparison: ServiceComparison, group: ServiceMix?, variants: [Variant], generatorSaturated: Bool
    ) -> Conclusion? {
        let ranked = variants.sorted { $0.requestsPerSecond.median > $1.requestsPerSecond.median }
        guard let leader = ranked.first, let last = ranked.last, ranked.count >= 2, last.requestsPerSecond.median > 0 else {
            return nil
        }
        let runs = variants.map(\.requestsPerSecond.count).min() ?? 0
        let runsText = runs == 1 ? "one run each" : "medians of \(runs) runs"
        let subject = group.map { "Under the \($0.explanation) mix, of the \(comparison.pluralName)" } ?? "Of the \(comparison.pluralName)"
        if leader.requestsPerSecond.median / last.requestsPerSecond.median < sameWithin {
            guard !generatorSaturated else { return nil }
            return Conclusion(
                "\(subject), all served about the same requests/s (\(rate(last)) to \(rate(leader)), \(runsText)): \(comparison.sameRemark)",
                verdict: .new)
        }
        let minimumRatio = runs >= runsForRanges ? ExperimentConclusions.minimumRatio : ServiceConclusions.minimumRatio
        let beaten: [String] = ranked.dropFirst().compactMap { other in
            let measured = runs >= runsForRanges
                ? Comparison(other.requestsPerSecond, leader.requestsPerSecond, minimumRatio: minimumRatio)
                : Comparison(other.requestsPerSecond.median, leader.requestsPerSecond.median, minimumRatio: minimumRatio)
            guard case .firstSmaller(let ratio) = measured else { return nil }
            return "\(NumberFormatting.ratio(ratio)) \(other.name)'s (\(rate(other)))"
        }
        guard !beaten.isEmpty else { return nil }
        return Conclusion(
            "\(subject), \(leader.name) served the most requests/s (\(rate(leader)), \(runsText)): \(joined(beaten)).",
            verdict: .new)
    }

    /// "a", "a and b", "a, b and c".
    private static func joined(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func rate(_ variant: Variant) -> String {
        NumberFormatting.significant(variant.requestsPerSecond.median) + "/s"
    }
}
