import Reporting

/// How one run of one variant ended: measured and checked, or its child process failed.
public struct MapRun: Codable, Sendable, Equatable {
    /// The measurements, when the run finished.
    public let report: MapRunReport?
    /// What went wrong when it did not finish (only the unsynchronized variant's child process
    /// can fail), e.g. "killed by SIGSEGV (11)".
    public let failure: String?

    /// A run that finished.
    public init(_ report: MapRunReport) {
        self.report = report
        failure = nil
    }

    /// A run whose child process died or hung.
    public init(failure: String) {
        report = nil
        self.failure = failure
    }

    /// True when the run finished and its checks held.
    public var isCorrect: Bool {
        report?.isCorrect ?? false
    }

    /// One phrase for a report, e.g. "correct", "count 49,871 of 50,000", "killed by SIGSEGV (11)".
    public var outcomeDescription: String {
        guard let report else { return failure ?? "no result" }
        var problems: [String] = []
        if report.count != report.expectedCount {
            problems.append("count \(NumberFormatting.grouped(report.count)) of \(NumberFormatting.grouped(report.expectedCount))")
        }
        if report.wrongValues > 0 {
            problems.append("\(NumberFormatting.grouped(report.wrongValues)) wrong or missing values")
        }
        if report.wrongReads > 0 {
            problems.append("\(NumberFormatting.grouped(report.wrongReads)) lookups saw a value never written")
        }
        return problems.isEmpty ? "correct" : problems.joined(separator: ", ")
    }
}
