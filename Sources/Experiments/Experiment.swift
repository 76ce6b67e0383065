import Reporting
import Statistics

/// One of ScaleLab's concurrency experiments: named variants measured over repeated runs.
///
/// Each experiment lives in its own file, knows its parameters, runs its variants (unsafe ones
/// in a child process), and returns a result that renders as tables and encodes as JSON with
/// every number the tables show.
public protocol Experiment: Sendable {
    associatedtype Result: ExperimentResult

    /// The name used on the command line: `scalelab experiment <name>`.
    static var name: String { get }

    /// One sentence on what the experiment shows, for `--help` and reports.
    static var abstract: String { get }

    /// Runs every selected variant and returns the measurements.
    func run() async throws -> Result
}

/// What an experiment measured, ready to render.
public protocol ExperimentResult: Codable, Sendable {
    /// The machine the runs happened on.
    var machine: MachineDescription { get }

    /// The result as tables, each naming the machine, the parameters and the runs.
    var tables: [Table] { get }
}
