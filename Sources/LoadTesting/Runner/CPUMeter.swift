import Foundation

/// CPU time used between two readings, as a share of some number of fully busy threads: how a
/// generator tells whether it was itself the bottleneck.
struct CPUMeter {
    private var lastCPUSeconds: Double
    private var lastWallTime: ContinuousClock.Instant

    /// Starts measuring from a reading of `cpuSeconds` (from `processSeconds()` or a sum of
    /// `currentThreadSeconds()`).
    init(cpuSeconds: Double) {
        lastCPUSeconds = cpuSeconds
        lastWallTime = .now
    }

    /// CPU used since the last reading, now `cpuSeconds`, as a share of `threads` fully busy
    /// threads (0...1).
    mutating func use(cpuSeconds: Double, ofThreads threads: Int) -> Double {
        let now = ContinuousClock.Instant.now
        let wall = (now - lastWallTime).seconds
        defer {
            lastCPUSeconds = cpuSeconds
            lastWallTime = now
        }
        guard wall > 0 else { return 0 }
        let usable = Double(min(threads, ProcessInfo.processInfo.activeProcessorCount))
        return min(1, max(0, cpuSeconds - lastCPUSeconds) / wall / usable)
    }

    /// This process's CPU time so far, user and system, in seconds.
    static func processSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The calling thread's CPU time so far, in seconds (POSIX `CLOCK_THREAD_CPUTIME_ID`, on
    /// Linux and macOS).
    static func currentThreadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
