extension NumberFormatting {
    /// A value as a chart shows it, in value labels and tooltips: three significant digits
    /// without trailing zeros (42, 3.5, 0.0123), thousands grouped (1,200,000).
    static func chartValue(_ value: Double) -> String {
        if value.isFinite, abs(value) >= 1_000, abs(value) < 1e18 {
            return grouped(Int(value.rounded()))
        }
        return significant(value).droppingTrailingFractionZeros()
    }
}

extension String {
    /// "2.50" as "2.5", "3.00" as "3"; text without a decimal point unchanged.
    func droppingTrailingFractionZeros() -> String {
        guard contains(".") else { return self }
        var result = self
        while result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        return result
    }
}
