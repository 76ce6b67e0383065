import Reporting

/// The study's report: one HTML page (self-contained, SVG charts), the same as Markdown, and
/// the data files, all made from one `StudyOutcome`.
package struct StudyReport: Sendable {
    package static let title = "ScaleLab study: the original report, rerun on this machine"

    package let context: StudyContext
    package let outcome: StudyOutcome

    package init(context: StudyContext, outcome: StudyOutcome) {
        self.context = context
        self.outcome = outcome
    }

    /// The sections of the parts that were asked for, in the study's order.
    var sections: [StudySection] {
        context.parts.flatMap { part in
            switch part {
            case .experiments:
                [ExperimentsSection(measurements: outcome.measurements).section]
            case .service:
                [ServiceSection(runs: outcome.measurements.serviceRuns, size: context.size).section]
                    + comparisonSections.map(\.section)
            case .scaling:
                [ScalingSection(runs: outcome.measurements.scalingRuns, generatorRuns: outcome.measurements.generatorRuns).section]
            }
        }
    }

    private var comparisonSections: [ComparisonSection] {
        ServiceComparison.allCases.map { comparison in
            ComparisonSection(
                comparison: comparison, runs: outcome.measurements.runs(of: comparison), size: context.size,
                hasPostgres: context.postgres != nil)
        }
    }

    /// What the page says before the sections: where and how it ran, and what did not run.
    var openingBlocks: [HTMLDocument.Block] {
        var blocks: [HTMLDocument.Block] = [
            .paragraph("Every figure below was measured on this machine by one command; the original's figures (\(OriginalFigures.machine)) are shown beside them, labelled as the original's. Conclusions are generated from the numbers: one the numbers do not clearly support is not printed, and where this machine disagrees with the original, the sentence says so."),
            .list(context.facts),
        ]
        var problems: [String] = outcome.failed.map { "Step failed: \($0.name): \($0.reason)" }
        if outcome.wasStopped {
            problems.append("Stopped (Ctrl-C) before: \(outcome.notRun.joined(separator: "; ")). The sections show what was measured until then.")
        }
        if !problems.isEmpty {
            blocks.append(.heading("Incomplete", level: 2))
            blocks.append(.list(problems))
        }
        return blocks
    }

    /// The self-contained HTML page (index.html).
    package var html: String {
        HTMLDocument(title: Self.title, blocks: openingBlocks + sections.flatMap(\.pageBlocks)).rendered()
    }

    /// The same report as Markdown (report.md); charts are only in the HTML.
    package var markdown: String {
        let blocks = openingBlocks + sections.flatMap(\.pageBlocks)
        return "# \(Self.title)\n\n" + blocks.map(\.markdown).joined(separator: "\n")
    }

    /// The files of `data/`: the study's context and outcome, and each part's runs as JSON and CSV.
    package func dataFiles() throws -> [StudyDataFile] {
        var files = [try StudyDataFile.json("study.json", StudyRecord(context: context, outcome: outcome))]
        files += try ExperimentsSection(measurements: outcome.measurements).dataFiles()
        files += try ServiceRunFiles.files(for: outcome.measurements.serviceRuns, part: .service)
        files += try comparisonSections.flatMap { try $0.dataFiles() }
        files += try ScalingSection(runs: outcome.measurements.scalingRuns, generatorRuns: outcome.measurements.generatorRuns).dataFiles()
        return files
    }
}

/// data/study.json: everything the report was made from.
struct StudyRecord: Codable {
    let context: StudyContext
    let outcome: StudyOutcome
}
