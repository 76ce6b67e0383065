import Reporting
import Statistics

/// What the file-writes experiment measured: per variant, times, `write(2)` calls and bytes, and
/// the crash-before-flush demonstration.
public struct FileWritesResult: ExperimentResult {
    /// One variant's measured runs.
    public struct Measurement: Codable, Sendable {
        public let variant: FileWritesVariant
        /// The bytes every run must leave on disk.
        public let expectedBytes: Int
        /// The measured runs (the warm-up run is not included).
        public let runs: [FileWritesRun]
        /// Run times in milliseconds.
        public let milliseconds: Summary?
        /// True when every run left exactly the expected bytes on disk.
        public let isComplete: Bool

        public init(variant: FileWritesVariant, expectedBytes: Int, runs: [FileWritesRun]) {
            self.variant = variant
            self.expectedBytes = expectedBytes
            self.runs = runs
            self.milliseconds = Summary(runs.map(\.seconds))?.scaled(by: 1_000)
            self.isComplete = runs.allSatisfy { $0.bytesOnDisk == expectedBytes }
        }
    }

    public let machine: MachineDescription
    public let lines: Int
    /// Measured runs per variant, after one warm-up run.
    public let runs: Int
    public let bufferCapacity: Int
    public let fsyncInterval: Int
    public let measurements: [Measurement]
    /// Median time of `unbuffered` over each variant's median, by variant; empty without `unbuffered`.
    public let speedUpOverUnbuffered: [FileWritesVariant: Double]
    /// The crash-before-flush demonstration: buffered first, then unbuffered; empty when skipped.
    public let crashes: [CrashBeforeFlush]

    public init(
        machine: MachineDescription, lines: Int, runs: Int, bufferCapacity: Int, fsyncInterval: Int,
        measurements: [Measurement], crashes: [CrashBeforeFlush]
    ) {
        self.machine = machine
        self.lines = lines
        self.runs = runs
        self.bufferCapacity = bufferCapacity
        self.fsyncInterval = fsyncInterval
        self.measurements = measurements
        self.crashes = crashes
        var speedUps: [FileWritesVariant: Double] = [:]
        if let baseline = measurements.first(where: { $0.variant == .unbuffered })?.milliseconds?.median {
            for measurement in measurements {
                if let median = measurement.milliseconds?.median, median > 0 {
                    speedUps[measurement.variant] = baseline / median
                }
            }
        }
        self.speedUpOverUnbuffered = speedUps
    }

    public var tables: [Table] {
        var tables = [timesTable]
        if !crashes.isEmpty { tables.append(crashTable) }
        return tables
    }

    private func label(_ variant: FileWritesVariant) -> String {
        variant == .fsyncEveryN ? "fsync-every-\(fsyncInterval)" : variant.rawValue
    }

    private var timesTable: Table {
        var table = Table(
            title: "file-writes: \(NumberFormatting.grouped(lines)) short lines to one file",
            columns: [
                .init("variant", alignment: .left), .init("median"), .init("min"), .init("max"),
                .init("write(2) calls"), .init("bytes"), .init("speed-up vs unbuffered"), .init("on disk", alignment: .left),
            ]
        )
        for measurement in measurements {
            guard let times = measurement.milliseconds, let firstRun = measurement.runs.first else { continue }
            let calls = firstRun.writeCalls.map(NumberFormatting.grouped) ?? "n/a"
            table.append([label(measurement.variant)] + times.millisecondCells + [
                calls,
                NumberFormatting.grouped(firstRun.bytesOnDisk),
                speedUpOverUnbuffered[measurement.variant].map(NumberFormatting.ratio) ?? "-",
                measurement.isComplete ? "complete" : "WRONG: expected \(NumberFormatting.grouped(measurement.expectedBytes)) bytes",
            ])
        }
        table.notes = [
            "Machine: \(machine.oneLine).",
            "Times: writing every line and the final flush (opening and closing excluded); median of \(runs) runs after 1 warm-up, with min and max.",
            "Buffer: \(NumberFormatting.grouped(bufferCapacity)) bytes. write(2) calls: counted by the writer, for filehandle by the kernel (/proc/self/io); from the first measured run.",
            "Each write(2) is a trip into the kernel; a buffer turns \(NumberFormatting.grouped(lines)) of them into a few dozen. fsync-every-\(fsyncInterval) adds the wait for the storage device every \(NumberFormatting.grouped(fsyncInterval)) lines: the price of durability.",
        ]
        return table
    }

    private var crashTable: Table {
        var table = Table(
            title: "file-writes: a crash before the flush (a child process writes, then is killed)",
            columns: [
                .init("writer", alignment: .left), .init("lines written"), .init("lines on disk"),
                .init("lines lost"), .init("child", alignment: .left),
            ]
        )
        for crash in crashes {
            let writer = crash.bufferCapacity == 0
                ? "unbuffered"
                : "buffered (\(NumberFormatting.grouped(crash.bufferCapacity)) B)"
            let lost = NumberFormatting.grouped(crash.linesLost)
                + (crash.partialLineBytes > 0 ? " (+ a cut line of \(crash.partialLineBytes) B)" : "")
            table.append([
                writer, NumberFormatting.grouped(crash.linesWritten), NumberFormatting.grouped(crash.linesOnDisk),
                lost, crash.childTermination.description,
            ])
        }
        table.notes = [
            "Machine: \(machine.oneLine).",
            "The child passed every line to the writer, then was killed with SIGKILL (like kill -9 or the out-of-memory killer) before it could flush. What the buffer still held never reached the kernel; every unbuffered write(2) had already handed its line to the kernel, which keeps it when the process dies. Surviving a power cut takes fsync as well.",
        ]
        return table
    }
}
