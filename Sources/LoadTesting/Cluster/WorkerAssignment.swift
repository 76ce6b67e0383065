/// What one worker runs: absolute (the whole set, not a change) and idempotent, so applying
/// the same assignment twice changes nothing. Tagged with the run's epoch.
struct WorkerAssignment: Codable, Sendable, Equatable {
    /// The load a worker is given.
    enum Load: Codable, Sendable, Equatable {
        /// Closed model: run exactly these users (global indices), starting new ones at `spawnRate`.
        case users(indices: [Int], spawnRate: Double)
        /// Open model: start `rate` requests per second on at most `maxInFlight` connections,
        /// whose user contexts are numbered from `firstSlotIndex`.
        case arrivals(rate: Double, maxInFlight: Int, firstSlotIndex: Int)
    }

    var epoch: Int
    var scenario: ScenarioSource
    /// The target's URL, as `-H/--host` takes it.
    var target: String
    var client: ClientKind
    var requestTimeoutSeconds: Double
    /// Time left in the run; open-model drivers start no requests after it.
    /// nil: the run goes on until the master stops it.
    var runTimeLeftSeconds: Double?
    var load: Load

    /// The most users one worker may be given.
    static let maxUsers = 1_000_000

    /// The load configuration a worker runs this assignment with, on `threads` event loops;
    /// throws when a field is out of range (a master of another build, or a broken one).
    func configuration(threads: Int) throws(ClusterMessageError) -> LoadConfiguration {
        let target: TargetAddress
        do {
            target = try TargetAddress(parsing: self.target)
        } catch {
            throw ClusterMessageError("target: \(error)")
        }
        guard requestTimeoutSeconds > 0, requestTimeoutSeconds.isFinite, runTimeLeftSeconds.map({ $0 >= 0 && $0.isFinite }) ?? true else {
            throw ClusterMessageError("a request timeout or run time out of range")
        }
        let shape: LoadShape
        switch load {
        case .users(let indices, let spawnRate):
            guard indices.count <= Self.maxUsers, indices.allSatisfy({ $0 >= 0 }), spawnRate > 0, spawnRate.isFinite else {
                throw ClusterMessageError("user indices or spawn rate out of range")
            }
            shape = .closed(users: indices.count, spawnRate: spawnRate)
        case .arrivals(let rate, let maxInFlight, let firstSlotIndex):
            guard rate > 0, rate.isFinite, (1...Self.maxUsers).contains(maxInFlight), firstSlotIndex >= 0 else {
                throw ClusterMessageError("arrival rate or connections out of range")
            }
            shape = .open(arrivalRate: rate, maxInFlight: maxInFlight)
        }
        return LoadConfiguration(
            target: target, client: client, shape: shape, runTime: runTimeLeftSeconds.map { .seconds($0) },
            requestTimeout: .seconds(requestTimeoutSeconds), eventLoopThreads: threads
        )
    }
}
