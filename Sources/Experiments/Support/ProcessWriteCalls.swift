import Foundation

/// The kernel's count of write-like system calls made by this process so far.
enum ProcessWriteCalls {
    /// The `syscw` field of `/proc/self/io` on Linux; nil where the kernel does not provide it.
    static func count() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("syscw:") {
            return Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
