import Reporting

/// The `--html FILE` report: one self-contained page (inline SVG, no scripts) with the
/// summary, statistics, percentiles, failures, thresholds, and charts of requests/s,
/// response times and users over time.
public enum HTMLReport {
    public static func rendered(_ report: LoadTestReport) -> String {
        let snapshot = report.statistics
        var page = HTMLDocument(title: "Load test: \(report.scenario) against \(report.host)")
        page.append(.list(report.notes + LoadReportText.warnings(snapshot)))
        page.append(.paragraph(
            "\(NumberFormatting.grouped(Int(snapshot.aggregated.stats.requests))) requests in "
                + "\(DurationText.format(.seconds(snapshot.elapsedSeconds.rounded()))), "
                + "\(NumberFormatting.significant(snapshot.averageRequestsPerSecond)) requests/s on average, "
                + "\(NumberFormatting.significant(snapshot.aggregated.stats.failureRatio * 100))% failed."))
        if !report.thresholds.isEmpty {
            page.append(.heading("Thresholds"))
            page.append(.table(StatsTables.thresholds(report.thresholds)))
        }
        page.append(.heading("Statistics"))
        page.append(.table(StatsTables.statistics(snapshot, title: "Requests")))
        page.append(.table(StatsTables.percentiles(snapshot)))
        if !snapshot.failures.isEmpty {
            page.append(.heading("Failures"))
            page.append(.table(StatsTables.failures(snapshot)))
        }
        if let cluster = report.cluster {
            page.append(.heading("Workers"))
            page.append(.table(StatsTables.workers(cluster)))
        }
        if !snapshot.history.isEmpty {
            page.append(.heading("Over time"))
            for chart in charts(snapshot.history) { page.append(.lineChart(chart)) }
        }
        return page.rendered()
    }

    /// Requests and failures per second, response-time percentiles over the rate window, and
    /// users (or requests in flight) against elapsed seconds.
    static func charts(_ history: [StatsSnapshot.HistoryPoint]) -> [LineChart] {
        func series(_ name: String, _ value: (StatsSnapshot.HistoryPoint) -> Double) -> LineChart.Series {
            LineChart.Series(name: name, points: history.map { LineChart.Point(x: $0.elapsedSeconds, y: value($0)) })
        }
        func percentile(_ percentile: Double) -> LineChart.Series {
            let index = StatsSnapshot.reportedPercentiles.firstIndex(of: percentile)!
            return series("p\(Int(percentile))") { $0.windowPercentilesMilliseconds[index] }
        }
        let window = "last \(StatsCollector.rateWindowSeconds) s"
        return [
            LineChart(
                title: "Requests per second (\(window))", xAxisLabel: "time (s)", yAxisLabel: "per second",
                series: [series("requests/s", \.requestsPerSecond), series("failures/s", \.failuresPerSecond)]),
            LineChart(
                title: "Response times (\(window))", xAxisLabel: "time (s)", yAxisLabel: "ms",
                series: [percentile(50), percentile(95), percentile(99)]),
            LineChart(
                title: "Users", xAxisLabel: "time (s)", yAxisLabel: "users or requests in flight",
                series: [series("users", { Double($0.users) })]),
        ]
    }
}
