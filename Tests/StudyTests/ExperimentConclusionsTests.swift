import Statistics
import Testing

@testable import Study

/// Each conclusion: data that supports it, data that flips it, and data that supports neither
/// side (then nothing is printed).
struct ExperimentConclusionsTests {
    private func runs(_ values: Double...) -> Summary { Summary(values)! }

    @Test func snapshotFasterThanMutexAgreesWithSyncMap() throws {
        let conclusion = try #require(ExperimentConclusions.syncMapAnalogue(
            mutex: runs(8, 8.1, 8.3), snapshot: runs(2.9, 3, 3.2), tasks: 50, keysPerTask: 1_000))
        #expect(conclusion.verdict == .agrees)
        #expect(conclusion.rendered.hasPrefix("snapshot, ScaleLab's analogue of Go's sync.Map, wrote 50 × 1,000 keys 2.70x faster than mutex"))
        #expect(conclusion.rendered.contains("as in the original"))
    }

    @Test func mutexFasterThanSnapshotDisagreesPlainly() throws {
        let conclusion = try #require(ExperimentConclusions.syncMapAnalogue(
            mutex: runs(30, 31, 33), snapshot: runs(50, 52, 60), tasks: 50, keysPerTask: 1_000))
        #expect(conclusion.verdict == .disagrees)
        #expect(conclusion.rendered.hasPrefix("This machine disagrees with the original: mutex wrote 50 × 1,000 keys 1.68x faster than snapshot"))
    }

    @Test func overlappingMapTimesConcludeNothing() {
        #expect(ExperimentConclusions.syncMapAnalogue(
            mutex: runs(30, 46, 56), snapshot: runs(49, 53, 65), tasks: 50, keysPerTask: 1_000) == nil)
        #expect(ExperimentConclusions.syncMapAnalogue(mutex: nil, snapshot: runs(1), tasks: 1, keysPerTask: 1) == nil)
    }

    @Test func theFastestMapIsNamedOnlyWhenItBeatsTheNextClearly() throws {
        let clear = try #require(ExperimentConclusions.fastestMap(
            [("mutex", runs(40, 45, 50)), ("rwlock", runs(26, 27, 28)), ("sharded", runs(39, 40, 41))], workload: "write"))
        #expect(clear.text.hasPrefix("Under the write workload rwlock was the fastest synchronized map here, 1.48x faster than the next, sharded"))
        #expect(clear.verdict == .new)
        let flipped = try #require(ExperimentConclusions.fastestMap(
            [("mutex", runs(20, 21, 22)), ("rwlock", runs(26, 27, 28))], workload: "write"))
        #expect(flipped.text.contains("mutex was the fastest"))
        #expect(ExperimentConclusions.fastestMap(
            [("mutex", runs(26, 27, 29)), ("rwlock", runs(26, 28, 30))], workload: "write") == nil)
    }

    @Test func bufferedFasterAgreesAndSaysWhenTheGapIsMuchSmaller() throws {
        let close = try #require(ExperimentConclusions.buffering(
            unbuffered: runs(158, 159, 160), buffered: runs(7, 7.5, 8), lines: 100_000))
        #expect(close.verdict == .agrees)
        #expect(close.text.hasPrefix("Buffered writes of 100,000 lines were 21.2x faster than unbuffered ones"))
        #expect(!close.text.contains("much"))
        let smaller = try #require(ExperimentConclusions.buffering(
            unbuffered: runs(52, 52.5, 53), buffered: runs(17.9, 18, 20), lines: 20_000))
        #expect(smaller.text.hasSuffix("The gap is much smaller here than in the original."))
    }

    @Test func unbufferedFasterDisagrees() throws {
        let conclusion = try #require(ExperimentConclusions.buffering(
            unbuffered: runs(9, 10, 11), buffered: runs(20, 21, 22), lines: 1_000))
        #expect(conclusion.verdict == .disagrees)
        #expect(conclusion.rendered.hasPrefix("This machine disagrees with the original: unbuffered writes"))
    }

    @Test func fileWritesThatOverlapConcludeNothing() {
        #expect(ExperimentConclusions.buffering(unbuffered: runs(10, 12, 14), buffered: runs(9, 11, 13), lines: 1_000) == nil)
    }

    @Test func oneThreadFasterAgreesPoolFasterDisagreesOverlapConcludesNothing() throws {
        let agrees = try #require(ExperimentConclusions.handoff(oneThread: runs(100, 103, 105), pool: runs(140, 145, 150)))
        #expect(agrees.verdict == .agrees)
        #expect(agrees.text.contains("1.41x faster than between tasks on the pool"))
        let disagrees = try #require(ExperimentConclusions.handoff(oneThread: runs(300, 310, 320), pool: runs(140, 145, 150)))
        #expect(disagrees.verdict == .disagrees)
        #expect(disagrees.rendered.hasPrefix("This machine disagrees with the original: a handoff between tasks on the pool was 2.14x faster"))
        #expect(ExperimentConclusions.handoff(oneThread: runs(100, 120, 150), pool: runs(110, 130, 160)) == nil)
    }
}
