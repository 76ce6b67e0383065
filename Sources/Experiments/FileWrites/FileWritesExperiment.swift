import Foundation
import Primitives
import Statistics

/// Buffered and unbuffered I/O: writes `lines` short lines ("line 0", "line 1", ...) to a file,
/// once per variant, and reports time, `write(2)` calls and bytes; then shows what a crash
/// before the flush costs a buffered writer and an unbuffered one.
public struct FileWritesExperiment: Experiment {
    public static let name = "file-writes"
    public static let abstract = "Buffered and unbuffered I/O: time and write(2) calls per variant, and what a crash before the flush loses."

    /// Lines written per run.
    public var lines: Int
    /// Measured runs per variant, after one warm-up run.
    public var runs: Int
    /// The variants to run, in this order.
    public var variants: [FileWritesVariant]
    /// The folder the files are written in (and removed from afterwards).
    public var directory: String
    /// The buffered writers' buffer size in bytes.
    public var bufferCapacity: Int
    /// Lines between two `fsync` calls in the `fsync-every-n` variant.
    public var fsyncInterval: Int
    /// Whether to run the crash-before-flush demonstration in child processes.
    public var demonstratesCrash: Bool
    /// Receives one line per step of long work, for a progress display.
    public var progress: @Sendable (String) -> Void

    public init(
        lines: Int = 100_000,
        runs: Int = 7,
        variants: [FileWritesVariant] = FileWritesVariant.allCases,
        directory: String = FileManager.default.temporaryDirectory.path,
        bufferCapacity: Int = BufferedFileWriter.defaultCapacity,
        fsyncInterval: Int = 1_000,
        demonstratesCrash: Bool = true,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        precondition(lines > 0 && runs > 0 && bufferCapacity > 0 && fsyncInterval > 0, "sizes must be positive")
        self.lines = lines
        self.runs = runs
        self.variants = variants
        self.directory = directory
        self.bufferCapacity = bufferCapacity
        self.fsyncInterval = fsyncInterval
        self.demonstratesCrash = demonstratesCrash
        self.progress = progress
    }

    public func run() async throws -> FileWritesResult {
        var measurements: [FileWritesResult.Measurement] = []
        for variant in variants {
            progress("file-writes: \(variant.rawValue), 1 warm-up + \(runs) runs of \(lines) lines")
            let measured = try RepeatedMeasurement(runs: runs).collect { _ in try measure(variant) }
            measurements.append(.init(variant: variant, expectedBytes: Self.byteCount(lines: lines), runs: measured))
        }
        var crashes: [CrashBeforeFlush] = []
        if demonstratesCrash {
            for capacity in [bufferCapacity, 0] {
                progress("file-writes: crash before flush, \(capacity == 0 ? "unbuffered" : "buffered") writer in a child process")
                crashes.append(try await crashBeforeFlush(bufferCapacity: capacity))
            }
        }
        return FileWritesResult(
            machine: .current, lines: lines, runs: runs, bufferCapacity: bufferCapacity,
            fsyncInterval: fsyncInterval, measurements: measurements, crashes: crashes
        )
    }

    /// The bytes of lines "line 0\n" through "line \(lines - 1)\n".
    static func byteCount(lines: Int) -> Int {
        var total = 0
        var digits = 1
        var start = 0
        var end = 10
        while start < lines {
            total += (Swift.min(end, lines) - start) * ("line \n".utf8.count + digits)
            digits += 1
            start = end
            end *= 10
        }
        return total
    }

    private func path(for name: String) -> String {
        (directory as NSString).appendingPathComponent("scalelab-file-writes-\(name)-\(UUID().uuidString).txt")
    }

    private func measure(_ variant: FileWritesVariant) throws -> FileWritesRun {
        let path = path(for: variant.rawValue)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let seconds: Double
        let writeCalls: Int?
        switch variant {
        case .unbuffered, .buffered, .fsyncEveryN:
            var writer = try BufferedFileWriter(path: path, capacity: variant == .unbuffered ? 0 : bufferCapacity)
            let interval = variant == .fsyncEveryN ? fsyncInterval : nil
            seconds = try Stopwatch.time {
                try Self.writeLines(lines, to: &writer, synchronizingEvery: interval)
                if variant == .fsyncEveryN { try writer.synchronize() } else { try writer.flush() }
            }.seconds
            writeCalls = writer.writeCallCount
            try writer.close()
        case .filehandle:
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else {
                throw FileWriterError(path: path, operation: "open", code: errno)
            }
            let callsBefore = ProcessWriteCalls.count()
            var numberedLine = NumberedLine()
            seconds = try Stopwatch.time {
                for line in 0..<lines {
                    try numberedLine.withBytes(of: line) { bytes in try handle.write(contentsOf: Data(bytes)) }
                }
            }.seconds
            writeCalls = ProcessWriteCalls.count().flatMap { after in callsBefore.map { after - $0 } }
            try handle.close()
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        return FileWritesRun(seconds: seconds, writeCalls: writeCalls, bytesOnDisk: size)
    }

    /// Writes "line 0\n" … "line <count - 1>\n" through `writer`, calling `synchronize()`
    /// after every `interval` lines when one is given. A function of its own, so the writer is
    /// an `inout` argument in the loop, not a variable a closure captured.
    private static func writeLines(
        _ count: Int, to writer: inout BufferedFileWriter, synchronizingEvery interval: Int?
    ) throws {
        var numberedLine = NumberedLine()
        var linesUntilSynchronize = interval ?? Int.max
        for line in 0..<count {
            try numberedLine.withBytes(of: line) { bytes in try writer.write(bytes: bytes) }
            linesUntilSynchronize -= 1
            if linesUntilSynchronize == 0, let interval {
                try writer.synchronize()
                linesUntilSynchronize = interval
            }
        }
    }

    private func crashBeforeFlush(bufferCapacity capacity: Int) async throws -> CrashBeforeFlush {
        let path = path(for: "crash-\(capacity)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try await ChildProcess.scalelab.run(
            arguments: ["experiment", "child", Self.crashChildWork.name, path, "\(lines)", "\(capacity)"]
        )
        if case .exited = outcome.termination, let failure = outcome.standardError.split(separator: "\n").last {
            throw FileWritesError.childFailed(String(failure))
        }
        let contents = FileManager.default.contents(atPath: path) ?? Data()
        let newlines = contents.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lastNewline = contents.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? contents.startIndex
        return CrashBeforeFlush(
            bufferCapacity: capacity, linesWritten: lines, linesOnDisk: newlines,
            partialLineBytes: contents.endIndex - lastNewline, childTermination: outcome.termination
        )
    }

    /// The crash demonstration, done in the child process: arguments are the path, the number of
    /// lines and the buffer capacity. Writes the lines, then kills itself with SIGKILL before
    /// any flush, as `kill -9` or the out-of-memory killer would.
    public static let crashChildWork = ChildWork(name: "file-writes-crash") { arguments in
        guard arguments.count == 3, let lines = Int(arguments[1]), let capacity = Int(arguments[2]),
            lines > 0, capacity >= 0
        else {
            throw ChildWorkArgumentError(work: "file-writes-crash", expected: "path lines capacity", got: arguments)
        }
        var writer = try BufferedFileWriter(path: arguments[0], capacity: capacity)
        try writeLines(lines, to: &writer, synchronizingEvery: nil)
        kill(getpid(), SIGKILL)
        return "killed itself but lived on"
    }
}
