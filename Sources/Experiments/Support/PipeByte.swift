import Foundation

/// One-byte blocking reads and writes on a pipe, retried when a signal interrupts them.
enum PipeByte {
    /// Writes one byte; false when the pipe is closed or broken.
    static func send(to descriptor: Int32) -> Bool {
        var byte: UInt8 = 1
        while true {
            let result = write(descriptor, &byte, 1)
            if result == 1 { return true }
            if result < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Reads one byte; false at end of input or on error.
    static func receive(from descriptor: Int32) -> Bool {
        var byte: UInt8 = 0
        while true {
            let result = read(descriptor, &byte, 1)
            if result == 1 { return true }
            if result < 0 && errno == EINTR { continue }
            return false
        }
    }
}
