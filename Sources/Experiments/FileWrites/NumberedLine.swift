/// Formats "line <n>\n" into a reused byte buffer, as Go's reference formats with
/// `strconv.AppendInt`, so the experiment measures writing rather than string interpolation.
struct NumberedLine {
    private var storage = [UInt8](repeating: 0, count: 32)

    /// Calls `body` with the UTF-8 bytes of "line \(number)\n"; `number` must not be negative.
    mutating func withBytes<Result>(
        of number: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        precondition(number >= 0, "line numbers are not negative")
        return try storage.withUnsafeMutableBytes { buffer in
            let prefix: StaticString = "line "
            var end = buffer.count
            end -= 1
            buffer[end] = UInt8(ascii: "\n")
            var remaining = number
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            end -= prefix.utf8CodeUnitCount
            for index in 0..<prefix.utf8CodeUnitCount {
                buffer[end + index] = prefix.utf8Start[index]
            }
            return try body(UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
    }
}
