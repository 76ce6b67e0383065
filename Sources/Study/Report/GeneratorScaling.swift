import Reporting
import Statistics

/// The scaling section's part on the load generator: throughput from 1, 2 and 4 worker
/// processes against each target, each worker's CPU, an Amdahl fit of the speed-up, and
/// whether more workers helped.
struct GeneratorScaling {
    let runs: [GeneratorRun]

    func add(to section: inout StudySection) {
        section.blocks.append(.heading("The load generator's workers", level: 3))
        section.blocks.append(.paragraph(
            "The service section's users from 1, 2 and 4 local worker processes (scalelab load --worker) under a master in this process, against two targets: \(GeneratorTarget.allCases.map(\.explanation).joined(separator: "; ")). One fresh service per run. The original ran 1 and 4 Locust workers against its bottleneck and saw ~\(NumberFormatting.significant(OriginalFigures.Service.requestsPerSecond)) and ~\(NumberFormatting.significant(OriginalFigures.Service.fourWorkersRequestsPerSecond)) requests/s."))
        guard !runs.isEmpty else {
            section.blocks.append(.paragraph("No generator run was measured."))
            return
        }
        section.blocks.append(.table(table))
        let stopped = runs.map(\.stoppedWorkers).reduce(0, +)
        if stopped > 0 {
            section.blocks.append(.paragraph(
                stopped == 1
                    ? "1 worker process had not quit 10 s after the master's run ended (it missed the master's last message) and was stopped; the master's statistics were complete."
                    : "\(stopped) worker processes had not quit 10 s after the master's run ended (they missed the master's last message) and were stopped; the master's statistics were complete."))
        }
        section.blocks.append(.lineChart(LineChart(
            title: "Throughput against worker processes", xAxisLabel: "worker processes", yAxisLabel: "requests/s",
            series: GeneratorTarget.allCases.map { target in
                .init(name: target.rawValue, points: runs(of: target).map { .init(x: Double($0.workers), y: $0.requestsPerSecond) })
            })))
        for target in GeneratorTarget.allCases {
            let measured = runs(of: target).sorted { $0.workers < $1.workers }
            if let conclusion = GeneratorConclusions.workers(fewest: measured.first, most: measured.last) {
                section.conclusions.append(conclusion)
            }
        }
    }

    private func runs(of target: GeneratorTarget) -> [GeneratorRun] {
        runs.filter { $0.target == target }
    }

    /// Amdahl's law fitted to throughput against workers; nil with fewer than two worker counts.
    private func amdahl(_ target: GeneratorTarget) -> ScalingModel? {
        try? ScalingModel(
            fitting: .amdahl,
            to: runs(of: target).map { .init(concurrency: Double($0.workers), throughput: $0.requestsPerSecond) })
    }

    private var table: Table {
        var table = Table(
            title: "Throughput from 1, 2 and 4 worker processes",
            columns: [
                .init("target", alignment: .left), .init("workers"), .init("users"), .init("requests/s"), .init("speed-up"),
                .init("failures"), .init("each worker's peak CPU", alignment: .left), .init("this process's peak CPU"),
            ],
            notes: [
                "Speed-up: requests/s over those of the run with the fewest workers against the same target. CPU: the highest share of one core used in one second; this process runs the master and the service.",
            ] + GeneratorTarget.allCases.compactMap { target in
                amdahl(target).map { fit in
                    "Amdahl fit of the speed-up, \(target.rawValue): serial fraction σ = \(NumberFormatting.significant(fit.sigma)), R² \(NumberFormatting.significant(fit.rSquared))"
                        + (fit.sigma > 0 ? "; at most \(NumberFormatting.ratio(1 / fit.sigma)) with any number of workers." : ".")
                }
            })
        for target in GeneratorTarget.allCases {
            let measured = runs(of: target).sorted { $0.workers < $1.workers }
            let baseline = measured.first?.requestsPerSecond ?? 0
            for run in measured {
                table.append([
                    target.rawValue, "\(run.workers)", "\(run.users)", NumberFormatting.significant(run.requestsPerSecond),
                    baseline > 0 ? NumberFormatting.ratio(run.requestsPerSecond / baseline) : "-",
                    NumberFormatting.grouped(Int(run.failures)),
                    run.workerPeakCPUUse.map { "\(Int(($0 * 100).rounded())) %" }.joined(separator: ", "),
                    "\(Int((run.masterPeakCPUUse * 100).rounded())) %",
                ])
            }
        }
        return table
    }

    /// Every run's figures as JSON and as one CSV.
    func dataFiles() throws -> [StudyDataFile] {
        guard !runs.isEmpty else { return [] }
        var csv = CSVDocument(header: [
            "target", "workers", "users", "requests per second", "failures", "worker peak CPU", "master and service peak CPU",
        ])
        for run in runs {
            csv.append([
                run.target.rawValue, "\(run.workers)", "\(run.users)", "\(run.requestsPerSecond)", "\(run.failures)",
                run.workerPeakCPUUse.map { "\($0)" }.joined(separator: " "), "\(run.masterPeakCPUUse)",
            ])
        }
        return [try .json("generator.json", runs), StudyDataFile(name: "generator.csv", contents: csv.rendered())]
    }
}
