import Dispatch
import Statistics

extension HandoffExperiment {
    /// Ping-pong between two OS threads, each blocking on a semaphore the other signals.
    static func measureThreads(roundtrips: Int) async -> HandoffRun {
        let pinged = DispatchSemaphore(value: 0)
        let ponged = DispatchSemaphore(value: 0)
        async let answered = onDedicatedThread {
            var answered = 0
            for _ in 0..<roundtrips {
                pinged.wait()
                answered += 1
                ponged.signal()
            }
            return answered
        }
        async let seconds = onDedicatedThread {
            Stopwatch.time {
                for _ in 0..<roundtrips {
                    pinged.signal()
                    ponged.wait()
                }
            }.seconds
        }
        return await HandoffRun(seconds: seconds, roundtrips: answered)
    }
}
