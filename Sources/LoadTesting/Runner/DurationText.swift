import Foundation

/// Durations written as Locust writes them: "30s", "5m", "1h30m", "1h20m30s", "250ms", or a
/// bare number of seconds ("20", "0.5").
public enum DurationText {
    /// Parses `text`; nil when it is not a duration.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let seconds = Double(trimmed) {
            return seconds >= 0 && seconds.isFinite ? .seconds(seconds) : nil
        }
        var total = Duration.zero
        var number = ""
        var index = trimmed.startIndex
        var lastUnitRank = Int.max
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if character.isNumber || character == "." {
                number.append(character)
                index = trimmed.index(after: index)
                continue
            }
            let rest = trimmed[index...]
            let unit: (text: String, seconds: Double, rank: Int)
            if rest.hasPrefix("ms") {
                unit = ("ms", 0.001, 0)
            } else if character == "h" {
                unit = ("h", 3_600, 3)
            } else if character == "m" {
                unit = ("m", 60, 2)
            } else if character == "s" {
                unit = ("s", 1, 1)
            } else {
                return nil
            }
            guard let value = Double(number), unit.rank < lastUnitRank else { return nil }
            total += .seconds(value * unit.seconds)
            lastUnitRank = unit.rank
            number = ""
            index = trimmed.index(index, offsetBy: unit.text.count)
        }
        return number.isEmpty ? total : nil
    }

    /// A short form for reports: "30s", "5m", "1h30m", "0.25s".
    public static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        if seconds == 0 { return "0s" }
        guard seconds == seconds.rounded(), seconds >= 1 else { return "\(seconds)s" }
        var rest = Int(seconds)
        var text = ""
        if rest >= 3_600 { text += "\(rest / 3_600)h"; rest %= 3_600 }
        if rest >= 60 { text += "\(rest / 60)m"; rest %= 60 }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}
