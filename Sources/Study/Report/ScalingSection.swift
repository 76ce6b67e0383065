import Reporting
import Statistics

/// The report's scaling section: throughput as users rise, the Amdahl and USL fits with their
/// R², serial fraction and predicted peak, and the conclusions.
struct ScalingSection {
    let runs: [ServiceRun]
    let generatorRuns: [GeneratorRun]

    /// The measurements the fits are made from: users against requests per second.
    var observations: [ScalingModel.Observation] {
        runs.map { .init(concurrency: Double($0.setting.users), throughput: $0.requestsPerSecond) }
    }

    /// A law fitted to the observations, or why it could not be.
    private func fit(_ law: ScalingModel.Law) -> Result<ScalingModel, ScalingModel.FitError> {
        Result { () throws(ScalingModel.FitError) in try ScalingModel(fitting: law, to: observations) }
    }

    var section: StudySection {
        var section = StudySection(title: "Scaling")
        section.blocks.append(.heading("The service as users rise", level: 3))
        section.blocks.append(.paragraph(
            "Throughput of the album service (ScaleLab's store, event-loop engine) as users rise: each user reads one album by id and adds one (3:1, no wait), so a request costs the same all run long. One fresh service per user count; all users start within the first 0.1 s; the fast client. The generator runs in the same process, so generator and service share the machine's cores."))
        if runs.isEmpty {
            section.blocks.append(.paragraph("No scaling run was measured."))
        } else {
            let amdahl = try? fit(.amdahl).get()
            let usl = try? fit(.universalScalability).get()
            section.blocks.append(.table(runsTable))
            section.blocks.append(.table(fitsTable))
            section.blocks.append(.lineChart(chart(amdahl: amdahl, usl: usl)))
            if let busiest = runs.filter({ $0.peakGeneratorCPUUse >= Self.busyGenerator }).map(\.setting.users).min() {
                section.blocks.append(.paragraph(
                    "From \(busiest) user\(busiest == 1 ? "" : "s") on, the generator's event-loop thread was busy \(Int(Self.busyGenerator * 100)) % or more of some second: the generator, not only the service, may have set these throughputs."))
            }
            let mostUsers = observations.map(\.concurrency).max() ?? 0
            section.conclusions += [
                ScalingConclusions.moreUsers(observations, bestFit: [amdahl, usl].compactMap { $0 }.max { $0.rSquared < $1.rSquared }),
                ScalingConclusions.serialFraction(amdahl: amdahl),
                ScalingConclusions.peak(usl: usl, measuredUpTo: mostUsers),
            ].compactMap { $0 }
        }
        GeneratorScaling(runs: generatorRuns).add(to: &section)
        return section
    }

    /// A generator busy this share of a second may be what limits the throughput it measures.
    static let busyGenerator = 0.9

    private var runsTable: Table {
        var table = Table(
            title: "Throughput as users rise",
            columns: [
                .init("users"), .init("requests/s"), .init("GET median ms"), .init("GET p95 ms"), .init("GET p99 ms"),
                .init("failures"), .init("generator CPU (peak)"),
            ],
            notes: ["Requests/s over each whole run, its start included; percentiles exact over the run."])
        for run in runs {
            table.append([
                "\(run.setting.users)", NumberFormatting.significant(run.requestsPerSecond),
                NumberFormatting.significant(run.get.medianMilliseconds), NumberFormatting.significant(run.get.p95Milliseconds),
                NumberFormatting.significant(run.get.p99Milliseconds), NumberFormatting.grouped(Int(run.failures)),
                "\(Int((run.peakGeneratorCPUUse * 100).rounded())) %",
            ])
        }
        return table
    }

    private var fitsTable: Table {
        var table = Table(
            title: "Amdahl and Universal Scalability Law fits",
            columns: [
                .init("law", alignment: .left), .init("λ requests/s per user"), .init("σ serial fraction"), .init("κ coherency"),
                .init("R²"), .init("predicted peak", alignment: .left),
            ],
            notes: [
                "X(N) = λN / (1 + σ(N − 1) + κN(N − 1)), fitted by least squares on throughput; Amdahl's law is κ = 0.",
                "R² below \(NumberFormatting.significant(ScalingConclusions.minimumRSquared)): the law does not describe these measurements, and no conclusion quotes it.",
            ])
        for (name, law) in [("Amdahl", ScalingModel.Law.amdahl), ("USL", .universalScalability)] {
            switch fit(law) {
            case .success(let model):
                table.append([
                    name, NumberFormatting.significant(model.lambda), Self.coefficient(model.sigma),
                    Self.coefficient(model.kappa), NumberFormatting.significant(model.rSquared), peakText(model),
                ])
            case .failure(let error):
                table.append([name, "-", "-", "-", "-", error.description])
            }
        }
        return table
    }

    /// σ or κ: three significant digits, in scientific notation below 0.001.
    private static func coefficient(_ value: Double) -> String {
        value > 0 && value < 0.001 ? String(format: "%.3g", value) : NumberFormatting.significant(value)
    }

    private func peakText(_ model: ScalingModel) -> String {
        let mostUsers = observations.map(\.concurrency).max() ?? 1
        if let peak = model.peakConcurrency, peak > 100 * mostUsers {
            return "none within 100 times the users measured"
        }
        if let peak = model.peakConcurrency {
            return "\(NumberFormatting.significant(model.throughput(atConcurrency: peak))) requests/s at \(NumberFormatting.significant(peak)) users"
        }
        guard model.sigma > 0 else { return "none: linear" }
        return "none: levels off towards \(NumberFormatting.significant(model.lambda / model.sigma)) requests/s"
    }

    private func chart(amdahl: ScalingModel?, usl: ScalingModel?) -> LineChart {
        let mostUsers = observations.map(\.concurrency).max() ?? 1
        let curveUsers = (0...60).map { 1 + (mostUsers - 1) * Double($0) / 60 }
        func curve(_ name: String, _ model: ScalingModel?) -> [LineChart.Series] {
            guard let model else { return [] }
            return [.init(name: name, points: curveUsers.map { .init(x: $0, y: model.throughput(atConcurrency: $0)) })]
        }
        return LineChart(
            title: "Throughput as users rise, with the fitted laws", xAxisLabel: "users", yAxisLabel: "requests/s",
            series: [.init(name: "measured", points: observations.map { .init(x: $0.concurrency, y: $0.throughput) })]
                + curve("Amdahl fit", amdahl) + curve("USL fit", usl))
    }

    /// Every run as JSON and CSV, the fits as JSON, and the generator's runs.
    func dataFiles() throws -> [StudyDataFile] {
        var files = try GeneratorScaling(runs: generatorRuns).dataFiles()
        guard !runs.isEmpty else { return files }
        let fits = [ScalingModel.Law.amdahl, .universalScalability].compactMap { try? fit($0).get() }
        files += try ServiceRunFiles.files(for: runs, part: .scaling) + [try .json("scaling-fits.json", fits)]
        return files
    }
}
