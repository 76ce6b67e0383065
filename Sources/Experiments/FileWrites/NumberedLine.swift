/// Formats "line <n>\n" into a reused byte buffer, so the experiment measures writing rather
/// than formatting (Go's reference formats with `strconv.AppendInt` into a reused slice).
///
/// Lines come in order, so the next number is usually made by incrementing the previous
/// one's digits in place, as an odometer turns; any other number is formatted in full.
struct NumberedLine {
    private static let prefix: StaticString = "line "
    /// 32 bytes held inline (no reference counting per line): "line <digits>\n", right-aligned
    /// at the end.
    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Where "line " starts in `storage`.
    private var start = 0
    private var lastNumber: Int?

    /// Calls `body` with the UTF-8 bytes of "line \(number)\n"; `number` must not be negative.
    mutating func withBytes<Result>(
        of number: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        precondition(number >= 0, "line numbers are not negative")
        let start = start
        let isNext = lastNumber.map { $0 &+ 1 } == number
        lastNumber = number
        return try withUnsafeMutableBytes(of: &storage) { bytes in
            var lineStart = start
            if !isNext || !Self.incrementDigits(in: bytes, from: start) {
                lineStart = Self.format(number, into: bytes)
            }
            self.start = lineStart
            return try body(UnsafeRawBufferPointer(rebasing: bytes[lineStart...]))
        }
    }

    /// Adds one to the digits after "line " at `start`; false when a new leading digit is needed.
    private static func incrementDigits(in bytes: UnsafeMutableRawBufferPointer, from start: Int) -> Bool {
        var index = bytes.count - 2
        while index >= start + prefix.utf8CodeUnitCount {
            if bytes[index] != UInt8(ascii: "9") {
                bytes[index] += 1
                return true
            }
            bytes[index] = UInt8(ascii: "0")
            index -= 1
        }
        return false
    }

    /// Writes the whole line for `number` at the end of `bytes`; returns where it starts.
    private static func format(_ number: Int, into bytes: UnsafeMutableRawBufferPointer) -> Int {
        var end = bytes.count - 1
        bytes[end] = UInt8(ascii: "\n")
        var remaining = number
        repeat {
            end -= 1
            bytes[end] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        } while remaining > 0
        end -= prefix.utf8CodeUnitCount
        for index in 0..<prefix.utf8CodeUnitCount {
            bytes[end + index] = prefix.utf8Start[index]
        }
        return end
    }
}
