import Experiments
import Reporting

extension ExperimentsSection {
    /// Per experiment, its result as JSON (every number its tables show) and every measured
    /// run as a CSV row.
    func dataFiles() throws -> [StudyDataFile] {
        var files: [StudyDataFile] = []
        if let counter = measurements.counter {
            var csv = CSVDocument(header: ["variant", "run", "milliseconds", "final count", "expected count"])
            for measurement in counter.measurements {
                for (index, run) in measurement.runs.enumerated() {
                    csv.append([measurement.variant.rawValue, "\(index + 1)", "\(run.seconds * 1_000)", "\(run.count)", "\(measurement.expectedCount)"])
                }
            }
            files += [try .json("counter.json", counter), StudyDataFile(name: "counter.csv", contents: csv.rendered())]
        }
        if let maps = measurements.maps {
            var csv = CSVDocument(header: ["workload", "variant", "run", "milliseconds", "correct", "outcome"])
            for workload in maps.workloads {
                for variant in workload.variants {
                    for (index, run) in variant.runs.enumerated() {
                        csv.append([
                            workload.workload.rawValue, variant.variant.rawValue, "\(index + 1)",
                            run.report.map { "\($0.seconds * 1_000)" } ?? "", "\(run.isCorrect)", run.outcomeDescription,
                        ])
                    }
                }
            }
            files += [try .json("maps.json", maps), StudyDataFile(name: "maps.csv", contents: csv.rendered())]
        }
        if let fileWrites = measurements.fileWrites {
            var csv = CSVDocument(header: ["variant", "run", "milliseconds", "write calls", "bytes on disk", "expected bytes"])
            for measurement in fileWrites.measurements {
                for (index, run) in measurement.runs.enumerated() {
                    csv.append([
                        measurement.variant.rawValue, "\(index + 1)", "\(run.seconds * 1_000)",
                        run.writeCalls.map(String.init) ?? "", "\(run.bytesOnDisk)", "\(measurement.expectedBytes)",
                    ])
                }
            }
            files += [try .json("file-writes.json", fileWrites), StudyDataFile(name: "file-writes.csv", contents: csv.rendered())]
        }
        if let handoff = measurements.handoff {
            var csv = CSVDocument(header: ["variant", "run", "milliseconds", "nanoseconds per handoff", "round trips"])
            for measurement in handoff.measurements {
                for (index, run) in measurement.runs.enumerated() {
                    csv.append([
                        measurement.variant.rawValue, "\(index + 1)", "\(run.seconds * 1_000)",
                        "\(run.secondsPerHandoff * 1_000_000_000)", "\(run.roundtrips)",
                    ])
                }
            }
            files += [try .json("handoff.json", handoff), StudyDataFile(name: "handoff.csv", contents: csv.rendered())]
        }
        return files
    }
}
