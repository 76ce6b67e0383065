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

            With --store sqlite:PATH or postgres://…, a 201 is sent only after the album is \
            committed; while the database is unreachable, requests get 503 with Retry-After and \
            the service recovers by itself when it returns.

            Exit codes: 0 stopped by SIGINT or SIGTERM; 1 the server could not start (e.g. the \
            port is taken, the database is unreachable or the SQLite file cannot be written; the \
            message says what to do); 64 bad command-line usage.
            """
    )

    @Option(help: "The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port to listen on; 0 lets the system pick a free one (printed at start).")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Where albums are kept: memory, sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.",
            discussion: """
                memory: in this process, lost when it stops (--map and --list-encoding choose how).
                sqlite:PATH: one SQLite file, created with the seed albums on first start; one process at a time.
                postgres://…: a PostgreSQL database any number of instances share; its tables are created on first start.
                """),
        transform: { try StoreLocation(parsing: $0) })
    var store: StoreLocation = .memory

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

    @Option(
        help: ArgumentHelp(
            "Event-loop threads that accept and serve connections; by default one and a half times the cores.",
            discussion: """
                With a load generator on the same machine, more loops than cores let the kernel run each \
                loop beside the client thread that wakes it; where the server has the cores to itself, the \
                core count is NIO's usual choice.
                """))
    var eventLoops = AlbumServerConfiguration.defaultEventLoopCount

    @Option(help: "Generated albums to add after the three classic ones, for large-list tests (e.g. 10000); a SQLite or PostgreSQL store adds them only when it is new.")
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
        guard (1...1_024).contains(eventLoops) else {
            throw ValidationError("--event-loops must be from 1 to 1024 (got \(eventLoops)), e.g. --event-loops \(AlbumServerConfiguration.defaultEventLoopCount).")
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
            host: host, port: port, store: store, strategy: map, listEncoding: listEncoding, seedAlbumCount: seedAlbums,
            engine: engine, eventLoopCount: eventLoops)
        let albums = try await configuration.openStore(logger: logger)
        let application = makeApplication(configuration: configuration, store: albums, logger: logger) {
            [host, store, map, listEncoding, engine, eventLoops] port in
            // Written unbuffered: scripts wait for this line to learn the port.
            let line = "scalelab serve: listening on http://\(host):\(port) (store \(store), map \(map.rawValue),"
                + " list encoding \(listEncoding.rawValue), engine \(engine.rawValue),"
                + " \(eventLoops) event loop\(eventLoops == 1 ? "" : "s")); Ctrl-C stops.\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await application.runUntilSignalled(host: host, port: port)
    }
}

extension MapStrategy: ExpressibleByArgument {}
extension ListEncoding: ExpressibleByArgument {}
extension ServerEngine: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
