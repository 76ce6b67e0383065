import Foundation

/// A linear chart axis over a data range, widened to round ("nice") tick values: steps of
/// 1, 2, 2.5 or 5 times a power of ten, so the ticks read 0, 250, 500 and not 0, 237, 474.
struct AxisScale: Equatable {
    /// The first tick, at or below the smallest value covered.
    let lowerBound: Double
    /// The last tick, at or above the largest value covered.
    let upperBound: Double
    /// The distance between ticks.
    let step: Double

    /// A scale covering `values` (non-finite ones ignored) with about `targetTickCount` ticks.
    ///
    /// With `includingZero` the scale reaches 0, so bars and rates are not exaggerated. No values
    /// give 0...1; a constant `v` gives v ± 10 %.
    init(covering values: some Sequence<Double>, includingZero: Bool, targetTickCount: Int = 5) {
        var lower = Double.infinity
        var upper = -Double.infinity
        for value in values where value.isFinite {
            lower = Swift.min(lower, value)
            upper = Swift.max(upper, value)
        }
        if lower > upper { (lower, upper) = (0, 1) }
        if includingZero {
            lower = Swift.min(lower, 0)
            upper = Swift.max(upper, 0)
        }
        if lower == upper {
            (lower, upper) = lower == 0 ? (0, 1) : (lower - abs(lower) / 10, upper + abs(upper) / 10)
        }
        let step = Self.niceStep(for: (upper - lower) / Double(Swift.max(1, targetTickCount)))
        self.step = step
        // The tolerance keeps floating-point noise (0.5 / 0.1 = 5.000000000000001) from adding a tick.
        self.lowerBound = (lower / step + 1e-9).rounded(.down) * step
        self.upperBound = (upper / step - 1e-9).rounded(.up) * step
    }

    /// The tick values from `lowerBound` to `upperBound`.
    var ticks: [Double] {
        let count = Int(((upperBound - lowerBound) / step).rounded())
        // Computed from integers, not by repeated addition, so 0.1 + 0.2 never shows as 0.30000000000000004;
        // adding 0 turns -0 into 0.
        return (0...count).map { ((lowerBound / step).rounded() + Double($0)) * step + 0 }
    }

    /// Where `value` falls between `start` (at `lowerBound`) and `end` (at `upperBound`).
    func position(of value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lowerBound) / (upperBound - lowerBound) * (end - start)
    }

    /// Tick labels: as many decimals as the step needs, thousands as k, M or G
    /// ("0", "2.5k", "5k"), so every label on the axis reads the same way.
    var tickLabels: [String] {
        let largest = Swift.max(abs(lowerBound), abs(upperBound))
        let (divisor, suffix): (Double, String) =
            largest >= 1e9 ? (1e9, "G") : largest >= 1e6 ? (1e6, "M") : largest >= 1e4 ? (1e3, "k") : (1, "")
        let decimals = Self.decimals(of: step / divisor)
        return ticks.map { tick in
            tick == 0 ? "0" : String(format: "%.\(decimals)f", tick / divisor) + suffix
        }
    }

    private static func niceStep(for roughStep: Double) -> Double {
        let magnitude = pow(10, (log10(roughStep)).rounded(.down))
        let residual = roughStep / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The fewest decimals (at most 12) that show multiples of `step` exactly.
    private static func decimals(of step: Double) -> Int {
        var scaled = step
        for decimals in 0..<12 {
            if abs(scaled - scaled.rounded()) < 1e-9 * Swift.max(1, abs(scaled)) { return decimals }
            scaled *= 10
        }
        return 12
    }
}
