import AlbumService
import ArgumentParser
import Foundation
import Logging
import Primitives

/// `scalelab serve`: runs the album service until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the album HTTP service (the study's Gin service, in Swift on SwiftNIO and Hummingbird).",
        discussion: """
            Routes (OPTIONS lists a path's methods, HEAD works wherever GET does):
            \(AlbumAPI.routeSummary)
            Errors are JSON {"error": "..."}.

            Try it:
              scalelab serve --seed-albums 10000
              curl http://127.0.0.1:8080/albums/1
              curl --json '{"title":"Kind of Blue","artist":"Miles Davis","price":29.99}' \
            http://127.0.0.1:8080/albums

            Prints "listening on http://HOST:PORT" once it accepts connections. Ctrl-C (SIGINT) \
            or SIGTERM stops accepting connections, lets requests in flight finish and exits 0.

            Exit codes: 0 stopped by SIGINT or SIGTERM; 1 the server could not start (e.g. the \
            port is taken; the message says what to do); 64 bad command-line usage.
            """
    )

    @Option(help: "The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port to listen on; 0 lets the system pick a free one (printed at start).")
    var port = 8080

    @Option(
        help: Self.help("The map behind lookups by id", MapStrategy.allCases.map { ($0.rawValue, $0.explanation) })
    )
    var map: MapStrategy = .snapshot

    @Option(
        help: Self.help("How GET /albums encodes the list", ListEncoding.allCases.map { ($0.rawValue, $0.explanation) })
    )
    var listEncoding: ListEncoding = .cached

    @Option(help: Self.help("What answers requests", ServerEngine.allCases.map { ($0.rawValue, $0.explanation) }))
    var engine: ServerEngine = .eventLoop

    @Option(help: "Generated albums to add after the three classic ones, for large-list tests (e.g. 10000).")
    var seedAlbums = 0

    @Option(help: "How much the server logs.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be from 0 to 65535 (got \(port)); 0 picks a free port.")
        }
        guard !host.isEmpty else {
            throw ValidationError("--host needs an address, e.g. --host 127.0.0.1 or --host 0.0.0.0.")
        }
        guard (0...10_000_000).contains(seedAlbums) else {
            throw ValidationError("--seed-albums must be from 0 to 10000000 (got \(seedAlbums)), e.g. --seed-albums 10000.")
        }
    }

    /// Help for an option with named choices, each explained below the summary (the parser
    /// lists the names and the default).
    private static func help(_ summary: String, _ choices: [(name: String, explanation: String)]) -> ArgumentHelp {
        ArgumentHelp(
            "\(summary).",
            discussion: choices.map { "\($0.name): \($0.explanation)" }.joined(separator: "\n")
        )
    }

    func run() async throws {
        var logger = Logger(label: "scalelab.serve")
        logger.logLevel = logLevel
        let configuration = AlbumServerConfiguration(
            host: host, port: port, strategy: map, listEncoding: listEncoding, seedAlbumCount: seedAlbums,
            engine: engine)
        let albumCount = AlbumDraft.classics.count + seedAlbums
        let application = makeApplication(configuration: configuration, logger: logger) { [host, map, listEncoding, engine] port in
            // Written unbuffered: scripts wait for this line to learn the port.
            let line = "scalelab serve: listening on http://\(host):\(port) (\(albumCount) albums, map \(map.rawValue),"
                + " list encoding \(listEncoding.rawValue), engine \(engine.rawValue)); Ctrl-C stops.\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await application.runUntilSignalled(host: host, port: port)
    }
}

extension MapStrategy: ExpressibleByArgument {}
extension ListEncoding: ExpressibleByArgument {}
extension ServerEngine: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
