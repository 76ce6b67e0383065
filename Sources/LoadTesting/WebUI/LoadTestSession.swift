import Foundation
import Reporting
import Statistics

/// The test behind the web UI: started, resized, reset and stopped from the page (or Locust's
/// routes), run on this process's event loops or on a master's workers, one test after
/// another. Every view of it (the page, the JSON and CSV routes, the terminal, the report)
/// renders the same latest snapshot.
public actor LoadTestSession {
    /// Locust's runner states.
    public enum State: String, Sendable, Codable {
        case ready, spawning, running, stopping, stopped
    }

    /// Who generates the load.
    public enum Generators: Sendable {
        /// This process's event loops.
        case local
        /// The workers connected to this master.
        case cluster(ClusterWorkers)
    }

    /// How many log lines the Logs tab keeps.
    static let keptLogLines = 500

    private let scenario: ScenarioChoice
    private let generators: Generators
    private let thresholds: [Threshold]
    private let machine: MachineDescription
    private let onSecond: @Sendable (StatsSnapshot, LoadConfiguration) -> Void
    private let logSink: @Sendable (String) -> Void
    /// What the current (or next) test runs; the start form changes its users, spawn rate,
    /// host and run time.
    public private(set) var configuration: LoadConfiguration
    public private(set) var state = State.ready
    /// 1 for the first test, 2 for the next...; 0 before any.
    public private(set) var testNumber = 0
    private var control: LoadControl?
    private var running: Task<Void, Never>?
    private var latest: StatsSnapshot?
    /// The cluster's events (from the master's workers).
    private var events: [ClusterSummary.Event] = []
    /// Changes made from the page (resizes, resets), for the charts' markers.
    private var steeringEvents: [ClusterSummary.Event] = []
    private var finishedSummary: ClusterSummary?
    private var lastError: String?
    private var logLines: [String] = []
    private var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextSubscriber = 0
    private var isClosed = false

    /// A session for `scenario`, whose first test runs `configuration` unless the start form
    /// changes it. `onSecond` gets every second's snapshot (the terminal's table); `log`
    /// every log line (standard error).
    public init(
        scenario: ScenarioChoice, configuration: LoadConfiguration, generators: Generators, thresholds: [Threshold] = [],
        machine: MachineDescription = .current,
        onSecond: @escaping @Sendable (StatsSnapshot, LoadConfiguration) -> Void = { _, _ in },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.scenario = scenario
        self.configuration = configuration
        self.generators = generators
        self.thresholds = thresholds
        self.machine = machine
        self.onSecond = onSecond
        self.logSink = log
    }

    // MARK: Commands

    /// Starts a test with the form's values, or resizes the one running (as Locust's
    /// `POST /swarm` does); returns what it did, for the page.
    public func swarm(_ request: SwarmRequest) async throws(SwarmRequestError) -> String {
        switch state {
        case .spawning, .running:
            guard case .closed = configuration.shape else {
                throw SwarmRequestError(
                    field: "user_count",
                    "This test runs the open model (--arrival-rate), which has no users to resize; stop it and start a new one.")
            }
            configuration.shape = .closed(users: request.users, spawnRate: request.spawnRate)
            control?.resize(users: request.users, spawnRate: request.spawnRate)
            let message = "Resized to \(request.users) users at \(NumberFormatting.significant(request.spawnRate))/s."
            // A master notes its own resize, with the users rebalanced.
            if case .local = generators { mark("resized to \(request.users) user(s)") }
            log(message)
            publish()
            return message
        case .stopping:
            throw SwarmRequestError(field: nil, "The last test is still stopping; start the next in a moment.")
        case .ready, .stopped:
            if case .cluster(let workers) = generators, await workers.count == 0 {
                throw SwarmRequestError(
                    field: nil,
                    "No worker is connected yet: start one with `scalelab load --worker --master-host HOST`, then start the test.")
            }
            // Another start may have come in while this one waited.
            guard state == .ready || state == .stopped else {
                throw SwarmRequestError(field: nil, "Another start came first; the test is \(state.rawValue).")
            }
            var next = configuration
            next.shape = .closed(users: request.users, spawnRate: request.spawnRate)
            if let host = request.host { next.target = host }
            next.runTime = request.runTime
            begin(next)
            return "Swarming started"
        }
    }

    /// Starts a test with the current configuration (the command line's `-u`/`--arrival-rate`).
    public func startConfigured() {
        guard state == .ready || state == .stopped else { return }
        begin(configuration)
    }

    /// Stops the test (users finish within the stop timeout); nothing when none runs.
    public func stop() {
        guard state == .spawning || state == .running, let running else { return }
        state = .stopping
        log("Stopping the test.")
        running.cancel()
        publish()
    }

    /// Starts the statistics afresh (as Locust's reset): the table, percentiles and failures.
    public func resetStatistics() {
        if control != nil { mark("statistics reset") }
        control?.resetStatistics()
        if control == nil, latest != nil {
            latest = nil
            events = []
            steeringEvents = []
        }
        log("Statistics reset.")
        publish()
    }

    /// Waits until the test in progress (if any) has stopped.
    public func waitForTest() async {
        await running?.value
    }

    /// Ends every update stream (so that the server can shut down).
    public func close() {
        isClosed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    // MARK: Views

    /// The session now: what every route and the page render.
    public func view() async -> LoadTestView {
        let workers: [WorkerStatus]? = if case .cluster(let cluster) = generators { await cluster.status() } else { nil }
        return LoadTestView(
            state: state, testNumber: testNumber, configuration: configuration, scenario: scenario.scenario,
            snapshot: latest ?? StatsCollector(startTimestamp: Date().timeIntervalSince1970).snapshot(elapsedSeconds: 0, users: 0),
            events: (events + steeringEvents).sorted { $0.elapsedSeconds < $1.elapsedSeconds }, workers: workers,
            error: lastError, logs: logLines)
    }

    /// The report of the test so far (or the last one): what `--json` and `--html` write.
    public func report() async -> LoadTestReport {
        let statistics = await view().snapshot
        var cluster = finishedSummary
        if cluster == nil, case .cluster(let workers) = generators, testNumber > 0 { cluster = await workers.summary() }
        return LoadTestReport(
            scenario: scenario.scenario, configuration: configuration, machine: machine, statistics: statistics,
            thresholds: thresholds, cluster: cluster)
    }

    /// The first view, from now on, for which `condition` holds; nil when the session closes
    /// or `maxUpdates` updates (about a second apart while a test runs) went by without one.
    public func firstView(
        where condition: @Sendable (LoadTestView) -> Bool, maxUpdates: Int = 600
    ) async -> LoadTestView? {
        var seen = 0
        for await _ in updates() {
            let current = await view()
            if condition(current) { return current }
            seen += 1
            if seen >= maxUpdates { return nil }
        }
        return nil
    }

    /// Whether a test has run (or runs) in this session.
    public var hasRun: Bool { testNumber > 0 }

    /// A signal every time the session changes (every second while a test runs); ends when
    /// the session closes.
    public func updates() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        nextSubscriber += 1
        let id = nextSubscriber
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        continuation.yield()
        return stream
    }

    // MARK: Running

    private func begin(_ next: LoadConfiguration) {
        configuration = next
        testNumber += 1
        state = .spawning
        latest = nil
        events = []
        steeringEvents = []
        finishedSummary = nil
        lastError = nil
        let control = LoadControl()
        self.control = control
        let number = testNumber
        log("Test \(number) started: \(next.shape) against \(next.target), \(next.runTime.map { "run time \(DurationText.format($0))" } ?? "until stopped").")
        running = Task { await self.execute(next, control: control, number: number) }
        publish()
    }

    private func execute(_ configuration: LoadConfiguration, control: LoadControl, number: Int) async {
        do {
            switch generators {
            case .local:
                let runner = LoadRunner(scenario: scenario.scenario, configuration: configuration)
                let statistics = try await runner.run(control: control) { snapshot in
                    await self.record(snapshot, events: [], test: number)
                }
                finish(statistics, summary: nil, test: number)
            case .cluster(let workers):
                let (statistics, summary) = try await workers.run(
                    ClusterRunPlan(scenario: scenario, configuration: configuration), control: control
                ) { snapshot, events in
                    await self.record(snapshot, events: events, test: number)
                }
                finish(statistics, summary: summary, test: number)
            }
        } catch {
            guard number == testNumber else { return }
            lastError = "\(error)"
            log("Test \(number) could not run: \(error)")
            state = .stopped
            self.control = nil
            publish()
        }
    }

    private func record(_ snapshot: StatsSnapshot, events: [ClusterSummary.Event], test: Int) {
        guard test == testNumber else { return }
        latest = snapshot
        self.events = events
        if state == .spawning || state == .running {
            let target = if case .closed(let users, _) = configuration.shape { users } else { 0 }
            state = snapshot.users >= target ? .running : .spawning
        }
        onSecond(snapshot, configuration)
        publish()
    }

    private func finish(_ statistics: StatsSnapshot, summary: ClusterSummary?, test: Int) {
        guard test == testNumber else { return }
        latest = statistics
        if let summary {
            events = summary.events
            finishedSummary = summary
        }
        state = .stopped
        control = nil
        log("Test \(test) stopped after \(DurationText.format(.seconds(statistics.elapsedSeconds.rounded()))): \(statistics.aggregated.stats.requests) requests, \(statistics.aggregated.stats.failures) failures.")
        publish()
    }

    /// A marker on the charts at the test's latest second.
    private func mark(_ message: String) {
        steeringEvents.append(ClusterSummary.Event(elapsedSeconds: latest?.elapsedSeconds ?? 0, message: message))
    }

    /// Keeps `line` for the Logs tab and hands it to the log sink.
    private func log(_ line: String) {
        keep(line)
        logSink(line)
    }

    private func keep(_ line: String) {
        let stamp = Date().formatted(.iso8601.time(includingFractionalSeconds: false))
        logLines.append("\(stamp) \(line)")
        if logLines.count > Self.keptLogLines { logLines.removeFirst(logLines.count - Self.keptLogLines) }
    }

    /// Adds a line logged elsewhere (the master's cluster events, already printed) to the Logs
    /// tab.
    public func keepLogLine(_ line: String) {
        keep(line)
        publish()
    }

    private func publish() {
        for continuation in subscribers.values { continuation.yield() }
    }

    private func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)
    }
}
