import LoadTesting

/// The mixes of reads by id and writes under which the study compares the map strategies
/// behind the service.
package enum ServiceMix: String, CaseIterable, Codable, Sendable {
    /// 19 reads by id to 1 POST: the map is mostly read.
    case readHeavy = "read-heavy"
    /// 1 read by id to 3 POSTs: the map is mostly written.
    case writeHeavy = "write-heavy"

    var reads: Int { self == .readHeavy ? 19 : 1 }
    var writes: Int { self == .readHeavy ? 1 : 3 }

    /// The by-id scenario at this mix.
    var scenario: Scenario { .albumsByID(reads: reads, writes: writes) }

    /// The mix whose scenario `name` is, if any.
    init?(scenarioName name: String) {
        guard let mix = Self.allCases.first(where: { $0.scenario.name == name }) else { return nil }
        self = mix
    }

    /// Its name in reports, e.g. "read-heavy (19 reads by id : 1 POST)".
    package var explanation: String {
        "\(rawValue) (\(reads) read\(reads == 1 ? "" : "s") by id : \(writes) POST\(writes == 1 ? "" : "s"))"
    }
}
