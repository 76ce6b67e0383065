import AlbumService
import Foundation
import LoadTesting
import Primitives
import Statistics
import Testing

@testable import Study

struct StudyReportTests {
    private let machine = MachineDescription(
        logicalCores: 2, operatingSystem: "Linux 6.1.0 (Debian 12)", swiftVersion: "Swift 6.3", processor: "Test CPU")

    private func report(parts: [StudyPart] = StudyPart.allCases, outcome: StudyOutcome) -> StudyReport {
        StudyReport(
            context: StudyContext(
                machine: machine, date: Date(timeIntervalSince1970: 0), command: "scalelab study --quick", size: .quick, parts: parts),
            outcome: outcome)
    }

    private var serviceOutcome: StudyOutcome {
        StudyOutcome(measurements: StudyMeasurements(serviceRuns: [
            ServiceRunFixture.run(listEncoding: .locked, client: .fast, requestsPerSecond: 164, listP95: 264),
            ServiceRunFixture.run(listEncoding: .locked, client: .standard, requestsPerSecond: 160, listP95: 270),
            ServiceRunFixture.run(listEncoding: .cached, client: .fast, requestsPerSecond: 966, listP95: 47),
        ]))
    }

    @Test func thePageNamesMachineDateCommandAndBuildAndHasEverySection() {
        let html = report(outcome: serviceOutcome).html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for expected in [
            "2 logical cores, Linux 6.1.0 (Debian 12), Swift 6.3, Test CPU", "1970-01-01T00:00:00Z", "scalelab study --quick",
            "<h2>Experiments</h2>", "<h2>Service</h2>", "<h2>Scaling</h2>", "No scaling run was measured.",
        ] {
            #expect(html.contains(expected), "missing \(expected)")
        }
    }

    /// Self-contained: inline SVG charts, no script and nothing loaded from elsewhere.
    @Test func thePageIsSelfContained() {
        let html = report(outcome: serviceOutcome).html
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
    }

    @Test func theServiceSectionShowsTheOriginalsRowAndItsConclusions() {
        let markdown = report(parts: [.service], outcome: serviceOutcome).markdown
        #expect(markdown.contains("| the original (Gin, Go map under a lock) | Locust HttpUser | 50 | ~26.0 | 460 | 1,300 | 2,600 |"))
        #expect(markdown.contains("- ScaleLab's cached store served 5.89x the requests of the original's locked store"))
        // locked: 164 against 160 requests/s is "about the same"; cached has no standard run.
        #expect(markdown.contains("- The fast and standard clients drove about the same throughput (164 against 160 requests/s"))
        #expect(!markdown.contains("## Experiments"))
    }

    @Test func aStoppedStudySaysWhatDidNotRunAndAFailedStepWhy() {
        var outcome = serviceOutcome
        outcome.notRun = ["service: ScaleLab store (cached), standard client, 20 users"]
        outcome.failed = [.init(name: "experiments: maps", reason: "the child could not start")]
        let markdown = report(outcome: outcome).markdown
        #expect(markdown.contains("## Incomplete"))
        #expect(markdown.contains("- Step failed: experiments: maps: the child could not start"))
        #expect(markdown.contains("- Stopped (Ctrl-C) before: service: ScaleLab store (cached), standard client, 20 users."))
    }

    @Test func aSectionWithoutClearDifferencesSaysItDrawsNoConclusion() {
        let outcome = StudyOutcome(measurements: StudyMeasurements(serviceRuns: [
            ServiceRunFixture.run(listEncoding: .locked, client: .fast, requestsPerSecond: 100),
            ServiceRunFixture.run(listEncoding: .cached, client: .fast, requestsPerSecond: 110),
        ]))
        let markdown = report(parts: [.service], outcome: outcome).markdown
        #expect(markdown.contains("it draws no conclusion"))
        #expect(!markdown.contains("store served"))
    }

    @Test func theDataFolderHoldsTheStudyAndEveryServiceRunAsJSONAndCSV() throws {
        let names = try report(outcome: serviceOutcome).dataFiles().map(\.name)
        #expect(names == [
            "study.json",
            "service-albums-locked-fast-20u.json", "service-albums-locked-fast-20u.csv",
            "service-albums-locked-standard-20u.json", "service-albums-locked-standard-20u.csv",
            "service-albums-cached-fast-20u.json", "service-albums-cached-fast-20u.csv",
            "service.csv",
        ])
        let seconds = try #require(try report(outcome: serviceOutcome).dataFiles().first { $0.name == "service-albums-cached-fast-20u.csv" })
        #expect(seconds.contents.hasPrefix("elapsed seconds,albums,requests per second,window median ms,window p95 ms,window p99 ms\r\n1.0,40,150.0,4.0,8.0,12.0\r\n"))
    }

    @Test func theOutputFolderGetsThePageTheMarkdownAndTheData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-study-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try StudyOutput.write(report(outcome: serviceOutcome), to: folder.path)
        #expect(written.prefix(3) == ["index.html", "report.md", "data/study.json"])
        for name in written {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
        }
        let record = try Data(contentsOf: folder.appendingPathComponent("data/study.json"))
        let decoded = try JSONDecoder().decode(StudyRecord.self, from: record)
        #expect(decoded.outcome.measurements.serviceRuns == serviceOutcome.measurements.serviceRuns)
    }

    @Test func anUnwritableFolderSaysWhatToDo() {
        #expect {
            try StudyOutput.write(report(outcome: serviceOutcome), to: "/proc/scalelab-study")
        } throws: { error in
            "\(error)".contains("Choose a writable folder with --output")
        }
    }
}

extension StudyReportTests {
    /// Throughput at 1 to 8 users following Amdahl's law with σ = 0.25: both fits in a table,
    /// a chart, the runs in data/, and the serial fraction among the conclusions.
    @Test func theScalingSectionShowsBothFitsAndTheirConclusions() throws {
        let runs = [1.0, 2, 4, 8].map { users in
            ServiceRunFixture.run(
                scenario: .albumsByID, listEncoding: .cached, client: .fast,
                requestsPerSecond: 100 * users / (1 + 0.25 * (users - 1)), users: Int(users))
        }
        let scaling = report(parts: [.scaling], outcome: StudyOutcome(measurements: StudyMeasurements(scalingRuns: runs)))
        let markdown = scaling.markdown
        #expect(markdown.contains("#### Amdahl and Universal Scalability Law fits"))
        #expect(markdown.contains("| Amdahl | 100 | 0.250 | 0 | 1.00 | none: levels off towards 400 requests/s |"))
        #expect(markdown.contains("- Amdahl's law fits with a serial fraction of σ = 0.250"))
        #expect(markdown.contains("- More users raised throughput 2.91x"))
        #expect(scaling.html.contains("Throughput as users rise, with the fitted laws"))
        let names = try scaling.dataFiles().map(\.name)
        #expect(names.contains("scaling-albums-by-id-cached-fast-8u.json"))
        #expect(names.contains("scaling.csv"))
        #expect(names.contains("scaling-fits.json"))
    }
}

extension StudyReportTests {
    @Test func theGeneratorsWorkersAreTabledChartedAndConcludedUpon() throws {
        let runs = [(1, 26.0), (2, 25.5), (4, 25.0)].map { workers, rate in
            GeneratorRun(
                target: .bottleneck, workers: workers, users: 50, requestsPerSecond: rate, failures: 0,
                workerPeakCPUUse: Array(repeating: 0.25, count: workers), masterPeakCPUUse: 0.95, stoppedWorkers: 0)
        }
        let scaling = report(parts: [.scaling], outcome: StudyOutcome(measurements: StudyMeasurements(generatorRuns: runs)))
        let markdown = scaling.markdown
        #expect(markdown.contains("| bottleneck | 4 | 50 | 25.0 | 0.962x | 0 | 25 %, 25 %, 25 %, 25 % | 95 % |"))
        #expect(markdown.contains("- Amdahl fit of the speed-up, bottleneck: serial fraction σ ="))
        #expect(markdown.contains("4 worker processes drove about the same throughput as 1 (25.0 against 26.0 requests/s with 50 users), as in the original"))
        #expect(scaling.html.contains("Throughput against worker processes"))
        #expect(try scaling.dataFiles().map(\.name) == ["study.json", "generator.json", "generator.csv"])
    }
}

extension StudyReportTests {
    /// Three runs of each engine: a table of medians with min–max, a chart, the conclusion, and
    /// the runs in data/.
    @Test func aComparisonSectionTablesChartsAndConcludesOnRepeatedRuns() throws {
        let runs = [(ServerEngine.eventLoop, 3_000.0), (.router, 2_000), (.eventLoop, 3_100), (.router, 2_100), (.eventLoop, 3_200), (.router, 2_200)]
            .map { engine, rate in
                ServiceRunFixture.run(scenario: .albumsByID, engine: engine, requestsPerSecond: rate, users: 16)
            }
        let study = StudyReport(
            context: StudyContext(machine: machine, command: "scalelab study", size: .full, parts: [.service]),
            outcome: StudyOutcome(measurements: StudyMeasurements(engineRuns: runs)))
        let markdown = study.markdown
        #expect(markdown.contains("## Engines"))
        #expect(markdown.contains("| event-loop | 3 | 3100 | 3000–3200 | 5.00 | 20.0 | 2.00 | 6.00 | 0 | 50 % |"))
        #expect(markdown.contains("| router | 3 | 2100 | 2000–2200 |"))
        #expect(markdown.contains("- Of the engines, event-loop served the most requests/s (3100/s, medians of 3 runs): 1.48x router's (2100/s)."))
        #expect(study.html.contains("Requests/s per engine"))
        // Sections without runs say so; the stores section says how to add PostgreSQL.
        #expect(markdown.contains("## Map strategies behind the service"))
        #expect(markdown.contains("No run of this comparison was measured."))
        #expect(markdown.contains("PostgreSQL was not measured: pass --postgres"))
        let files = try study.dataFiles()
        #expect(files.map(\.name) == ["study.json", "service-engines.json", "service-engines.csv"])
        let csv = try #require(files.last?.contents)
        #expect(csv.hasPrefix("scenario,store,map,list encoding,engine,client,users,requests per second,"))
        #expect(csv.contains("\r\nalbums-by-id,memory,snapshot,cached,router,fast,16,2000.0,"))
    }

    /// Map strategies are grouped by mix; a generator at its limit is pointed out.
    @Test func theMapStrategiesAreShownPerMixAndASaturatedGeneratorIsNamed() {
        let runs = ServiceMix.allCases.flatMap { mix in
            [MapStrategy.mutex, .snapshot].map { strategy in
                ServiceRunFixture.run(
                    scenario: mix.scenario, strategy: strategy, requestsPerSecond: 1_000, users: 8,
                    peakGeneratorCPUUse: mix == .writeHeavy ? 1 : 0.5)
            }
        }
        let markdown = report(parts: [.service], outcome: StudyOutcome(measurements: StudyMeasurements(mapRuns: runs))).markdown
        #expect(markdown.contains("| read-heavy | mutex | 1 | 1000 |"))
        #expect(markdown.contains("| write-heavy | snapshot | 1 | 1000 |"))
        #expect(markdown.contains("busy 90 % or more of some second in these runs (write-heavy)"))
        #expect(!markdown.contains("(read-heavy): it may have set the limit"))
        // Read-heavy: about the same; write-heavy: the generator may hide a difference.
        #expect(markdown.contains("- Under the read-heavy (19 reads by id : 1 POST) mix, of the map strategies, all served about the same"))
        #expect(!markdown.contains("Under the write-heavy (1 read by id : 3 POSTs) mix, of the map strategies, all served"))
    }

    @Test func theReportedCommandLeavesOutThePostgreSQLPassword() throws {
        let address = try PostgresAddress(parsing: "postgres://study:secret@127.0.0.1:5433/albums")
        for arguments in [
            ["/usr/bin/scalelab", "study", "--postgres", "postgres://study:secret@127.0.0.1:5433/albums", "--quick"],
            ["/usr/bin/scalelab", "study", "--postgres=postgres://study:secret@127.0.0.1:5433/albums", "--quick"],
        ] {
            let command = StudyContext.command(typed: arguments, postgres: address)
            #expect(!command.contains("secret"))
            #expect(command.contains("postgres://study@127.0.0.1:5433/albums"))
            #expect(command.hasPrefix("scalelab study --postgres") && command.hasSuffix(" --quick"))
        }
    }
}
