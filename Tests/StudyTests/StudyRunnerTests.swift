import Synchronization
import Testing

@testable import Study

struct StudyRunnerTests {
    private struct StepFailure: Error, CustomStringConvertible {
        var description: String { "the step broke" }
    }

    /// Names of the steps that ran, in order.
    private final class Log: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
    }

    private func step(_ name: String, log: Log, body: @escaping @Sendable () throws -> Void = {}) -> StudyStep {
        StudyStep(name: name, part: .experiments, estimatedSeconds: 1) { _ in
            log.append(name)
            try body()
        }
    }

    @Test func runsEveryStepInOrderAndAnnouncesEach() async {
        let log = Log()
        let announced = Log()
        let outcome = await StudyRunner(steps: ["a", "b", "c"].map { step($0, log: log) })
            .run(stop: StopRequest()) { announced.append("\($0.stepNumber)/\($0.stepCount) \($0.stepName)") }
        #expect(log.all == ["a", "b", "c"])
        #expect(announced.all == ["1/3 a", "2/3 b", "3/3 c"])
        #expect(outcome.completed.map(\.name) == ["a", "b", "c"])
        #expect(outcome.failed.isEmpty && !outcome.wasStopped)
    }

    @Test func aFailedStepIsRecordedAndTheNextOneRuns() async {
        let log = Log()
        let outcome = await StudyRunner(steps: [
            step("a", log: log) { throw StepFailure() }, step("b", log: log),
        ]).run(stop: StopRequest())
        #expect(log.all == ["a", "b"])
        #expect(outcome.failed == [.init(name: "a", reason: "the step broke")])
        #expect(outcome.completed.map(\.name) == ["b"])
    }

    /// Ctrl-C during a step: that step finishes and keeps what it measured; no later step starts.
    @Test func aStopRequestEndsTheStudyAfterTheCurrentStep() async {
        let log = Log()
        let stop = StopRequest()
        let measuring = StudyStep(name: "service", part: .service, estimatedSeconds: 1) { measurements in
            log.append("service")
            stop.request()
            measurements.serviceRuns.append(ServiceRunFixture.run(listEncoding: .cached, client: .fast, requestsPerSecond: 10))
        }
        let outcome = await StudyRunner(steps: [measuring, step("b", log: log), step("c", log: log)]).run(stop: stop)
        #expect(log.all == ["service"])
        #expect(outcome.completed.map(\.name) == ["service"])
        #expect(outcome.measurements.serviceRuns.count == 1)
        #expect(outcome.notRun == ["b", "c"])
        #expect(outcome.wasStopped)
    }
}
