import Reporting

/// The text the CLI prints: the live table during the run and the final report.
public enum LoadReportText {
    /// Generator CPU use above this share of its threads makes results suspect.
    public static let cpuWarningLevel = 0.9

    /// The table shown every 2 s, titled with elapsed and total time (nil: until stopped) and
    /// users spawned (or requests in flight in the open model).
    public static func live(_ snapshot: StatsSnapshot, runTime: Duration?, shape: LoadShape) -> String {
        let elapsed = DurationText.format(.seconds(snapshot.elapsedSeconds.rounded()))
        var notes: [String] = []
        if let last = snapshot.history.last, last.generatorCPUUse > cpuWarningLevel {
            notes.append(cpuWarning(last.generatorCPUUse))
        }
        let progress = switch shape {
        case .closed(let users, _): "\(snapshot.users) of \(users) users spawned"
        case .open(let rate, _): "\(snapshot.users) requests in flight, arrival rate \(NumberFormatting.significant(rate))/s, \(snapshot.lateStarts) late starts"
        }
        let total = runTime.map { "of \(DurationText.format($0))" } ?? "(until stopped)"
        let title = "\(elapsed) \(total), \(progress)"
        return "\n" + StatsTables.statistics(snapshot, title: title, notes: notes).renderedAsText()
    }

    /// Final statistics, percentiles, failures, thresholds and warnings.
    public static func final(_ report: LoadTestReport) -> String {
        let snapshot = report.statistics
        let notes = report.notes + warnings(snapshot)
        var parts = [
            StatsTables.statistics(
                snapshot, title: "Final statistics after \(DurationText.format(.seconds(snapshot.elapsedSeconds.rounded())))",
                notes: ["Average over the run: \(NumberFormatting.significant(snapshot.averageRequestsPerSecond)) requests/s."]
            ).renderedAsText(),
            StatsTables.percentiles(snapshot, notes: notes).renderedAsText(),
        ]
        if !snapshot.failures.isEmpty { parts.append(StatsTables.failures(snapshot).renderedAsText()) }
        if !report.thresholds.isEmpty { parts.append(StatsTables.thresholds(report.thresholds).renderedAsText()) }
        if let cluster = report.cluster { parts.append(StatsTables.workers(cluster).renderedAsText()) }
        return "\n" + parts.joined(separator: "\n")
    }

    /// Notes on the open model's late starts and uncorrected times, and the generator's CPU use
    /// (a warning when it was high enough to limit the results).
    static func warnings(_ snapshot: StatsSnapshot) -> [String] {
        var notes: [String] = []
        if let uncorrected = snapshot.aggregated.stats.serviceTimeHistogram {
            let percentiles = [50.0, 95, 99].map {
                "p\(Int($0)) \(NumberFormatting.significant(Double(uncorrected.percentileMicroseconds($0)) / 1_000)) ms"
            }
            notes.append(
                "Open model: times count from each request's intended start (coordinated-omission corrected). "
                    + "\(snapshot.lateStarts) requests started late (no free connection), \(snapshot.unstartedRequests) never started. "
                    + "Uncorrected times from actual starts: \(percentiles.joined(separator: ", ")).")
        }
        if snapshot.droppedInFlight > 0 {
            notes.append(
                "\(snapshot.droppedInFlight) requests in flight at the stop were not recorded; --stop-timeout lets them finish.")
        }
        if snapshot.peakGeneratorCPUUse > cpuWarningLevel {
            notes.append(cpuWarning(snapshot.peakGeneratorCPUUse))
        } else if !snapshot.history.isEmpty {
            notes.append(
                "Generator CPU: at most \(Int((snapshot.peakGeneratorCPUUse * 100).rounded()))% of its event-loop threads in any second (it warns above \(Int(cpuWarningLevel * 100))%).")
        }
        return notes
    }

    private static func cpuWarning(_ use: Double) -> String {
        "Warning: the generator used \(NumberFormatting.significant(use * 100))% of its CPU; results may be limited by the generator, not the target (give it more --threads if cores are free, or run it on another machine)."
    }
}
