import ArgumentParser
import LoadTesting

/// `scalelab load`'s web UI options, with Locust's names.
struct WebUIOptions: ParsableArguments {
    @Option(name: .customLong("web-host"), help: ArgumentHelp(
        "The address the web UI listens on. Any address but loopback needs --web-auth.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .customLong("web-port"), help: ArgumentHelp("The web UI's port (0 picks a free one).", valueName: "port"))
    var port = WebUIServer.defaultPort

    @Option(
        name: .customLong("web-auth"),
        help: ArgumentHelp("HTTP Basic credentials the web UI asks for, as user:password.", valueName: "user:password"),
        transform: { text in
            do { return try WebCredentials(parsing: text) } catch { throw ValidationError("--web-auth: \(error)") }
        })
    var credentials: WebCredentials?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--web-port must be a port number from 0 to 65535 (got \(port)).") }
        if credentials == nil, !Loopback.contains(host: host) {
            throw ValidationError(
                "--web-host \(host) would let anyone on the network start load from this machine; set --web-auth user:password, or keep the default 127.0.0.1.")
        }
    }

    var serverOptions: WebUIServer.Options {
        WebUIServer.Options(host: host, port: port, credentials: credentials)
    }
}
