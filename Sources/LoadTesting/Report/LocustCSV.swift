import Foundation
import Reporting

/// The `--csv PREFIX` files, with Locust's exact column headers so scripts written for Locust
/// read them: `PREFIX_stats.csv`, `PREFIX_stats_history.csv`, `PREFIX_failures.csv`.
/// Times are in milliseconds, as Locust's; ScaleLab keeps three decimals instead of rounding.
public enum LocustCSV {
    /// File suffix and contents of each file, e.g. ("_stats.csv", "Type,Name,...").
    public static func files(_ snapshot: StatsSnapshot) -> [(suffix: String, contents: String)] {
        [("_stats.csv", stats(snapshot)), ("_stats_history.csv", history(snapshot)), ("_failures.csv", failures(snapshot))]
    }

    static let percentileHeaders = StatsSnapshot.reportedPercentiles.map { StatsTables.percentileLabel($0) }

    static let statsHeader = [
        "Type", "Name", "Request Count", "Failure Count", "Median Response Time", "Average Response Time",
        "Min Response Time", "Max Response Time", "Average Content Size", "Requests/s", "Failures/s",
    ] + percentileHeaders

    static let historyHeader = ["Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"]
        + percentileHeaders + [
            "Total Request Count", "Total Failure Count", "Total Median Response Time",
            "Total Average Response Time", "Total Min Response Time", "Total Max Response Time",
            "Total Average Content Size",
        ]

    static let failuresHeader = ["Method", "Name", "Error", "Occurrences", "First Seen", "Last Seen"]

    /// `_stats.csv`: one row per request type and an "Aggregated" row; rates over the whole run.
    public static func stats(_ snapshot: StatsSnapshot) -> String {
        var document = CSVDocument(header: statsHeader)
        for row in snapshot.endpoints + [snapshot.aggregated] {
            let stats = row.stats
            document.append([
                stats.method, stats.name, String(stats.requests), String(stats.failures),
                number(stats.percentileMilliseconds(50)), number(stats.meanMilliseconds),
                number(stats.minMilliseconds), number(stats.maxMilliseconds), number(stats.averageContentBytes),
                number(snapshot.averageRequestsPerSecond(of: row)), number(snapshot.averageFailuresPerSecond(of: row)),
            ] + StatsSnapshot.reportedPercentiles.map {
                stats.requests == 0 ? "N/A" : number(stats.percentileMilliseconds($0))
            })
        }
        return document.rendered()
    }

    /// `_stats_history.csv`: one "Aggregated" row per second: current rates (over the last
    /// `StatsCollector.rateWindowSeconds` seconds), and percentiles and totals from the start,
    /// as Locust writes it.
    public static func history(_ snapshot: StatsSnapshot) -> String {
        var document = CSVDocument(header: historyHeader)
        for point in snapshot.history {
            let total = point.total
            let percentiles = total.percentilesMilliseconds.map { total.requests == 0 ? "N/A" : number($0) }
            document.append(
                [String(Int(point.timestamp)), String(point.users), "", EndpointStats.aggregatedName,
                 number(point.requestsPerSecond), number(point.failuresPerSecond)]
                + percentiles + [
                    String(total.requests), String(total.failures), number(total.medianMilliseconds),
                    number(total.meanMilliseconds), number(total.minMilliseconds), number(total.maxMilliseconds),
                    number(total.averageContentBytes),
                ])
        }
        return document.rendered()
    }

    /// `_failures.csv`: occurrences per request type and reason.
    public static func failures(_ snapshot: StatsSnapshot) -> String {
        CSVDocument(header: failuresHeader, rows: snapshot.failures.map {
            [$0.method, $0.name, $0.reason, String($0.occurrences), utc($0.firstSeen), utc($0.lastSeen)]
        }).rendered()
    }

    /// Locust's timestamp form, e.g. "2026-11-28T18:03:19Z".
    private static func utc(_ timestamp: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: timestamp.rounded(.down)))
    }

    private static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.3f", value)
    }
}
