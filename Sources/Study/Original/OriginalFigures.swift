/// The original study's figures (Go 1.2x on an Apple laptop; the album server on a cloud VM):
/// the one place they are written down. Reports show them beside this machine's numbers,
/// labelled as the original's, and conclusions compare with them.
package enum OriginalFigures {
    /// Where the original measured.
    package static let machine = "Go 1.2x on an Apple laptop; the album server on a cloud VM"

    /// Shared map, 50 tasks × 1,000 writes each: medians in milliseconds.
    package enum Maps {
        package static let tasks = 50
        package static let keysPerTask = 1_000
        package static let mutexMilliseconds = 8.1
        /// With outliers to about 18 ms.
        package static let rwMutexMilliseconds = 8.0
        /// After warm-up (about 7 ms on the first runs).
        package static let syncMapMilliseconds = 3.0
    }

    /// File writes of 100,000 lines, in milliseconds.
    package enum FileWrites {
        package static let lines = 100_000
        package static let unbufferedMilliseconds = 159.0
        package static let bufferedMilliseconds = 7.5
        package static var bufferedSpeedUp: Double { unbufferedMilliseconds / bufferedMilliseconds }
    }

    /// Ping-pong handoff between two goroutines, per handoff in nanoseconds.
    package enum Handoff {
        /// GOMAXPROCS=1, the analogue of `tasks-one-thread`.
        package static let oneProcessorNanoseconds = 103.0
        /// All cores, the analogue of `tasks-pool`.
        package static let allCoresNanoseconds = 145.0
        package static var oneProcessorAdvantage: Double { allCoresNanoseconds / oneProcessorNanoseconds }
    }

    /// Locust, 1 master + 1 worker, 50 users spawned at 10/s, 3:1 GET /albums : POST /albums.
    package enum Service {
        package static let users = 50
        package static let spawnRate = 10.0
        package static let requestsPerSecond = 26.0
        package static let listMedianMilliseconds = 460.0
        package static let listP95Milliseconds = 1_300.0
        package static let listP99Milliseconds = 2_600.0
        package static let listAverageBytes = 1_700_000.0
        package static let createMedianMilliseconds = 55.0
        package static let createP95Milliseconds = 110.0
        package static let createP99Milliseconds = 200.0
        /// With 4 Locust workers instead of 1: the server, not the generator, was the limit.
        package static let fourWorkersRequestsPerSecond = 25.0
        /// FastHttpUser instead of HttpUser raised nothing.
        package static let fastClientGain = "no gain"
    }
}
