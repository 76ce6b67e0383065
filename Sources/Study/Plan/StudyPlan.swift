import AlbumService
import Experiments
import LoadTesting

/// The steps of a study of `size` over `parts`, in order: what `scalelab study` runs.
package struct StudyPlan: Sendable {
    package let size: StudySize
    package let parts: [StudyPart]
    /// The PostgreSQL database of the store comparison; without one it compares memory and SQLite.
    package let postgres: PostgresAddress?
    /// Receives the experiments' own progress lines (runs within a step).
    package let detail: @Sendable (String) -> Void

    package init(
        size: StudySize, parts: [StudyPart] = StudyPart.allCases, postgres: PostgresAddress? = nil,
        detail: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.size = size
        self.parts = parts
        self.postgres = postgres
        self.detail = detail
    }

    package var steps: [StudyStep] {
        parts.flatMap { part in
            switch part {
            case .experiments: experimentSteps
            case .service: serviceSteps + comparisonSteps
            case .scaling: scalingSteps + generatorSteps
            }
        }
    }

    private var experimentSteps: [StudyStep] {
        let size = size
        let detail = detail
        let runs = size.experimentRuns
        let quick = size == .quick
        return [
            StudyStep(name: "experiments: counter", part: .experiments, estimatedSeconds: quick ? 1 : 2) { measurements in
                measurements.counter = try await CounterExperiment(
                    tasks: size.counterTasks, iterations: size.counterIterations, runs: runs, progress: detail
                ).run()
            },
            StudyStep(name: "experiments: maps", part: .experiments, estimatedSeconds: quick ? 16 : 35) { measurements in
                measurements.maps = try await MapsExperiment(
                    tasks: size.mapTasks, keysPerTask: size.mapKeysPerTask, runs: runs, progress: detail
                ).run()
            },
            StudyStep(name: "experiments: file-writes", part: .experiments, estimatedSeconds: quick ? 2 : 20) { measurements in
                measurements.fileWrites = try await FileWritesExperiment(
                    lines: size.fileWriteLines, runs: runs, progress: detail
                ).run()
            },
            StudyStep(name: "experiments: handoff", part: .experiments, estimatedSeconds: quick ? 2 : 30) { measurements in
                measurements.handoff = try await HandoffExperiment(
                    roundtrips: size.handoffRoundtrips, runs: runs, progress: detail
                ).run()
            },
        ]
    }

    /// The original workload against each store with each client.
    private var serviceSteps: [StudyStep] {
        let size = size
        return [ListEncoding.locked, .cached].flatMap { listEncoding in
            ClientKind.allCases.map { client in
                let load = ServiceLoadRun(
                    listEncoding: listEncoding, client: client, users: size.serviceUsers, spawnRate: size.serviceSpawnRate,
                    seconds: size.serviceRunSeconds)
                return StudyStep(
                    name: "service: \(load.setting.storeName), \(client.rawValue) client, \(load.users) users",
                    part: .service, estimatedSeconds: Double(load.seconds) + 1
                ) { measurements in
                    measurements.serviceRuns.append(try await load.run())
                }
            }
        }
    }

    /// One warm-up run (not recorded), then each comparison's variants in turn, `comparisonRepeats`
    /// times, so that every variant's runs spread over the same stretch of time.
    private var comparisonSteps: [StudyStep] {
        let size = size
        let repeats = size.comparisonRepeats
        let warmUp = ServiceLoadRun(
            scenario: .albumsByID, users: size.comparisonUsers, spawnRate: Double(size.comparisonUsers) * 10,
            seconds: size.comparisonRunSeconds)
        var steps = [
            StudyStep(name: "service: warm-up for the comparisons (not recorded)", part: .service, estimatedSeconds: Double(warmUp.seconds) + 1) { _ in
                _ = try await warmUp.run()
            }
        ]
        for round in 1...repeats {
            for comparison in ServiceComparison.allCases {
                for load in comparison.loadRuns(size: size, postgres: postgres) {
                    let setting = load.setting
                    let mix = comparison.group(of: setting).map { ", \($0.rawValue) mix" } ?? ""
                    let name = "service: \(comparison.variedName) \(comparison.variant(of: setting))\(mix), run \(round) of \(repeats)"
                    let estimate = Double(load.seconds) + (setting.store == .memory ? 1 : 2)
                    steps.append(StudyStep(name: name, part: .service, estimatedSeconds: estimate) { measurements in
                        measurements.append(try await load.run(), to: comparison)
                    })
                }
            }
        }
        return steps
    }

    /// Reads by id and writes (3:1) at each user count against ScaleLab's store: a workload
    /// whose cost per request does not grow with the run, so that throughput depends on the
    /// users alone. All users start within the first 0.1 s.
    private var scalingSteps: [StudyStep] {
        let size = size
        return size.scalingUsers.map { users in
            let load = ServiceLoadRun(
                scenario: .albumsByID, listEncoding: .cached, client: .fast, users: users, spawnRate: Double(users) * 10,
                seconds: size.scalingRunSeconds)
            let name = "scaling: \(users) user" + (users == 1 ? "" : "s")
            return StudyStep(name: name, part: .scaling, estimatedSeconds: Double(load.seconds) + 1) { measurements in
                measurements.scalingRuns.append(try await load.run())
            }
        }
    }

    /// The service section's users from 1, 2 and 4 local worker processes, against each target.
    private var generatorSteps: [StudyStep] {
        let size = size
        return GeneratorTarget.allCases.flatMap { target in
            size.generatorWorkers.map { workers in
                let load = ClusterLoadRun(
                    target: target, workers: workers, users: size.serviceUsers, spawnRate: Double(size.serviceUsers) * 10,
                    seconds: size.generatorRunSeconds)
                let name = "scaling: generator, \(target.rawValue) target, \(workers) worker" + (workers == 1 ? "" : "s")
                return StudyStep(name: name, part: .scaling, estimatedSeconds: Double(load.seconds) + 3) { measurements in
                    measurements.generatorRuns.append(try await load.run())
                }
            }
        }
    }
}
