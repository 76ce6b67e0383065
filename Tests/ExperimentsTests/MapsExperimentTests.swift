import Foundation
import Primitives
import Synchronization
import Testing

@testable import Experiments

struct MapsExperimentTests {
    private static let synchronized = MapVariant.allCases.filter { $0 != .unsynchronized }

    @Test(arguments: MapWorkload.allCases)
    func everySynchronizedVariantIsCorrect(workload: MapWorkload) async throws {
        let experiment = MapsExperiment(
            tasks: 6, keysPerTask: 150, runs: 2, workloads: [workload], variants: Self.synchronized
        )
        let result = try await experiment.run()
        let variants = try #require(result.workloads.first).variants
        #expect(variants.map(\.variant) == Self.synchronized)
        for variant in variants {
            #expect(variant.runs.count == 2)
            #expect(variant.correctRuns == 2, "\(variant.variant): \(variant.runs.map(\.outcomeDescription))")
            #expect(variant.runs.allSatisfy { $0.report?.count == 900 && $0.report?.expectedCount == 900 })
            #expect(variant.milliseconds?.count == 2)
        }
        #expect(variants.first { $0.variant == .mutex }?.speedRelativeToMutex == 1)
    }

    @Test func theUnsynchronizedVariantRunsInAChildProcessAndIsReported() async throws {
        let experiment = MapsExperiment(
            tasks: 8, keysPerTask: 500, runs: 2, workloads: [.write], variants: [.unsynchronized, .mutex]
        )
        let result = try await experiment.run()
        let unsynchronized = try #require(result.workloads.first?.variants.first)
        #expect(unsynchronized.variant == .unsynchronized)
        #expect(unsynchronized.runs.count == 2)
        for run in unsynchronized.runs {
            // It may crash, corrupt the map, or happen to be right: whatever happened is reported.
            if let report = run.report {
                #expect(report.expectedCount == 4_000)
            } else {
                #expect(run.failure?.isEmpty == false)
            }
        }
        let table = try #require(result.tables.first)
        #expect(table.notes.contains { $0.hasPrefix("unsynchronized runs in a child process") })
    }

    @Test func checksCatchAMapThatLosesWrites() async {
        let report = await MapWorkload.write.run(on: ForgetfulMap(), tasks: 4, keysPerTask: 100)
        #expect(report.expectedCount == 400)
        #expect(report.count == 360)
        #expect(report.wrongValues == 40)
        #expect(!report.isCorrect)
        #expect(MapRun(report).outcomeDescription == "count 360 of 400, 40 wrong or missing values")
    }

    @Test(arguments: [MapWorkload.read, .mixed])
    func checksCatchLookupsOfValuesNeverWritten(workload: MapWorkload) async {
        let report = await workload.run(on: ForgetfulMap(), tasks: 4, keysPerTask: 100)
        #expect(report.wrongReads > 0)
        #expect(!report.isCorrect)
    }

    @Test func aChildThatDiedIsDescribedByItsSignalAndFatalError() {
        let crashed = ChildProcess.Outcome(
            termination: .signaled(SIGILL), standardOutput: "",
            standardError: "noise\nSwift/NativeDictionary.swift:792: Fatal error: Duplicate keys of type 'Int' were found\n"
        )
        #expect(MapsExperiment.failureDescription(of: crashed)
            == "killed by SIGILL (4), Fatal error: Duplicate keys of type 'Int' were found")
        let hung = ChildProcess.Outcome(termination: .signaled(SIGALRM), standardOutput: "", standardError: "")
        #expect(MapsExperiment.failureDescription(of: hung).hasPrefix("hung"))
        let segfault = ChildProcess.Outcome(termination: .signaled(SIGSEGV), standardOutput: "", standardError: "")
        #expect(MapsExperiment.failureDescription(of: segfault) == "killed by SIGSEGV (11)")
    }

    @Test func childWorkRejectsArgumentsItCannotUse() async {
        await #expect(throws: ChildWorkArgumentError.self) {
            try await MapsExperiment.unsynchronizedChildWork.run(["write", "many", "1"])
        }
        #expect(ChildWorkCatalog.work(named: "maps-unsynchronized") != nil)
    }

    @Test func tablesAndJSONCarryEveryVariant() async throws {
        let experiment = MapsExperiment(tasks: 2, keysPerTask: 50, runs: 1, variants: [.mutex, .snapshot])
        let result = try await experiment.run()
        #expect(result.tables.count == 3)
        for table in result.tables {
            #expect(table.rows.map(\.first) == ["mutex", "snapshot"])
            #expect(table.notes.first?.contains(result.machine.oneLine) == true)
            #expect(table.rows.allSatisfy { $0[4] == "1 of 1" && $0[6] == "all correct" })
        }
        let decoded = try JSONDecoder().decode(MapsExperimentResult.self, from: JSONEncoder().encode(result))
        #expect(decoded.workloads == result.workloads)
        #expect(decoded.tasks == 2 && decoded.keysPerTask == 50 && decoded.runs == 1)
    }
}

/// A broken map for checking the checks: it drops every tenth key written.
private final class ForgetfulMap: ConcurrentMap {
    private let storage = MutexMap<Int, Int>()

    init() {}

    func value(forKey key: Int) -> Int? { storage.value(forKey: key) }

    func updateValue(_ value: Int, forKey key: Int) -> Int? {
        key % 10 == 0 ? nil : storage.updateValue(value, forKey: key)
    }

    func insertValue(_ value: Int, forKey key: Int) -> Bool {
        key % 10 == 0 ? true : storage.insertValue(value, forKey: key)
    }

    func removeValue(forKey key: Int) -> Int? { storage.removeValue(forKey: key) }

    var count: Int { storage.count }

    func snapshot() -> [Int: Int] { storage.snapshot() }
}
