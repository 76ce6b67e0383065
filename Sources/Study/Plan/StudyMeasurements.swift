import Experiments

/// Everything the study measured so far; each step fills its part. A study stopped early
/// (Ctrl-C) or with a failed step leaves the rest empty, and the report says so.
package struct StudyMeasurements: Codable, Sendable {
    package var counter: CounterResult?
    package var maps: MapsExperimentResult?
    package var fileWrites: FileWritesResult?
    package var handoff: HandoffResult?
    /// The original workload against each store with each client.
    package var serviceRuns: [ServiceRun]
    /// The map strategies behind the service under each mix, repeated.
    package var mapRuns: [ServiceRun]
    /// The service's engines, repeated.
    package var engineRuns: [ServiceRun]
    /// The service's stores, repeated.
    package var storeRuns: [ServiceRun]
    /// Reads by id and writes at rising user counts, for the scaling fits.
    package var scalingRuns: [ServiceRun]
    /// The load generator with 1, 2 and 4 worker processes, against each target.
    package var generatorRuns: [GeneratorRun]

    package init(
        counter: CounterResult? = nil, maps: MapsExperimentResult? = nil, fileWrites: FileWritesResult? = nil,
        handoff: HandoffResult? = nil, serviceRuns: [ServiceRun] = [], mapRuns: [ServiceRun] = [],
        engineRuns: [ServiceRun] = [], storeRuns: [ServiceRun] = [], scalingRuns: [ServiceRun] = [],
        generatorRuns: [GeneratorRun] = []
    ) {
        self.counter = counter
        self.maps = maps
        self.fileWrites = fileWrites
        self.handoff = handoff
        self.serviceRuns = serviceRuns
        self.mapRuns = mapRuns
        self.engineRuns = engineRuns
        self.storeRuns = storeRuns
        self.scalingRuns = scalingRuns
        self.generatorRuns = generatorRuns
    }
}

extension StudyMeasurements {
    /// The runs of `comparison`, in the order they ran.
    package func runs(of comparison: ServiceComparison) -> [ServiceRun] {
        switch comparison {
        case .maps: mapRuns
        case .engines: engineRuns
        case .stores: storeRuns
        }
    }

    /// Records a run of `comparison`.
    mutating func append(_ run: ServiceRun, to comparison: ServiceComparison) {
        switch comparison {
        case .maps: mapRuns.append(run)
        case .engines: engineRuns.append(run)
        case .stores: storeRuns.append(run)
        }
    }
}
