/// What a study run did: its measurements and what became of each step.
package struct StudyOutcome: Codable, Sendable {
    /// A step that finished, and how long it took.
    package struct CompletedStep: Codable, Sendable, Equatable {
        package let name: String
        package let seconds: Double
    }

    /// A step that could not finish, and why.
    package struct FailedStep: Codable, Sendable, Equatable {
        package let name: String
        package let reason: String
    }

    package var measurements: StudyMeasurements
    package var completed: [CompletedStep]
    package var failed: [FailedStep]
    /// Steps not started because the study was stopped (Ctrl-C).
    package var notRun: [String]

    package init(
        measurements: StudyMeasurements = StudyMeasurements(), completed: [CompletedStep] = [],
        failed: [FailedStep] = [], notRun: [String] = []
    ) {
        self.measurements = measurements
        self.completed = completed
        self.failed = failed
        self.notRun = notRun
    }

    /// True when Ctrl-C stopped the study before its last step.
    package var wasStopped: Bool { !notRun.isEmpty }
}
