import Reporting

/// Whether more worker processes raised throughput, from one run with the fewest workers and
/// one with the most: "about the same" within `sameWithin`, a gain from `minimumRatio`,
/// nothing in between.
package enum GeneratorConclusions {
    package static let minimumRatio = 1.25
    package static let sameWithin = 1.1

    package static func workers(fewest: GeneratorRun?, most: GeneratorRun?) -> Conclusion? {
        guard let fewest, let most, fewest.target == most.target, most.workers > fewest.workers,
            fewest.requestsPerSecond > 0, most.requestsPerSecond > 0
        else { return nil }
        let ratio = most.requestsPerSecond / fewest.requestsPerSecond
        let figures = "\(NumberFormatting.significant(most.requestsPerSecond)) against \(NumberFormatting.significant(fewest.requestsPerSecond)) requests/s with \(most.users) users"
        let original = "~\(NumberFormatting.significant(OriginalFigures.Service.fourWorkersRequestsPerSecond)) against ~\(NumberFormatting.significant(OriginalFigures.Service.requestsPerSecond)) requests/s"
        let against = "Against \(most.target.explanation), \(most.workers) worker processes"
        let effect: Effect
        if max(ratio, 1 / ratio) < sameWithin {
            effect = .same
        } else if ratio >= minimumRatio {
            effect = .gain
        } else if 1 / ratio >= minimumRatio {
            effect = .loss
        } else {
            return nil
        }
        switch (most.target, effect) {
        case (.bottleneck, .same):
            return Conclusion(
                "\(against) drove about the same throughput as \(fewest.workers) (\(figures)), as in the original (\(original) with 4 Locust workers and 1): the service, not the generator, set the pace.",
                verdict: .agrees)
        case (.bottleneck, .gain):
            return Conclusion(
                "\(against.prefix(1).lowercased() + against.dropFirst()) drove \(NumberFormatting.ratio(ratio)) the throughput of \(fewest.workers) (\(figures)), where the original found no gain from 4 workers (\(original)).",
                verdict: .disagrees)
        case (.bottleneck, .loss):
            return Conclusion(
                "\(against) drove less throughput than \(fewest.workers) (\(figures)): no gain from more workers, as in the original (\(original)).",
                verdict: .agrees)
        case (.light, .same):
            return Conclusion(
                "\(against) drove about the same throughput as \(fewest.workers) (\(figures)): here too something other than the generator set the pace (on this machine the workers and the service share the cores).",
                verdict: .new)
        case (.light, .gain):
            return Conclusion(
                "\(against) drove \(NumberFormatting.ratio(ratio)) the throughput of \(fewest.workers) (\(figures)): against a light target, the generator was the limit and more workers helped.",
                verdict: .new)
        case (.light, .loss):
            return Conclusion(
                "\(against) drove less throughput than \(fewest.workers) (\(figures)): more workers only added load to the cores the service needs.",
                verdict: .new)
        }
    }

    private enum Effect {
        case same, gain, loss
    }
}
