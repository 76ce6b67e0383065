import Reporting
import Statistics

/// The tables a load test prints: statistics (Locust's columns), percentiles, failures.
public enum StatsTables {
    /// Per request type and aggregated: requests, failures, median, p95, p99, average, min,
    /// max (ms), average size, current requests/s and failures/s.
    public static func statistics(_ snapshot: StatsSnapshot, title: String, notes: [String] = []) -> Table {
        var table = Table(
            title: title,
            columns: [
                .init("Type", alignment: .left), .init("Name", alignment: .left), .init("# reqs"),
                .init("# fails"), .init("Med (ms)"), .init("95% (ms)"), .init("99% (ms)"), .init("Avg (ms)"),
                .init("Min (ms)"), .init("Max (ms)"), .init("Avg size (B)"), .init("Current RPS"),
                .init("Current fails/s"),
            ],
            notes: notes
        )
        for row in snapshot.endpoints + [snapshot.aggregated] {
            let stats = row.stats
            let failurePercent = NumberFormatting.significant(stats.failureRatio * 100)
            table.append([
                stats.method, stats.name, NumberFormatting.grouped(Int(stats.requests)),
                "\(NumberFormatting.grouped(Int(stats.failures))) (\(failurePercent)%)",
                milliseconds(stats.percentileMilliseconds(50)), milliseconds(stats.percentileMilliseconds(95)),
                milliseconds(stats.percentileMilliseconds(99)), milliseconds(stats.meanMilliseconds),
                milliseconds(stats.minMilliseconds), milliseconds(stats.maxMilliseconds),
                NumberFormatting.grouped(Int(stats.averageContentBytes.rounded())),
                NumberFormatting.significant(row.currentRequestsPerSecond),
                NumberFormatting.significant(row.currentFailuresPerSecond),
            ])
        }
        return table
    }

    /// Response-time percentiles (ms) per request type and aggregated, from HDR histograms.
    public static func percentiles(_ snapshot: StatsSnapshot, notes: [String] = []) -> Table {
        let labels = StatsSnapshot.reportedPercentiles.map { percentileLabel($0) }
        var table = Table(
            title: "Response time percentiles (ms)",
            columns: [.init("Type", alignment: .left), .init("Name", alignment: .left)]
                + labels.map { .init($0) } + [.init("# reqs")],
            notes: notes
        )
        for row in snapshot.endpoints + [snapshot.aggregated] {
            let stats = row.stats
            table.append(
                [stats.method, stats.name]
                    + StatsSnapshot.reportedPercentiles.map { milliseconds(stats.percentileMilliseconds($0)) }
                    + [NumberFormatting.grouped(Int(stats.requests))])
        }
        return table
    }

    /// Failures grouped by request type and reason, most frequent first.
    public static func failures(_ snapshot: StatsSnapshot) -> Table {
        var table = Table(
            title: "Failures",
            columns: [
                .init("# occurrences"), .init("Type", alignment: .left), .init("Name", alignment: .left),
                .init("Reason", alignment: .left),
            ]
        )
        for failure in snapshot.failures {
            table.append([NumberFormatting.grouped(Int(failure.occurrences)), failure.method, failure.name, failure.reason])
        }
        return table
    }

    /// A distributed run's workers: id, host, state, requests, peak CPU and memory; the notes
    /// list what happened to the cluster and the master's own CPU use.
    public static func workers(_ cluster: ClusterSummary) -> Table {
        var table = Table(
            title: "Workers",
            columns: [
                .init("#"), .init("Id", alignment: .left), .init("Host", alignment: .left), .init("State", alignment: .left),
                .init("# reqs"), .init("Peak CPU"), .init("Peak memory (MiB)"),
            ],
            notes: cluster.events.map { "At \(DurationText.format(.seconds($0.elapsedSeconds.rounded()))): \($0.message)." }
                + [
                    "Master CPU: at most \(NumberFormatting.significant(cluster.masterPeakCPUUse * 100))% of one core in any second; "
                        + "largest statistics message \(NumberFormatting.significant(Double(cluster.largestStatisticsMessageBytes) / 1_024)) KiB."
                ]
        )
        for worker in cluster.workers {
            var state = worker.state
            if let lost = worker.lostAtSeconds {
                state += " at \(DurationText.format(.seconds(lost.rounded())))"
                if let reason = worker.lostReason { state += " (\(reason))" }
            }
            table.append([
                String(worker.index), worker.id, worker.host, state, NumberFormatting.grouped(Int(worker.requests)),
                "\(NumberFormatting.significant(worker.peakCPUUse * 100))%",
                NumberFormatting.significant(Double(worker.peakMemoryBytes) / 1_048_576),
            ])
        }
        return table
    }

    /// Each threshold, its measured value, and whether it held.
    public static func thresholds(_ results: [LoadTestReport.ThresholdResult]) -> Table {
        Table(
            title: "Thresholds",
            columns: [.init("Threshold", alignment: .left), .init("Measured"), .init("Result", alignment: .left)],
            rows: results.map { [$0.threshold, $0.measured, $0.holds ? "ok" : "BROKEN"] }
        )
    }

    /// A percentile as Locust labels it: "50%", "99.9%", "100%".
    public static func percentileLabel(_ percentile: Double) -> String {
        let text = percentile == percentile.rounded() ? String(Int(percentile)) : String(percentile)
        return text + "%"
    }

    private static func milliseconds(_ value: Double) -> String {
        NumberFormatting.significant(value)
    }
}
