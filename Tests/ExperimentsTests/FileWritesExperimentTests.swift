import Experiments
import Foundation
import Testing

struct FileWritesExperimentTests {
    @Test func everyVariantLeavesEveryLineOnDisk() async throws {
        let experiment = FileWritesExperiment(
            lines: 2_000, runs: 1, bufferCapacity: 4_096, fsyncInterval: 500, demonstratesCrash: false
        )
        let result = try await experiment.run()
        #expect(result.measurements.map(\.variant) == FileWritesVariant.allCases)
        for measurement in result.measurements {
            #expect(measurement.isComplete, "\(measurement.variant) left the wrong bytes on disk")
        }
        let calls = Dictionary(uniqueKeysWithValues: result.measurements.map { ($0.variant, $0.runs[0].writeCalls) })
        #expect(calls[.unbuffered] == 2_000)
        let expectedBytes = try #require(result.measurements.first?.expectedBytes)
        #expect(calls[.buffered] == (expectedBytes + 4_095) / 4_096)
        #expect(try #require(calls[.fsyncEveryN] ?? nil) >= 4)
        #expect(result.speedUpOverUnbuffered[.unbuffered] == 1)
        #expect(result.crashes.isEmpty)
    }

    @Test func expectedBytesMatchTheLinesWritten() async throws {
        let result = try await FileWritesExperiment(lines: 12_345, runs: 1, variants: [.buffered], demonstratesCrash: false).run()
        let text = (0..<12_345).map { "line \($0)\n" }.joined()
        #expect(result.measurements[0].expectedBytes == text.utf8.count)
        #expect(result.measurements[0].runs[0].bytesOnDisk == text.utf8.count)
    }

    @Test func aCrashBeforeTheFlushLosesBufferedLinesButNoUnbufferedOnes() async throws {
        let experiment = FileWritesExperiment(lines: 1_000, runs: 1, variants: [.buffered], bufferCapacity: 1_024)
        let result = try await experiment.run()
        #expect(result.crashes.count == 2)
        let buffered = try #require(result.crashes.first { $0.bufferCapacity == 1_024 })
        let unbuffered = try #require(result.crashes.first { $0.bufferCapacity == 0 })
        #expect(buffered.childTermination == .signaled(SIGKILL))
        #expect(unbuffered.childTermination == .signaled(SIGKILL))
        #expect(unbuffered.linesOnDisk == 1_000)
        #expect(unbuffered.linesLost == 0)
        #expect(buffered.linesLost > 0)
        #expect(buffered.linesOnDisk > 0)
        #expect(result.tables.count == 2)
    }
}
