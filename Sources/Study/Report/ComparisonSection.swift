import AlbumService
import Primitives
import Reporting
import Statistics

/// A report section of repeated runs that vary one thing about the service (map strategy,
/// engine or store): a table of medians with min–max, a chart per group, the conclusions;
/// and its runs as data files.
struct ComparisonSection {
    let comparison: ServiceComparison
    let runs: [ServiceRun]
    let size: StudySize
    /// Whether the study had a PostgreSQL database to compare.
    let hasPostgres: Bool

    /// The runs of one group (one mix, or all), by variant in the order they first ran.
    private struct Group {
        let mix: ServiceMix?
        let variants: [(name: String, runs: [ServiceRun])]

        var generatorSaturated: Bool {
            variants.contains { $0.runs.contains { $0.peakGeneratorCPUUse >= ComparisonConclusions.saturatedGenerator } }
        }
    }

    private var groups: [Group] {
        let mixes: [ServiceMix?] = comparison == .maps ? ServiceMix.allCases : [nil]
        return mixes.compactMap { mix in
            let inGroup = runs.filter { comparison.group(of: $0.setting) == mix }
            var names: [String] = []
            for run in inGroup where !names.contains(comparison.variant(of: run.setting)) {
                names.append(comparison.variant(of: run.setting))
            }
            guard !names.isEmpty else { return nil }
            return Group(mix: mix, variants: names.map { name in (name, inGroup.filter { comparison.variant(of: $0.setting) == name }) })
        }
    }

    var section: StudySection {
        var section = StudySection(title: comparison.title)
        section.blocks.append(.paragraph(introduction))
        let groups = groups
        guard !groups.isEmpty else {
            section.blocks.append(.paragraph("No run of this comparison was measured."))
            return section
        }
        section.blocks.append(.table(table(groups)))
        for group in groups {
            section.blocks.append(.barChart(MedianChart.make(
                title: "Requests/s per \(comparison.variedName)" + (group.mix.map { ", \($0.explanation)" } ?? ""),
                unit: "requests/s", runs: group.variants.map(\.runs.count).min() ?? 0,
                medians: group.variants.map { ($0.name, Summary($0.runs.map(\.requestsPerSecond))) })))
            if group.generatorSaturated {
                section.blocks.append(.paragraph(
                    "The generator's event-loop thread was busy \(Int(ComparisonConclusions.saturatedGenerator * 100)) % or more of some second in these runs" + (group.mix.map { " (\($0.rawValue))" } ?? "") + ": it may have set the limit, which would hide differences between the \(comparison.pluralName)."))
            }
            let variants = group.variants.compactMap { variant in
                Summary(variant.runs.map(\.requestsPerSecond)).map { ComparisonConclusions.Variant(name: variant.name, requestsPerSecond: $0) }
            }
            if let conclusion = ComparisonConclusions.conclusion(
                comparison, group: group.mix, variants: variants, generatorSaturated: group.generatorSaturated)
            {
                section.conclusions.append(conclusion)
            }
        }
        return section
    }

    private var introduction: String {
        let workload = "\(size.comparisonUsers) users send their requests with no wait for \(size.comparisonRunSeconds) s per run against a fresh service in this process; each variant ran \(size.comparisonRepeats == 1 ? "once" : "\(size.comparisonRepeats) times"), the variants taking turns, after one warm-up run. Everything else is scalelab serve's default (memory store, snapshot map, event-loop engine, fast client)."
        switch comparison {
        case .maps:
            return "The same service with each map strategy behind its lookups by id (scalelab serve --map: \(MapStrategy.allCases.map { "\($0.rawValue), \($0.explanation)" }.joined(separator: "; "))), under a \(ServiceMix.readHeavy.explanation) and a \(ServiceMix.writeHeavy.explanation) mix (GET /albums/{id} of known ids, POST /albums). The maps experiment measures the strategies alone; here each map operation is one step of an HTTP request. \(workload)"
        case .engines:
            return "The same service answered by each engine (scalelab serve --engine: \(ServerEngine.allCases.map { "\($0.rawValue), \($0.explanation)" }.joined(separator: "; "))), with GET /albums/{id} and POST /albums at 3:1. \(workload)"
        case .stores:
            let postgres = hasPostgres
                ? "PostgreSQL is the database scalelab study --postgres named; its albums stay between runs (the study adds albums and removes none)."
                : "PostgreSQL was not measured: pass --postgres postgres://USER@HOST:PORT/DATABASE (a database the study may add albums to) to include it."
            return "The same service keeping its albums in each store (scalelab serve --store), with GET /albums/{id} and POST /albums at 3:1. Memory loses its albums when the process ends; SQLite (a new file for each run) and PostgreSQL send each 201 only once the album is committed; SQLite answers reads from its copy in memory, PostgreSQL with a query (one network round trip) for the JSON stored with the row. \(postgres) \(workload)"
        }
    }

    private func table(_ groups: [Group]) -> Table {
        let runCount = size.comparisonRepeats
        var table = Table(
            title: "\(comparison.title): requests/s and response times",
            columns: (comparison == .maps ? [.init("mix", alignment: .left)] : []) + [
                .init(comparison.variedName, alignment: .left), .init("runs"), .init("requests/s median"), .init("requests/s min–max"),
                .init("GET p50 ms"), .init("GET p99 ms"), .init("POST p50 ms"), .init("POST p99 ms"), .init("failures"),
                .init("peak generator CPU"),
            ],
            notes: [
                "Requests/s over each whole run; response times are the median over the runs of each run's exact percentile (GET /albums/{id}, POST /albums).",
                runCount == 1 ? "One run per variant: no spread to compare, so a conclusion needs a ratio of at least \(NumberFormatting.ratio(ServiceConclusions.minimumRatio))." : "A conclusion needs the min–max ranges apart and medians at least \(NumberFormatting.ratio(ExperimentConclusions.minimumRatio)) apart.",
            ])
        for group in groups {
            for (name, runs) in group.variants {
                func median(_ value: (ServiceRun) -> Double) -> String {
                    Summary(runs.map(value)).map { NumberFormatting.significant($0.median) } ?? "-"
                }
                let rates = Summary(runs.map(\.requestsPerSecond))
                table.append((group.mix.map { [$0.rawValue] } ?? []) + [
                    name, "\(runs.count)", rates.map { NumberFormatting.significant($0.median) } ?? "-",
                    rates.map { "\(NumberFormatting.significant($0.min))–\(NumberFormatting.significant($0.max))" } ?? "-",
                    median(\.get.medianMilliseconds), median(\.get.p99Milliseconds), median(\.post.medianMilliseconds),
                    median(\.post.p99Milliseconds), NumberFormatting.grouped(Int(runs.map(\.failures).reduce(0, +))),
                    "\(Int(((runs.map(\.peakGeneratorCPUUse).max() ?? 0) * 100).rounded())) %",
                ])
            }
        }
        return table
    }

    /// "service-<comparison>.json" with every run, and ".csv" with one row per run.
    func dataFiles() throws -> [StudyDataFile] {
        guard !runs.isEmpty else { return [] }
        let name = "service-\(comparison.rawValue)"
        return [try .json("\(name).json", runs), ServiceRunFiles.summary(runs, name: "\(name).csv")]
    }
}
