import Foundation

/// This process's memory use, for the cluster's per-worker table.
enum ProcessMemory {
    /// The peak resident set size in bytes (`getrusage`: kilobytes on Linux, bytes on macOS).
    static func peakResidentBytes() -> UInt64 {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return UInt64(max(0, usage.ru_maxrss)) * 1_024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return UInt64(max(0, usage.ru_maxrss))
        #endif
    }
}
