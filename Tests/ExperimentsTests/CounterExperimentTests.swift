import Experiments
import Testing

struct CounterExperimentTests {
    @Test func synchronizedVariantsNeverLoseAnUpdate() async throws {
        let experiment = CounterExperiment(tasks: 8, iterations: 200, runs: 2, variants: [.atomic, .mutex, .actor])
        let result = try await experiment.run()
        #expect(result.measurements.map(\.variant) == [.atomic, .mutex, .actor])
        for measurement in result.measurements {
            #expect(measurement.runs.count == 2)
            #expect(measurement.runs.allSatisfy { $0.count == 1_600 })
            #expect(measurement.runsWithLostUpdates == 0)
            #expect(measurement.milliseconds != nil)
        }
    }

    @Test func plainRunsInAChildProcessAndNeverCountsTooHigh() async throws {
        let experiment = CounterExperiment(tasks: 4, iterations: 1_000, runs: 3, variants: [.plain])
        let result = try await experiment.run()
        let plain = try #require(result.measurements.first)
        #expect(plain.childTermination != nil)
        #expect(plain.runs.count == 3)
        #expect(plain.runs.allSatisfy { $0.count > 0 && $0.count <= 4_000 })
        #expect(plain.lostUpdates == plain.runs.map { 4_000 - $0.count })
    }

    @Test func tableShowsEveryVariantAndNamesTheMachine() async throws {
        let result = try await CounterExperiment(tasks: 2, iterations: 10, runs: 1, variants: [.atomic, .mutex]).run()
        let table = try #require(result.tables.first)
        #expect(table.rows.map { $0[0] } == ["atomic", "mutex"])
        #expect(table.rows.allSatisfy { $0[4] == "20" && $0[6] == "none in 1 runs" })
        #expect(table.notes.contains { $0.contains(result.machine.oneLine) })
    }
}
