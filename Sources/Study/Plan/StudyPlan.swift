import AlbumService
import Experiments
import LoadTesting

/// The steps of a study of `size` over `parts`, in order: what `scalelab study` runs.
package struct StudyPlan: Sendable {
    package let size: StudySize
    package let parts: [StudyPart]
    /// Receives the experiments' own progress lines (runs within a step).
    package let detail: @Sendable (String) -> Void

    package init(size: StudySize, parts: [StudyPart] = StudyPart.allCases, detail: @escaping @Sendable (String) -> Void = { _ in }) {
        self.size = size
        self.parts = parts
        self.detail = detail
    }

    package var steps: [StudyStep] {
        parts.flatMap { part in
            switch part {
            case .experiments: experimentSteps
            case .service: serviceSteps
            case .scaling: [StudyStep]()
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
                let setting = ServiceSetting(listEncoding: listEncoding, client: client, users: size.serviceUsers)
                return StudyStep(
                    name: "service: \(setting.storeName), \(client.rawValue) client, \(setting.users) users",
                    part: .service, estimatedSeconds: Double(size.serviceRunSeconds) + 1
                ) { measurements in
                    let run = try await ServiceLoadRun(
                        setting: setting, spawnRate: size.serviceSpawnRate, seconds: size.serviceRunSeconds
                    ).run()
                    measurements.serviceRuns.append(run)
                }
            }
        }
    }
}
