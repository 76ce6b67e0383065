/// One step of the study: a unit of work the progress display names and Ctrl-C waits for.
package struct StudyStep: Sendable {
    /// What the progress display shows, e.g. "experiments: maps".
    package let name: String
    package let part: StudyPart
    /// Roughly how long the step takes, for the time-left estimate.
    package let estimatedSeconds: Double
    /// Measures, and records what it measured.
    package let run: @Sendable (inout StudyMeasurements) async throws -> Void

    package init(
        name: String, part: StudyPart, estimatedSeconds: Double,
        run: @escaping @Sendable (inout StudyMeasurements) async throws -> Void
    ) {
        self.name = name
        self.part = part
        self.estimatedSeconds = estimatedSeconds
        self.run = run
    }
}
