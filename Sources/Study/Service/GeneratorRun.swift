/// One distributed run of the load generator: a master in this process and `workers` local
/// worker processes sharing the users, against a fresh in-process album service.
package struct GeneratorRun: Codable, Sendable, Equatable {
    package let target: GeneratorTarget
    package let workers: Int
    package let users: Int
    /// Requests per second over the whole run, merged over the workers.
    package let requestsPerSecond: Double
    package let failures: UInt64
    /// Each worker's highest CPU use in one second (1 is one core), in the master's order.
    package let workerPeakCPUUse: [Double]
    /// This process's highest CPU use in one second: the master and the service together.
    package let masterPeakCPUUse: Double
    /// Workers that had not quit 10 s after the master's run and were stopped (they missed the
    /// master's last message; the statistics were complete).
    package let stoppedWorkers: Int
}
