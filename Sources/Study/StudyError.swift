/// Why the study, or one of its steps, could not run.
package enum StudyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The in-process album service could not listen on a loopback port.
    case serviceCannotListen(reason: String)
    /// A distributed run of the load generator could not run.
    case generatorDidNotRun(reason: String)
    /// A PostgreSQL run was asked for without a database.
    case noPostgres
    /// The output folder or one of its files cannot be written.
    case cannotWrite(path: String, reason: String)

    package var description: String {
        switch self {
        case .serviceCannotListen(let reason):
            "The study's album service could not listen on 127.0.0.1: \(reason). Check that loopback networking works (`ip addr show lo`)."
        case .generatorDidNotRun(let reason):
            "The load generator's master and workers could not run: \(reason)."
        case .noPostgres:
            "The PostgreSQL store needs a database: pass --postgres postgres://USER@HOST:PORT/DATABASE."
        case .cannotWrite(let path, let reason):
            "Cannot write \(path): \(reason). Choose a writable folder with --output."
        }
    }
}
