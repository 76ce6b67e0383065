import ArgumentParser
import Dispatch
import Foundation
import LoadTesting
import Reporting
import Statistics

/// `scalelab load`: Locust-style load tests with exact percentiles.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load-test an HTTP service, Locust-style, with exact percentiles.",
        discussion: """
            Runs virtual users against --host for --run-time, prints the statistics table every \
            2 s, then the final statistics, response-time percentiles and failures. Press Ctrl-C \
            to stop early (the final report is still printed).

            Example (the original study's test): scalelab load -H http://127.0.0.1:8080 -u 50 -r 10 -t 1m

            Built-in scenarios: albums (GET /albums and POST /albums, 3:1), albums-by-id \
            (GET /albums/{id} and POST /albums, 3:1).

            Exit codes: 0 the test ran, no request failed and every threshold held; 1 some \
            requests failed (as Locust); 2 a --threshold broke (whether or not requests failed); \
            3 the test could not run (target down, unwritable output); 64 bad command-line usage.
            """
    )

    @Option(name: [.customShort("H"), .long], help: ArgumentHelp("The service under test, e.g. http://127.0.0.1:8080.", valueName: "url"))
    var host: String

    @Option(name: [.short, .long], help: "Closed model: number of concurrent users (default 1).")
    var users: Int?

    @Option(name: [.customShort("r"), .customLong("spawn-rate")], help: "Closed model: users started per second (default 1).")
    var spawnRate: Double?

    @Option(name: .customLong("arrival-rate"), help: "Open model: requests started per second whatever the target does (like wrk2, k6 constant-arrival-rate); times count from each request's intended start. Replaces -u and -r.")
    var arrivalRate: Double?

    @Option(name: .customLong("max-in-flight"), help: "Open model: most requests in flight (connections) at once; requests with none free start late and are counted.")
    var maxInFlight: Int = 100

    @Option(name: [.customShort("t"), .customLong("run-time")], help: "How long to run: 30s, 5m, 1h30m.")
    var runTime: String = "30s"

    @Option(name: .customLong("stop-timeout"), help: "At the end, time users get to finish their request in flight (e.g. 5s); 0 stops them at once.")
    var stopTimeout: String = "0"

    @Option(help: "Scenario to run: albums, albums-by-id, or a scenario file (.json; see docs/load-testing.md).")
    var scenario: String = "albums"

    @Option(help: "HTTP client: fast (SwiftNIO, one keep-alive connection per user) or standard (AsyncHTTPClient).")
    var client: ClientKind = .fast

    @Option(help: "Time a request may take before it fails as a timeout, e.g. 5s or 500ms.")
    var timeout: String = "60s"

    @Option(help: "Event-loop threads that run the users.")
    var threads: Int = 1

    @Option(help: ArgumentHelp(
        "Write PREFIX_stats.csv, PREFIX_stats_history.csv and PREFIX_failures.csv with Locust's columns.",
        valueName: "prefix"))
    var csv: String?

    @Option(help: ArgumentHelp(
        "Write the full report (statistics, histograms, history, failures, thresholds) as JSON to this file.",
        valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML report (tables and charts over time) to this file.", valueName: "file"))
    var html: String?

    @Option(name: .customLong("threshold"), help: ArgumentHelp(
        "A criterion the results must meet, repeatable: p95<200ms, avg<50ms, fail_ratio<0.01, rps>1000, or per request type: '/albums/{id}:p99<1s'. A broken one exits with code 2.",
        valueName: "criterion"))
    var thresholds: [String] = []

    @Flag(name: .customLong("only-summary"), help: "Print only the final report, not the table every 2 s.")
    var onlySummary = false

    func validate() throws {
        if let arrivalRate {
            guard users == nil, spawnRate == nil else {
                throw ValidationError("--arrival-rate (open model) replaces -u/--users and -r/--spawn-rate (closed model); pass one or the other.")
            }
            guard arrivalRate > 0, arrivalRate.isFinite else {
                throw ValidationError("--arrival-rate must be a positive number of requests per second (got \(arrivalRate)).")
            }
            guard maxInFlight >= 1 else {
                throw ValidationError("--max-in-flight must be at least 1 (got \(maxInFlight)).")
            }
        }
        if let users, users < 1 { throw ValidationError("-u/--users must be at least 1 (got \(users)).") }
        if let spawnRate, !(spawnRate > 0 && spawnRate.isFinite) {
            throw ValidationError("-r/--spawn-rate must be a positive number of users per second (got \(spawnRate)).")
        }
        guard (1...256).contains(threads) else {
            throw ValidationError("--threads must be between 1 and 256 (got \(threads)); one per core is plenty.")
        }
        _ = try parsedDuration(runTime, option: "-t/--run-time", allowZero: false)
        _ = try parsedDuration(stopTimeout, option: "--stop-timeout", allowZero: true)
        _ = try parsedDuration(timeout, option: "--timeout", allowZero: false)
        _ = try target()
        _ = try chosenScenario()
        _ = try parsedThresholds()
        if let csv, csv.isEmpty { throw ValidationError("--csv needs a file prefix, e.g. --csv results/run1.") }
        if let json, json.isEmpty { throw ValidationError("--json needs a file path, e.g. --json report.json.") }
        if let html, html.isEmpty { throw ValidationError("--html needs a file path, e.g. --html report.html.") }
    }

    func run() async throws {
        let configuration = LoadConfiguration(
            target: try target(), client: client, shape: shape,
            runTime: try parsedDuration(runTime, option: "-t/--run-time", allowZero: false),
            stopTimeout: try parsedDuration(stopTimeout, option: "--stop-timeout", allowZero: true),
            requestTimeout: try parsedDuration(timeout, option: "--timeout", allowZero: false),
            eventLoopThreads: threads
        )
        let scenario = try chosenScenario()
        let thresholds = try parsedThresholds()
        let runner = LoadRunner(scenario: scenario, configuration: configuration)
        let live = LiveView(isEnabled: !onlySummary, runTime: configuration.runTime, shape: shape)
        let run = Task { try await runner.run(onSecond: live.show) }
        let interrupt = Self.cancelOnInterrupt(run)
        defer { interrupt.cancel() }
        let statistics: StatsSnapshot
        do {
            statistics = try await run.value
        } catch let error as LoadTestError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(3)
        }
        let report = LoadTestReport(
            scenario: scenario, configuration: configuration, machine: .current, statistics: statistics,
            thresholds: thresholds
        )
        print(LoadReportText.final(report), terminator: "")
        try write(report)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func write(_ report: LoadTestReport) throws {
        var files: [(path: String, contents: String)] = []
        if let csv {
            files += LocustCSV.files(report.statistics).map { (csv + $0.suffix, $0.contents) }
        }
        if let json { files.append((json, try report.json())) }
        if let html { files.append((html, HTMLReport.rendered(report))) }
        for file in files {
            do {
                try file.contents.write(toFile: file.path, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data(
                    "error: cannot write \(file.path): \(error.localizedDescription). Check that the folder exists and is writable.\n".utf8))
                throw ExitCode(3)
            }
            FileHandle.standardError.write(Data("Wrote \(file.path)\n".utf8))
        }
    }

    private var shape: LoadShape {
        if let arrivalRate { return .open(arrivalRate: arrivalRate, maxInFlight: maxInFlight) }
        return .closed(users: users ?? 1, spawnRate: spawnRate ?? 1)
    }

    private func target() throws -> TargetAddress {
        do {
            return try TargetAddress(parsing: host)
        } catch {
            throw ValidationError("-H/--host: \(error)")
        }
    }

    private func chosenScenario() throws -> Scenario {
        if let builtIn = Scenario.builtIn[scenario] { return builtIn }
        guard scenario.hasSuffix(".json") || FileManager.default.fileExists(atPath: scenario) else {
            let known = Scenario.builtIn.keys.sorted().joined(separator: ", ")
            throw ValidationError("--scenario: unknown scenario '\(scenario)'; built in: \(known), or give a .json scenario file.")
        }
        do {
            return try ScenarioFile.load(path: scenario)
        } catch {
            throw ValidationError("--scenario: \(error)")
        }
    }

    private func parsedThresholds() throws -> [Threshold] {
        try thresholds.map { text in
            do {
                return try Threshold(parsing: text)
            } catch {
                throw ValidationError("--threshold \(error)")
            }
        }
    }

    private func parsedDuration(_ text: String, option: String, allowZero: Bool) throws -> Duration {
        guard let duration = DurationText.parse(text), allowZero || duration > .zero else {
            throw ValidationError("\(option): '\(text)' is not a\(allowZero ? "" : " positive") duration; write e.g. 30s, 5m, 1h30m or 500ms.")
        }
        return duration
    }

    /// Ctrl-C stops the test early but still reports; a second Ctrl-C ends the process.
    private static func cancelOnInterrupt(_ task: Task<StatsSnapshot, any Error>) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data("\nStopping (press Ctrl-C again to quit at once)...\n".utf8))
            signal(SIGINT, SIG_DFL)
            task.cancel()
        }
        source.resume()
        return source
    }
}

extension ClientKind: ExpressibleByArgument {}

/// The headless live view: the statistics table every 2 s.
private struct LiveView: Sendable {
    let isEnabled: Bool
    let runTime: Duration
    let shape: LoadShape

    func show(_ snapshot: StatsSnapshot) {
        guard isEnabled, Int(snapshot.elapsedSeconds.rounded()) % 2 == 0 else { return }
        print(LoadReportText.live(snapshot, runTime: runTime, shape: shape), terminator: "")
    }
}
