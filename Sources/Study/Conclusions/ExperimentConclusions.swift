import Reporting
import Statistics

/// The conclusions the experiments section draws: each from two measured variants, printed
/// only when their runs differ clearly (see `Comparison`), and set against the original's.
package enum ExperimentConclusions {
    /// Medians must differ by at least this factor, on top of not overlapping, to conclude.
    package static let minimumRatio = 1.1

    /// Go's sync.Map against a mutex-guarded map, writing: `snapshot` is ScaleLab's analogue.
    package static func syncMapAnalogue(mutex: Summary?, snapshot: Summary?, tasks: Int, keysPerTask: Int) -> Conclusion? {
        guard let mutex, let snapshot, let comparison = Comparison(snapshot, mutex, minimumRatio: minimumRatio) else { return nil }
        let size = "\(NumberFormatting.grouped(tasks)) × \(NumberFormatting.grouped(keysPerTask)) keys"
        let original = "sync.Map ~\(milliseconds(OriginalFigures.Maps.syncMapMilliseconds)) against Mutex ~\(milliseconds(OriginalFigures.Maps.mutexMilliseconds)), \(NumberFormatting.ratio(OriginalFigures.Maps.mutexMilliseconds / OriginalFigures.Maps.syncMapMilliseconds))"
        switch comparison {
        case .firstSmaller(let ratio):
            return Conclusion(
                "snapshot, ScaleLab's analogue of Go's sync.Map, wrote \(size) \(NumberFormatting.ratio(ratio)) faster than mutex (median \(milliseconds(snapshot.median)) against \(milliseconds(mutex.median))), as in the original (\(original)).",
                verdict: .agrees)
        case .secondSmaller(let ratio):
            return Conclusion(
                "mutex wrote \(size) \(NumberFormatting.ratio(ratio)) faster than snapshot, ScaleLab's analogue of sync.Map (median \(milliseconds(mutex.median)) against \(milliseconds(snapshot.median))), where the original found sync.Map faster (\(original)).",
                verdict: .disagrees)
        }
    }

    /// Which synchronized map was fastest under one workload, when it beat the next clearly.
    package static func fastestMap(_ times: [(variant: String, milliseconds: Summary)], workload: String) -> Conclusion? {
        let ranked = times.sorted { $0.milliseconds.median < $1.milliseconds.median }
        guard ranked.count >= 2, case .firstSmaller(let ratio) = Comparison(ranked[0].milliseconds, ranked[1].milliseconds, minimumRatio: minimumRatio) else {
            return nil
        }
        return Conclusion(
            "Under the \(workload) workload \(ranked[0].variant) was the fastest synchronized map here, \(NumberFormatting.ratio(ratio)) faster than the next, \(ranked[1].variant) (median \(milliseconds(ranked[0].milliseconds.median)) against \(milliseconds(ranked[1].milliseconds.median))).",
            verdict: .new)
    }

    /// Buffered against unbuffered file writes.
    package static func buffering(unbuffered: Summary?, buffered: Summary?, lines: Int) -> Conclusion? {
        guard let unbuffered, let buffered, let comparison = Comparison(buffered, unbuffered, minimumRatio: minimumRatio) else { return nil }
        let originalRatio = OriginalFigures.FileWrites.bufferedSpeedUp
        let original = "\(NumberFormatting.ratio(originalRatio)) (\(milliseconds(OriginalFigures.FileWrites.bufferedMilliseconds)) against \(milliseconds(OriginalFigures.FileWrites.unbufferedMilliseconds)) for \(NumberFormatting.grouped(OriginalFigures.FileWrites.lines)) lines)"
        switch comparison {
        case .firstSmaller(let ratio):
            var text = "Buffered writes of \(NumberFormatting.grouped(lines)) lines were \(NumberFormatting.ratio(ratio)) faster than unbuffered ones (median \(milliseconds(buffered.median)) against \(milliseconds(unbuffered.median))); the original measured \(original)."
            if ratio < originalRatio / 3 {
                text += " The gap is much smaller here than in the original."
            } else if ratio > originalRatio * 3 {
                text += " The gap is much larger here than in the original."
            }
            return Conclusion(text, verdict: .agrees)
        case .secondSmaller(let ratio):
            return Conclusion(
                "unbuffered writes of \(NumberFormatting.grouped(lines)) lines were \(NumberFormatting.ratio(ratio)) faster than buffered ones (median \(milliseconds(unbuffered.median)) against \(milliseconds(buffered.median))), where the original found buffering \(original) faster.",
                verdict: .disagrees)
        }
    }

    /// A handoff between tasks on one thread against tasks on the pool (GOMAXPROCS=1 against
    /// all cores in the original).
    package static func handoff(oneThread: Summary?, pool: Summary?) -> Conclusion? {
        guard let oneThread, let pool, let comparison = Comparison(oneThread, pool, minimumRatio: minimumRatio) else { return nil }
        let original = "\(nanoseconds(OriginalFigures.Handoff.oneProcessorNanoseconds)) with GOMAXPROCS=1 against \(nanoseconds(OriginalFigures.Handoff.allCoresNanoseconds)) with all cores, \(NumberFormatting.ratio(OriginalFigures.Handoff.oneProcessorAdvantage))"
        switch comparison {
        case .firstSmaller(let ratio):
            return Conclusion(
                "A handoff between two tasks on one thread (the analogue of GOMAXPROCS=1) was \(NumberFormatting.ratio(ratio)) faster than between tasks on the pool (median \(nanoseconds(oneThread.median)) against \(nanoseconds(pool.median))), as in the original (\(original)).",
                verdict: .agrees)
        case .secondSmaller(let ratio):
            return Conclusion(
                "a handoff between tasks on the pool was \(NumberFormatting.ratio(ratio)) faster than between two tasks on one thread (median \(nanoseconds(pool.median)) against \(nanoseconds(oneThread.median))), where the original found one processor faster (\(original)).",
                verdict: .disagrees)
        }
    }

    static func milliseconds(_ value: Double) -> String {
        NumberFormatting.significant(value) + " ms"
    }

    static func nanoseconds(_ value: Double) -> String {
        NumberFormatting.significant(value) + " ns"
    }
}
