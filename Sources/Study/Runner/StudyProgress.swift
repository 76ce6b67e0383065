/// What the progress display shows when a step starts: which step, how many are left, and
/// about how long the rest of the study will take.
package struct StudyProgress: Sendable, Equatable {
    /// The step starting now, counted from 1.
    package let stepNumber: Int
    package let stepCount: Int
    package let stepName: String
    /// The estimated seconds from now to the end of the study, this step included.
    package let secondsLeft: Double

    package init(stepNumber: Int, stepCount: Int, stepName: String, secondsLeft: Double) {
        self.stepNumber = stepNumber
        self.stepCount = stepCount
        self.stepName = stepName
        self.secondsLeft = secondsLeft
    }

    /// Steps after this one.
    package var stepsLeftAfterThis: Int { stepCount - stepNumber }

    /// The time left from the steps' own estimates, corrected by how the steps done so far
    /// compared with theirs: if they took twice as long as estimated, so will the rest. The
    /// correction counts `damping` seconds of steps "as estimated" besides, so that one short
    /// step that ran fast or slow does not swing the estimate.
    ///
    /// - Parameters:
    ///   - remainingEstimates: The estimated seconds of this step and every later one.
    ///   - doneEstimates: The estimated seconds of the steps already done.
    ///   - doneSeconds: How long those steps really took.
    package static func secondsLeft(
        remainingEstimates: [Double], doneEstimates: [Double], doneSeconds: [Double], damping: Double = 10
    ) -> Double {
        let remaining = remainingEstimates.reduce(0, +)
        let estimated = doneEstimates.reduce(0, +) + damping
        let took = doneSeconds.reduce(0, +) + damping
        guard estimated > 0 else { return remaining }
        return remaining * took / estimated
    }

    /// One line for the terminal, e.g. "[3/9] service: locked store, fast client (1 min 20 s left, 6 steps after this)".
    package var line: String {
        let after = stepsLeftAfterThis == 1 ? "1 step after this" : "\(stepsLeftAfterThis) steps after this"
        return "[\(stepNumber)/\(stepCount)] \(stepName) (about \(Self.duration(secondsLeft)) left, \(after))"
    }

    /// "45 s", "3 min 05 s", "1 h 02 min".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3_600 {
            return "\(whole / 60) min " + (whole % 60 < 10 ? "0" : "") + "\(whole % 60) s"
        }
        let minutes = (whole % 3_600) / 60
        return "\(whole / 3_600) h " + (minutes < 10 ? "0" : "") + "\(minutes) min"
    }
}
