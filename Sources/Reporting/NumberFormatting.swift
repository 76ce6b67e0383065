import Foundation

/// The number formats ScaleLab's outputs share, so every table reads the same way.
public enum NumberFormatting {
    /// `value` with `digits` significant digits and no exponent: 0.0123, 1.23, 123; larger
    /// values keep all their integer digits (12345).
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        guard value != 0 else { return "0" }
        var magnitude = Int(floor(log10(abs(value))))
        // Rounding can carry into the next power of ten (99.96 -> 100): one decimal fewer then.
        if (abs(value) * pow(10, Double(digits - 1 - magnitude))).rounded() >= pow(10, Double(digits)) {
            magnitude += 1
        }
        let decimals = Swift.max(0, digits - 1 - magnitude)
        return String(format: "%.\(decimals)f", value)
    }

    /// Seconds shown as milliseconds with three significant digits, e.g. "12.3 ms".
    public static func milliseconds(fromSeconds seconds: Double) -> String {
        significant(seconds * 1_000) + " ms"
    }

    /// Seconds shown as nanoseconds with three significant digits, e.g. "215 ns".
    public static func nanoseconds(fromSeconds seconds: Double) -> String {
        significant(seconds * 1_000_000_000) + " ns"
    }

    /// A ratio such as a speed-up, e.g. "23.4x".
    public static func ratio(_ value: Double) -> String {
        significant(value) + "x"
    }

    /// An integer with thousands separators, e.g. "50,000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
