import Experiments
import Reporting
import Statistics

/// The report's experiments section: each experiment's own tables, a chart, this machine's
/// figures beside the original's, and the conclusions; and the JSON and CSV of every run.
struct ExperimentsSection {
    let measurements: StudyMeasurements

    /// What the section shows of one experiment.
    private struct Presentation {
        let name: String
        let abstract: String
        let tables: [Table]
        let charts: [BarChart]
        /// This machine beside the original; nil when the original gives no figures.
        let reference: Table?
        let conclusions: [Conclusion]
    }

    var section: StudySection {
        var section = StudySection(title: "Experiments")
        section.blocks.append(.paragraph(
            "The four experiments, as scalelab experiment all runs them (every variant, one unmeasured warm-up run, then the measured runs). Each table names its sizes; the original's figures are shown beside this machine's where the original gave them."))
        let presentations = [
            measurements.counter.map(presentation(of:)), measurements.maps.map(presentation(of:)),
            measurements.fileWrites.map(presentation(of:)), measurements.handoff.map(presentation(of:)),
        ].compactMap { $0 }
        if presentations.isEmpty {
            section.blocks.append(.paragraph("No experiment was measured."))
        }
        for presentation in presentations {
            section.blocks.append(.heading(presentation.name, level: 3))
            section.blocks.append(.paragraph(presentation.abstract))
            section.blocks += presentation.tables.map { .table($0) } + presentation.charts.map { .barChart($0) }
            section.blocks.append(presentation.reference.map { .table($0) } ?? .paragraph("The original gives no figures for this experiment."))
            section.conclusions += presentation.conclusions
        }
        return section
    }

    private func presentation(of counter: CounterResult) -> Presentation {
        Presentation(
            name: CounterExperiment.name, abstract: CounterExperiment.abstract, tables: counter.tables,
            charts: [MedianChart.make(
                title: "counter: time per variant", unit: "ms", runs: counter.runs,
                medians: counter.measurements.map { ($0.variant.rawValue, $0.milliseconds) })],
            reference: nil, conclusions: [])
    }

    private func presentation(of maps: MapsExperimentResult) -> Presentation {
        let writes = maps.workloads.first { $0.workload == .write }
        func times(_ variant: MapVariant) -> Summary? {
            writes?.variants.first { $0.variant == variant }?.milliseconds
        }
        let original = OriginalFigures.Maps.self
        let reference = writes.map { _ in
            ReferenceTable.make(
                title: "maps, write: this machine and the original", unit: "ms",
                rows: [
                    .init(label: "mutex", here: times(.mutex), original: "Mutex ~\(original.mutexMilliseconds) ms"),
                    .init(label: "rwlock", here: times(.rwlock), original: "RWMutex ~\(original.rwMutexMilliseconds) ms (outliers to ~18 ms)"),
                    .init(label: "sharded", here: times(.sharded), original: "-"),
                    .init(label: "snapshot", here: times(.snapshot), original: "sync.Map ~\(original.syncMapMilliseconds) ms after warm-up (~7 ms on the first runs)"),
                ],
                notes: ["Here: \(maps.tasks) tasks × \(NumberFormatting.grouped(maps.keysPerTask)) writes; the original: \(original.tasks) × \(NumberFormatting.grouped(original.keysPerTask))."])
        }
        let fastest = maps.workloads.map { workload in
            ExperimentConclusions.fastestMap(
                workload.variants.compactMap { variant in
                    variant.variant == .unsynchronized ? nil : variant.milliseconds.map { (variant.variant.rawValue, $0) }
                },
                workload: workload.workload.rawValue)
        }
        return Presentation(
            name: MapsExperiment.name, abstract: MapsExperiment.abstract, tables: maps.tables,
            charts: maps.workloads.map { workload in
                MedianChart.make(
                    title: "maps, \(workload.workload.rawValue): time per variant", unit: "ms", runs: maps.runs,
                    medians: workload.variants.map { ($0.variant.rawValue, $0.milliseconds) })
            },
            reference: reference,
            conclusions: ([ExperimentConclusions.syncMapAnalogue(
                mutex: times(.mutex), snapshot: times(.snapshot), tasks: maps.tasks, keysPerTask: maps.keysPerTask)] + fastest
            ).compactMap { $0 })
    }

    private func presentation(of fileWrites: FileWritesResult) -> Presentation {
        let unbuffered = fileWrites.measurements.first { $0.variant == .unbuffered }?.milliseconds
        let buffered = fileWrites.measurements.first { $0.variant == .buffered }?.milliseconds
        let original = OriginalFigures.FileWrites.self
        return Presentation(
            name: FileWritesExperiment.name, abstract: FileWritesExperiment.abstract, tables: fileWrites.tables,
            charts: [MedianChart.make(
                title: "file-writes: time per variant", unit: "ms", runs: fileWrites.runs,
                medians: fileWrites.measurements.map { ($0.variant.rawValue, $0.milliseconds) })],
            reference: ReferenceTable.make(
                title: "file-writes: this machine and the original", unit: "ms",
                rows: [
                    .init(label: "unbuffered", here: unbuffered, original: "\(NumberFormatting.significant(original.unbufferedMilliseconds)) ms"),
                    .init(label: "buffered", here: buffered, original: "\(NumberFormatting.significant(original.bufferedMilliseconds)) ms (\(NumberFormatting.ratio(original.bufferedSpeedUp)) faster)"),
                ],
                notes: ["Here: \(NumberFormatting.grouped(fileWrites.lines)) lines; the original: \(NumberFormatting.grouped(original.lines)) lines."]),
            conclusions: [ExperimentConclusions.buffering(unbuffered: unbuffered, buffered: buffered, lines: fileWrites.lines)]
                .compactMap { $0 })
    }

    private func presentation(of handoff: HandoffResult) -> Presentation {
        let oneThread = handoff.measurements.first { $0.variant == .tasksOneThread }?.nanosecondsPerHandoff
        let pool = handoff.measurements.first { $0.variant == .tasksPool }?.nanosecondsPerHandoff
        let original = OriginalFigures.Handoff.self
        return Presentation(
            name: HandoffExperiment.name, abstract: HandoffExperiment.abstract, tables: handoff.tables,
            charts: [MedianChart.make(
                title: "handoff: cost of one handoff", unit: "ns", runs: handoff.runs,
                medians: handoff.measurements.map { ($0.variant.rawValue, $0.nanosecondsPerHandoff) })],
            reference: ReferenceTable.make(
                title: "handoff: this machine and the original", unit: "ns",
                rows: [
                    .init(label: "tasks-one-thread", here: oneThread, original: "\(NumberFormatting.significant(original.oneProcessorNanoseconds)) ns (GOMAXPROCS=1)"),
                    .init(label: "tasks-pool", here: pool, original: "\(NumberFormatting.significant(original.allCoresNanoseconds)) ns (all cores)"),
                ],
                notes: ["Per handoff: total time / (2 × round trips); here \(NumberFormatting.grouped(handoff.roundtrips)) round trips per run."]),
            conclusions: [ExperimentConclusions.handoff(oneThread: oneThread, pool: pool)].compactMap { $0 })
    }
}
