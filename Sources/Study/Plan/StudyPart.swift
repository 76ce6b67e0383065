/// A part of the study that `scalelab study --only` runs on its own.
package enum StudyPart: String, CaseIterable, Codable, Sendable {
    /// The four concurrency experiments, as `scalelab experiment all` runs them.
    case experiments
    /// The album service under the original workload (its store and the two load clients), and
    /// its map strategies, engines and stores compared.
    case service
    /// Throughput as users rise, with Amdahl and Universal Scalability Law fits.
    case scaling

    /// One line for `--help` and the report.
    package var explanation: String {
        switch self {
        case .experiments: "the four concurrency experiments: counter, maps, file-writes, handoff"
        case .service: "the album service under the original workload (the original's store against ScaleLab's, the two clients), then its map strategies, engines and stores compared"
        case .scaling: "the album service's throughput as users rise, with Amdahl and USL fits, and the load generator from 1, 2 and 4 worker processes"
        }
    }
}
