import AlbumService
import Testing

@testable import Study

struct StudyPlanTests {
    /// A warm-up, then every variant of every comparison once per round, so that each variant's
    /// runs spread over the same stretch of time.
    @Test func theComparisonsTakeTurnsAfterOneWarmUp() {
        let names = StudyPlan(size: .full, parts: [.service]).steps.map(\.name).filter { !$0.contains("store (") }
        #expect(names.first == "service: warm-up for the comparisons (not recorded)")
        // 8 map runs (4 strategies, 2 mixes), 2 engines, 2 stores, three rounds.
        #expect(names.count == 1 + 3 * 12)
        #expect(names[1] == "service: map strategy mutex, read-heavy mix, run 1 of 3")
        #expect(names[9] == "service: engine event-loop, run 1 of 3")
        #expect(names[12] == "service: store SQLite, run 1 of 3")
        #expect(names[13] == "service: map strategy mutex, read-heavy mix, run 2 of 3")
        #expect(names.last == "service: store SQLite, run 3 of 3")
    }

    @Test func postgreSQLIsComparedOnlyWithADatabase() throws {
        let address = try PostgresAddress(parsing: "postgres://scalelab@127.0.0.1:5432/study")
        let without = StudyPlan(size: .quick, parts: [.service]).steps.map(\.name)
        let with = StudyPlan(size: .quick, parts: [.service], postgres: address).steps.map(\.name)
        #expect(!without.contains { $0.contains("PostgreSQL") })
        #expect(with.filter { $0.hasPrefix("service: store ") } == [
            "service: store memory, run 1 of 1", "service: store SQLite, run 1 of 1", "service: store PostgreSQL, run 1 of 1",
        ])
    }
}
