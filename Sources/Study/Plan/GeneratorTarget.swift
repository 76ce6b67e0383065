import AlbumService
import LoadTesting

/// What the load generator's workers run against in the generator-scaling runs: a service that
/// is the bottleneck (the original's finding) or one that is much less so.
package enum GeneratorTarget: String, CaseIterable, Codable, Sendable {
    /// The original's store under the original workload: every GET encodes the whole, growing
    /// list under the store's lock.
    case bottleneck
    /// ScaleLab's store with reads by id: each request costs the same, and little.
    case light

    var listEncoding: ListEncoding { self == .bottleneck ? .locked : .cached }
    var scenario: Scenario { self == .bottleneck ? .albums : .albumsByID }

    /// Its name in reports.
    package var explanation: String {
        switch self {
        case .bottleneck: "the original's store under the original workload (the bottleneck)"
        case .light: "ScaleLab's store with reads by id (a light target)"
        }
    }
}
