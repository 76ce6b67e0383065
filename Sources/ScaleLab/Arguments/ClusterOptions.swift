import ArgumentParser
import Foundation
import LoadTesting

/// `scalelab load`'s options for distributed runs, with Locust's names where they mean the same.
struct ClusterOptions: ParsableArguments {
    /// Locust's master port.
    static let defaultPort = 5557

    @Flag(help: "Run as the master of a distributed test: workers generate the load, the master merges their statistics exactly and reports.")
    var master = false

    @Flag(help: "Run as a worker: connect to --master-host and run the users the master assigns (the scenario and load options come from the master).")
    var worker = false

    @Option(name: .customLong("master-host"), help: ArgumentHelp("Worker: the master's address.", valueName: "host"))
    var masterHost = "127.0.0.1"

    @Option(name: .customLong("master-port"), help: ArgumentHelp("Worker: the master's port.", valueName: "port"))
    var masterPort = defaultPort

    @Option(name: .customLong("master-bind-host"), help: ArgumentHelp(
        "Master: the address to listen on for workers (default: 127.0.0.1; 0.0.0.0 when a token is set). Any address but loopback needs --auth-token.",
        valueName: "host"))
    var masterBindHost: String?

    @Option(name: .customLong("master-bind-port"), help: ArgumentHelp("Master: the port to listen on for workers (0 picks a free one).", valueName: "port"))
    var masterBindPort = defaultPort

    @Option(name: .customLong("expect-workers"), help: "Master: start the test once this many workers have connected.")
    var expectWorkers = 1

    @Option(name: .customLong("expect-workers-max-wait"), help: "Master: how long to wait for --expect-workers before giving up with exit code 3.")
    var expectWorkersMaxWait = DurationArgument(.seconds(30))

    @Option(name: .customLong("auth-token"), help: ArgumentHelp(
        "A secret shared by master and workers (or set SCALELAB_CLUSTER_TOKEN); workers without it are refused.",
        valueName: "token"))
    var authToken: String?

    /// The token from `--auth-token` or the environment.
    var token: String? {
        authToken ?? ProcessInfo.processInfo.environment["SCALELAB_CLUSTER_TOKEN"]
    }

    /// Where the master listens: loopback unless a token protects it.
    var bindHost: String {
        masterBindHost ?? (token == nil ? "127.0.0.1" : "0.0.0.0")
    }

    func validate() throws {
        guard !(master && worker) else { throw ValidationError("--master and --worker exclude each other; start one process of each.") }
        if let token, token.isEmpty {
            throw ValidationError("--auth-token (or SCALELAB_CLUSTER_TOKEN) is empty; give a secret, e.g. --auth-token \"$(openssl rand -hex 16)\".")
        }
        for (name, port) in [("--master-port", masterPort), ("--master-bind-port", masterBindPort)] {
            guard (0...65_535).contains(port) else { throw ValidationError("\(name) must be a port number from 0 to 65535 (got \(port)).") }
        }
        guard expectWorkers >= 1 else { throw ValidationError("--expect-workers must be at least 1 (got \(expectWorkers)).") }
        guard expectWorkersMaxWait.duration > .zero else {
            throw ValidationError("--expect-workers-max-wait must be positive, e.g. 30s or 2m.")
        }
        if master, token == nil, !Loopback.contains(host: bindHost) {
            throw ValidationError(
                "--master-bind-host \(bindHost) would let anyone on the network drive this master's load; set --auth-token (or SCALELAB_CLUSTER_TOKEN) on the master and every worker, or bind to 127.0.0.1.")
        }
    }
}
