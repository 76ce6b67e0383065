import Statistics

/// Which of two measured quantities is smaller, when the measurements say so clearly: the
/// smaller one's runs all lie below the other's (no overlap of min–max ranges) and the medians
/// differ by at least `minimumRatio`. Otherwise the runs support neither side and there is no
/// comparison, so no conclusion is drawn from them.
package enum Comparison: Equatable, Sendable {
    /// The first is smaller; `ratio` is the second's median over the first's (above 1).
    case firstSmaller(ratio: Double)
    /// The second is smaller; `ratio` is the first's median over the second's (above 1).
    case secondSmaller(ratio: Double)

    /// Compares two quantities measured over repeated runs; nil when they do not differ clearly.
    package init?(_ first: Summary, _ second: Summary, minimumRatio: Double) {
        guard first.median > 0, second.median > 0 else { return nil }
        if first.max < second.min, second.median / first.median >= minimumRatio {
            self = .firstSmaller(ratio: second.median / first.median)
        } else if second.max < first.min, first.median / second.median >= minimumRatio {
            self = .secondSmaller(ratio: first.median / second.median)
        } else {
            return nil
        }
    }

    /// Compares two single measurements (one load run each), which have no spread to check:
    /// only the ratio decides.
    package init?(_ first: Double, _ second: Double, minimumRatio: Double) {
        guard let first = Summary([first]), let second = Summary([second]) else { return nil }
        self.init(first, second, minimumRatio: minimumRatio)
    }
}
