/// How big the study's runs are: `scalelab study` (full) or `scalelab study --quick`.
package enum StudySize: String, Codable, Sendable {
    /// The original's sizes, with ScaleLab's usual repetitions.
    case full
    /// Every section at small sizes, to check the study end to end (and in CI) in about two
    /// minutes; its figures are indicative only.
    case quick

    /// Measured runs of each experiment variant, after one warm-up run.
    package var experimentRuns: Int { self == .full ? 7 : 3 }
    /// Lines per run of the file-writes experiment (the original wrote 100,000).
    package var fileWriteLines: Int { self == .full ? 100_000 : 20_000 }
    /// Round trips per run of the handoff experiment.
    package var handoffRoundtrips: Int { self == .full ? 100_000 : 10_000 }
    /// Tasks and operations per task of the maps experiment (the original: 50 × 1,000).
    package var mapTasks: Int { 50 }
    package var mapKeysPerTask: Int { 1_000 }
    /// Tasks and increments per task of the counter experiment.
    package var counterTasks: Int { 50 }
    package var counterIterations: Int { 1_000 }

    /// Users of the original workload (the original: 50, started at 10 per second).
    package var serviceUsers: Int { self == .full ? 50 : 20 }
    package var serviceSpawnRate: Double { self == .full ? 10 : 20 }
    /// How long each load run of the service section lasts, in seconds.
    package var serviceRunSeconds: Int { self == .full ? 60 : 4 }

    /// The user counts of the scaling section and how long each level runs, in seconds.
    package var scalingUsers: [Int] { self == .full ? [1, 2, 4, 8, 16, 32, 64] : [1, 2, 4, 8] }
    package var scalingRunSeconds: Int { self == .full ? 20 : 2 }

    /// The worker processes of the generator-scaling runs, and how long each run lasts (they
    /// put the service section's users on the workers).
    package var generatorWorkers: [Int] { [1, 2, 4] }
    package var generatorRunSeconds: Int { self == .full ? 20 : 2 }

    /// The comparisons of map strategies, engines and stores: users, seconds per run, and
    /// runs of each variant (taken in turn, after one warm-up run).
    package var comparisonUsers: Int { self == .full ? 16 : 8 }
    package var comparisonRunSeconds: Int { self == .full ? 10 : 1 }
    package var comparisonRepeats: Int { self == .full ? 3 : 1 }
}
