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
            Serves a web UI at http://127.0.0.1:8089 (Locust's page: start, resize and stop tests, \
            live statistics and charts, downloads). With -u (or --arrival-rate) the test starts at \
            once; without, it waits to be started from the page. The process serves the page until \
            Ctrl-C, then prints the last test's final report and writes --csv/--json/--html.

            --headless runs without the page: virtual users run against --host for --run-time \
            (default 30s), the statistics table prints every 2 s, then the final statistics, \
            response-time percentiles and failures. Press Ctrl-C to stop early (the final report is \
            still printed).

            Example (the original study's test): scalelab load -H http://127.0.0.1:8080 -u 50 -r 10 -t 1m --headless

            Built-in scenarios: albums (GET /albums and POST /albums, 3:1), albums-by-id \
            (GET /albums/{id} and POST /albums, 3:1).

            Distributed (as Locust's --master and --worker): start `scalelab load --master -H URL -u 50 \
            -r 10 -t 1m --expect-workers 2 --headless` and `scalelab load --worker --master-host HOST` twice. \
            Without --auth-token the master listens on loopback only; with the same token on both \
            sides, workers on other machines can join. Workers get the scenario and every load option \
            from the master; the master merges their statistics exactly and reports each worker.

            Without --headless, the master also serves the web UI, whose Workers tab lists them.

            Exit codes (with the web UI: those of the last test, after Ctrl-C): 0 the test ran, \
            no request failed and every threshold held; 1 some requests failed (as Locust); 2 a \
            --threshold broke (whether or not requests failed); 3 the test could not run (target \
            down, unwritable output, workers missing, master unreachable or refusing the worker, \
            web or master port taken); 64 bad command-line usage.
            """
    )

    @Option(
        name: [.customShort("H"), .long], help: ArgumentHelp("The service under test, e.g. http://127.0.0.1:8080.", valueName: "url"),
        transform: { text in
            do { return try TargetAddress(parsing: text) } catch { throw ValidationError("-H/--host: \(error)") }
        })
    var host: TargetAddress?

    @Option(name: [.short, .long], help: "Closed model: number of concurrent users (default 1).")
    var users: Int?

    @Option(name: [.customShort("r"), .customLong("spawn-rate")], help: "Closed model: users started per second (default 1).")
    var spawnRate: Double?

    @Option(name: .customLong("arrival-rate"), help: "Open model: requests started per second whatever the target does (like wrk2, k6 constant-arrival-rate); times count from each request's intended start. Replaces -u and -r.")
    var arrivalRate: Double?

    @Option(name: .customLong("max-in-flight"), help: "Open model: most requests in flight (connections) at once; requests with none free start late and are counted.")
    var maxInFlight: Int = 100

    @Option(name: [.customShort("t"), .customLong("run-time")], help: "How long to run: 30s, 5m, 1h30m (default: 30s headless; with the web UI, until stopped).")
    var runTime: DurationArgument?

    @Option(name: .customLong("stop-timeout"), help: "At the end, time users get to finish their request in flight (e.g. 5s); 0 stops them at once (those requests are counted, not recorded).")
    var stopTimeout = DurationArgument(.zero)

    @Option(
        help: ArgumentHelp("Scenario to run: albums (default), albums-by-id, or a scenario file (.json; see docs/load-testing.md).", valueName: "scenario"),
        transform: { text in
            do { return try ScenarioChoice(parsing: text) } catch { throw ValidationError("--scenario: \(error)") }
        })
    var scenario: ScenarioChoice?

    @Option(help: "HTTP client: fast (SwiftNIO, one keep-alive connection per user) or standard (AsyncHTTPClient).")
    var client: ClientKind = .fast

    @Option(help: "Time a request may take before it fails as a timeout, e.g. 5s or 500ms.")
    var timeout = DurationArgument(.seconds(60))

    @Option(help: "Event-loop threads that run the users (on a worker: that worker's threads).")
    var threads: Int = 1

    @Option(help: ArgumentHelp(
        "Write PREFIX_stats.csv, PREFIX_stats_history.csv and PREFIX_failures.csv with Locust's columns.",
        valueName: "prefix"))
    var csv: String?

    @Option(help: ArgumentHelp(
        "Write the full report (statistics, histograms, history, failures, thresholds, workers) as JSON to this file.",
        valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML report (tables and charts over time) to this file.", valueName: "file"))
    var html: String?

    @Option(
        name: .customLong("threshold"),
        help: ArgumentHelp(
            "A criterion the results must meet, repeatable: p95<200ms, avg<50ms, fail_ratio<0.01, rps>1000, or per request type: '/albums/{id}:p99<1s'. A broken one exits with code 2.",
            valueName: "criterion"),
        transform: { text in
            do { return try Threshold(parsing: text) } catch { throw ValidationError("--threshold \(error)") }
        })
    var thresholds: [Threshold] = []

    @Flag(name: .customLong("only-summary"), help: "Print only the final report, not the table every 2 s.")
    var onlySummary = false

    @Flag(help: "Run without the web UI: start at once, print the table every 2 s, end after --run-time.")
    var headless = false

    @OptionGroup(title: "Web UI")
    var web: WebUIOptions

    @OptionGroup(title: "Distributed runs")
    var cluster: ClusterOptions

    /// The default run time of a headless test.
    static let defaultHeadlessRunTime = Duration.seconds(30)

    func validate() throws {
        if cluster.worker {
            let masterOnly: [(String, Bool)] = [
                ("-H/--host", host != nil), ("-u/--users", users != nil), ("-r/--spawn-rate", spawnRate != nil),
                ("--arrival-rate", arrivalRate != nil), ("--scenario", scenario != nil), ("--csv", csv != nil),
                ("--json", json != nil), ("--html", html != nil), ("--threshold", !thresholds.isEmpty),
            ]
            if let given = masterOnly.first(where: \.1) {
                throw ValidationError(
                    "\(given.0) goes to the master: a worker takes its scenario and load from the master, and only --master-host, --master-port, --auth-token and --threads.")
            }
        } else if host == nil {
            throw ValidationError("-H/--host is required: the service under test, e.g. -H http://127.0.0.1:8080.")
        }
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
        guard runTime.map({ $0.duration > .zero }) ?? true else { throw ValidationError("-t/--run-time must be positive, e.g. 30s, 5m or 1h30m.") }
        guard timeout.duration > .zero else { throw ValidationError("--timeout must be positive, e.g. 5s or 500ms.") }
        if let csv, csv.isEmpty { throw ValidationError("--csv needs a file prefix, e.g. --csv results/run1.") }
        if let json, json.isEmpty { throw ValidationError("--json needs a file path, e.g. --json report.json.") }
        if let html, html.isEmpty { throw ValidationError("--html needs a file path, e.g. --html report.html.") }
    }

    func run() async throws {
        if cluster.worker { return try await runWorker() }
        guard let host else { throw ValidationError("-H/--host is required.") }
        let configuration = LoadConfiguration(
            target: host, client: client, shape: shape,
            runTime: runTime?.duration ?? (headless ? Self.defaultHeadlessRunTime : nil), stopTimeout: stopTimeout.duration,
            requestTimeout: timeout.duration, eventLoopThreads: threads
        )
        let chosen = try scenario ?? ScenarioChoice(parsing: Scenario.albums.name)
        if !headless { return try await runWithWebUI(configuration, scenario: chosen) }
        let live = LiveView(isEnabled: !onlySummary)
        let outcome: Task<(StatsSnapshot, ClusterSummary?), any Error>
        if cluster.master {
            let master = ClusterMaster(plan: ClusterRunPlan(scenario: chosen, configuration: configuration), options: masterOptions)
            let expected = cluster.expectWorkers
            let listening = masterListening
            outcome = Task {
                let (statistics, summary) = try await master.run(
                    onListening: { port in Self.note("\(listening(port)); waiting for \(expected) worker(s).") },
                    onSecond: { snapshot, _ in live.show(snapshot, configuration) },
                    log: { Self.note($0) }
                )
                return (statistics, summary)
            }
        } else {
            let runner = LoadRunner(scenario: chosen.scenario, configuration: configuration)
            outcome = Task { (try await runner.run { live.show($0, configuration) }, nil) }
        }
        let interrupt = Interrupt.onFirstCtrlC(saying: Interrupt.stoppingTest) { outcome.cancel() }
        defer { interrupt.cancel() }
        let (statistics, summary) = try await Self.exitingWhenTheTestCannotRun { try await outcome.value }
        let report = LoadTestReport(
            scenario: chosen.scenario, configuration: configuration, machine: .current, statistics: statistics,
            thresholds: thresholds, cluster: summary
        )
        try finish(with: report)
    }

    /// The final report on the terminal, the files asked for, and the exit code it decides.
    private func finish(with report: LoadTestReport) throws {
        print(LoadReportText.final(report), terminator: "")
        try write(report)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// Serves the web UI (and, as a master, listens for workers) until Ctrl-C; a test runs when
    /// started from the page, or at once with -u/--arrival-rate.
    private func runWithWebUI(_ configuration: LoadConfiguration, scenario chosen: ScenarioChoice) async throws {
        let startsAtOnce = users != nil || arrivalRate != nil
        let live = LiveView(isEnabled: !onlySummary)
        let thresholds = self.thresholds
        let webOptions = web.serverOptions
        let session: @Sendable (LoadTestSession.Generators) -> LoadTestSession = { generators in
            LoadTestSession(
                scenario: chosen, configuration: configuration, generators: generators, thresholds: thresholds,
                onSecond: { snapshot, current in live.show(snapshot, current) }, log: { Self.note($0) })
        }
        let report = try await Self.exitingWhenTheTestCannotRun { () async throws -> LoadTestReport? in
            if cluster.master {
                let expected = cluster.expectWorkers
                let maxWait = cluster.expectWorkersMaxWait.duration
                let listening = masterListening
                // The master's lines go to the terminal at once and to the Logs tab once the
                // session exists.
                let (masterLines, masterLine) = AsyncStream<String>.makeStream()
                defer { masterLine.finish() }
                let log: @Sendable (String) -> Void = { line in
                    Self.note(line)
                    masterLine.yield(line)
                }
                return try await ClusterMaster.serve(
                    options: masterOptions, onListening: { log(listening($0) + ".") }, log: log
                ) { workers in
                    try await Self.serveWebUI(session(.cluster(workers)), options: webOptions, workers: workers) { session in
                        Task {
                            for await line in masterLines { await session.keepLogLine(line) }
                        }
                        guard startsAtOnce else { return }
                        Self.note("Waiting for \(expected) worker(s) before starting.")
                        try await workers.waitForWorkers(expected, within: maxWait)
                        await session.startConfigured()
                    }
                }
            } else {
                return try await Self.serveWebUI(session(.local), options: webOptions) { session in
                    if startsAtOnce { await session.startConfigured() }
                }
            }
        }
        guard let report else { return }
        try finish(with: report)
    }

    /// Serves `session`'s page until Ctrl-C (after `begin` ran), stops its test, and returns
    /// the report of the last test (nil when none ran).
    private static func serveWebUI(
        _ session: LoadTestSession, options: WebUIServer.Options, workers: ClusterWorkers? = nil,
        begin: (LoadTestSession) async throws -> Void
    ) async throws -> LoadTestReport? {
        let (interrupts, interrupted) = AsyncStream<Void>.makeStream()
        let interrupt = Interrupt.onFirstCtrlC(saying: Interrupt.stoppingTest) { interrupted.yield() }
        defer { interrupt.cancel() }
        return try await WebUIServer(session: session, options: options, workers: workers).serve { port in
            let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
            let credentialsNote = options.credentials == nil ? "" : "; it asks for the --web-auth user and password"
            let workersNote = workers == nil ? "" : "; workers may connect to this port too"
            note("Web UI at http://\(shownHost):\(port)/ (Ctrl-C quits)\(credentialsNote)\(workersNote).")
            try await begin(session)
            var waiting = interrupts.makeAsyncIterator()
            await waiting.next()
            await session.stop()
            await session.waitForTest()
            return await session.hasRun ? await session.report() : nil
        }
    }

    private var masterOptions: ClusterMaster.Options {
        .init(
            bindHost: cluster.bindHost, bindPort: cluster.masterBindPort, expectWorkers: cluster.expectWorkers,
            expectWorkersMaxWait: cluster.expectWorkersMaxWait.duration, token: cluster.token)
    }

    /// "Master listening for workers on HOST:PORT", with a note when only loopback can reach it.
    private var masterListening: @Sendable (Int) -> String {
        let bindHost = cluster.bindHost
        let loopbackNote = cluster.token == nil ? " (loopback only: no --auth-token)" : ""
        return { port in "Master listening for workers on \(bindHost):\(port)\(loopbackNote)" }
    }

    /// A worker serves its master until the master ends the session.
    private func runWorker() async throws {
        let worker = ClusterWorker(options: .init(
            masterHost: cluster.masterHost, masterPort: cluster.masterPort, token: cluster.token, threads: threads))
        Self.note("Worker \(worker.id): connecting to the master at \(cluster.masterHost):\(cluster.masterPort).")
        let serving = Task { try await worker.run(log: { Self.note($0) }) }
        let interrupt = Interrupt.onFirstCtrlC(saying: Interrupt.stoppingTest) { serving.cancel() }
        defer { interrupt.cancel() }
        try await Self.exitingWhenTheTestCannotRun { try await serving.value }
        Self.note("The master ended the session.")
    }

    /// Runs `work`; an error saying the test cannot run (target down, workers missing, a port
    /// taken) is printed and becomes exit code 3.
    private static func exitingWhenTheTestCannotRun<Value>(_ work: () async throws -> Value) async throws -> Value {
        do {
            return try await work()
        } catch let error as LoadTestError {
            note("error: \(error)")
            throw ExitCode(3)
        } catch let error as ClusterError {
            note("error: \(error)")
            throw ExitCode(3)
        } catch let error as WebUIError {
            note("error: \(error)")
            throw ExitCode(3)
        }
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
                Self.note("error: cannot write \(file.path): \(error.localizedDescription). Check that the folder exists and is writable.")
                throw ExitCode(3)
            }
            Self.note("Wrote \(file.path)")
        }
    }

    private var shape: LoadShape {
        if let arrivalRate { return .open(arrivalRate: arrivalRate, maxInFlight: maxInFlight) }
        return .closed(users: users ?? 1, spawnRate: spawnRate ?? 1)
    }

    /// A line on standard error.
    private static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ClientKind: ExpressibleByArgument {}

/// The terminal's live view: the statistics table every 2 s.
private struct LiveView: Sendable {
    let isEnabled: Bool

    func show(_ snapshot: StatsSnapshot, _ configuration: LoadConfiguration) {
        guard isEnabled, Int(snapshot.elapsedSeconds.rounded()) % 2 == 0 else { return }
        print(LoadReportText.live(snapshot, runTime: configuration.runTime, shape: configuration.shape), terminator: "")
    }
}
