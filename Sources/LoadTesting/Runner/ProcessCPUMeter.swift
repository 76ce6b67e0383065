import Foundation

/// Measures this process's CPU time, to tell whether the generator itself was the bottleneck.
struct ProcessCPUMeter {
    private var lastCPUSeconds: Double
    private var lastWallTime: ContinuousClock.Instant

    init() {
        lastCPUSeconds = Self.cpuSeconds()
        lastWallTime = .now
    }

    /// CPU used since the last call, as a share of `threads` fully busy threads (0...1).
    mutating func use(ofThreads threads: Int) -> Double {
        let cpu = Self.cpuSeconds()
        let now = ContinuousClock.Instant.now
        let wall = (now - lastWallTime).seconds
        defer {
            lastCPUSeconds = cpu
            lastWallTime = now
        }
        guard wall > 0 else { return 0 }
        let usable = Double(min(threads, ProcessInfo.processInfo.activeProcessorCount))
        return min(1, (cpu - lastCPUSeconds) / wall / usable)
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
