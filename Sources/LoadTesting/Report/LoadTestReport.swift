import Foundation
import Statistics

/// Everything about one finished load test: what ran, where, and what it measured. `--json`
/// writes it; the CLI's tables and CSV files are made from the same snapshot.
public struct LoadTestReport: Sendable, Codable, Equatable {
    /// One threshold and whether it held.
    public struct ThresholdResult: Sendable, Codable, Equatable {
        public let threshold: String
        public let measured: String
        public let holds: Bool
    }

    public let scenario: String
    public let host: String
    public let client: String
    /// "50 users, spawn rate 10/s" (closed model) or the arrival rate (open model).
    public let load: String
    /// The run time asked for, or the time it ran when it ran until stopped.
    public let runTimeSeconds: Double
    public let eventLoopThreads: Int
    public let machine: MachineDescription
    public let statistics: StatsSnapshot
    public let thresholds: [ThresholdResult]
    /// A distributed run's workers and events; nil for a single-process run.
    public let cluster: ClusterSummary?

    public init(
        scenario: Scenario, configuration: LoadConfiguration, machine: MachineDescription,
        statistics: StatsSnapshot, thresholds: [Threshold], cluster: ClusterSummary? = nil
    ) {
        self.scenario = scenario.name
        self.host = configuration.target.description
        self.client = configuration.client.rawValue
        self.load = configuration.shape.description
        self.runTimeSeconds = configuration.runTime?.seconds ?? (statistics.elapsedSeconds * 10).rounded() / 10
        self.eventLoopThreads = configuration.eventLoopThreads
        self.machine = machine
        self.statistics = statistics
        self.cluster = cluster
        self.thresholds = thresholds.map {
            ThresholdResult(threshold: $0.description, measured: $0.formattedValue(in: statistics), holds: $0.holds(in: statistics))
        }
    }

    /// Whether every threshold held.
    public var thresholdsHold: Bool { thresholds.allSatisfy(\.holds) }

    /// The exit code `scalelab load` ends with after this test: 2 when a threshold broke
    /// (whether or not requests failed), else 1 when some requests failed (as Locust exits),
    /// else 0. Codes for a test that could not run at all come before there is a report.
    public var exitCode: Int32 {
        if !thresholdsHold { return 2 }
        if statistics.aggregated.stats.failures > 0 { return 1 }
        return 0
    }

    /// The report as pretty-printed JSON.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The lines under every table: parameters and machine.
    public var notes: [String] {
        let generators = cluster.map { "\($0.workers.count) worker(s)" } ?? "\(eventLoopThreads) event-loop thread(s)"
        return [
            "Scenario \(scenario) against \(host), \(client) client, \(load), run time \(DurationText.format(.seconds(runTimeSeconds))), \(generators).",
            "Machine: \(machine.oneLine).",
            "Times in ms from HDR histograms (1 µs resolution, 3 significant digits); failures count as requests, as in Locust.",
        ]
    }
}

extension LoadShape: CustomStringConvertible {
    public var description: String {
        switch self {
        case .closed(let users, let spawnRate):
            return "\(users) users spawned at \(spawnRate.formatted())/s"
        case .open(let arrivalRate, let maxInFlight):
            return "arrival rate \(arrivalRate.formatted())/s, at most \(maxInFlight) in flight"
        }
    }
}

extension Double {
    /// Whole numbers without ".0": 10 → "10", 2.5 → "2.5".
    fileprivate func formatted() -> String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
