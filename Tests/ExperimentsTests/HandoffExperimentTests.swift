import Experiments
import Testing

struct HandoffExperimentTests {
    @Test func everyVariantCompletesEveryRoundTrip() async throws {
        let result = try await HandoffExperiment(roundtrips: 2_000, runs: 2).run()
        #expect(result.measurements.map(\.variant) == HandoffVariant.allCases)
        for measurement in result.measurements {
            #expect(measurement.runs.count == 2)
            #expect(measurement.isComplete, "\(measurement.variant) did not complete its round trips")
            #expect(measurement.nanosecondsPerHandoff != nil)
        }
        let table = try #require(result.tables.first)
        #expect(table.rows.count == 4)
        #expect(table.rows.allSatisfy { $0.last == "all 2,000" })
    }

    @Test func costPerHandoffIsHalfARoundTrip() {
        let run = HandoffRun(seconds: 0.004, roundtrips: 1_000)
        #expect(abs(run.secondsPerHandoff - 0.000002) < 1e-12)
    }
}
