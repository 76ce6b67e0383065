import Statistics

/// Runs the study's steps in order, announcing each with a time-left estimate. A failed step
/// is recorded and the next one runs; after a stop request no further step starts.
package struct StudyRunner: Sendable {
    package let steps: [StudyStep]

    package init(steps: [StudyStep]) {
        self.steps = steps
    }

    /// Runs every step unless `stop` is requested, which ends the study after the step in
    /// progress; `progress` is told when each step starts.
    package func run(stop: StopRequest, progress: @Sendable (StudyProgress) -> Void = { _ in }) async -> StudyOutcome {
        var outcome = StudyOutcome()
        var doneSeconds: [Double] = []
        let clock = ContinuousClock()
        for (index, step) in steps.enumerated() {
            if stop.isRequested {
                outcome.notRun = steps[index...].map(\.name)
                break
            }
            progress(StudyProgress(
                stepNumber: index + 1, stepCount: steps.count, stepName: step.name,
                secondsLeft: StudyProgress.secondsLeft(
                    remainingEstimates: steps[index...].map(\.estimatedSeconds),
                    doneEstimates: steps[..<index].map(\.estimatedSeconds),
                    doneSeconds: doneSeconds)))
            let start = clock.now
            do {
                try await step.run(&outcome.measurements)
                let seconds = start.duration(to: clock.now).seconds
                outcome.completed.append(.init(name: step.name, seconds: seconds))
                doneSeconds.append(seconds)
            } catch {
                outcome.failed.append(.init(name: step.name, reason: "\(error)"))
                doneSeconds.append(start.duration(to: clock.now).seconds)
            }
        }
        return outcome
    }
}
