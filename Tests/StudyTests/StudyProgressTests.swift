import Testing

@testable import Study

struct StudyProgressTests {
    @Test func beforeAnyStepTheEstimateIsTheSumOfTheSteps() {
        let left = StudyProgress.secondsLeft(remainingEstimates: [10, 20, 30], doneEstimates: [], doneSeconds: [])
        #expect(left == 60)
    }

    @Test func stepsThatTookTwiceTheirEstimateDoubleTheRest() {
        let left = StudyProgress.secondsLeft(
            remainingEstimates: [100], doneEstimates: [100, 100], doneSeconds: [200, 200], damping: 0)
        #expect(left == 200)
    }

    /// One short step that ran 100 times faster than estimated does not make the rest look free.
    @Test func oneShortStepBarelyMovesTheEstimate() {
        let left = StudyProgress.secondsLeft(remainingEstimates: [60], doneEstimates: [1], doneSeconds: [0.01])
        #expect(left > 50 && left < 60)
    }

    @Test func theLineNamesTheStepTheStepsLeftAndTheTimeLeft() {
        let progress = StudyProgress(stepNumber: 3, stepCount: 9, stepName: "service: locked", secondsLeft: 80.2)
        #expect(progress.line == "[3/9] service: locked (about 1 min 21 s left, 6 steps after this)")
        let last = StudyProgress(stepNumber: 2, stepCount: 3, stepName: "x", secondsLeft: 4)
        #expect(last.line == "[2/3] x (about 4 s left, 1 step after this)")
    }

    @Test func durationsReadAsSecondsMinutesOrHours() {
        #expect(StudyProgress.duration(0.2) == "1 s")
        #expect(StudyProgress.duration(59) == "59 s")
        #expect(StudyProgress.duration(65) == "1 min 05 s")
        #expect(StudyProgress.duration(3_725) == "1 h 02 min")
    }
}
