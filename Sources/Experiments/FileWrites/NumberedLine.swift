/// Formats "line <n>\n" into a reused byte buffer, so the experiment measures writing rather
/// than formatting (Go's reference formats with `strconv.AppendInt` into a reused slice).
///
/// Lines come in order, so the next number is usually made by incrementing the previous
/// one's digits in place, as an odometer turns; any other number is formatted in full.
struct NumberedLine {
    private static let prefix: StaticString = "line "
    /// "line <digits>\n", right-aligned at the end; inline, so no reference counting per line.
    private var storage = InlineArray<32, UInt8>(repeating: 0)
    /// Where "line " starts in `storage`.
    private var start = 0
    private var lastNumber: Int?

    /// Calls `body` with the UTF-8 bytes of "line \(number)\n"; `number` must not be negative.
    mutating func withBytes<Result>(
        of number: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        precondition(number >= 0, "line numbers are not negative")
        if lastNumber.map({ $0 &+ 1 }) != number || !incrementDigits() {
            format(number)
        }
        lastNumber = number
        return try storage.span.withUnsafeBytes { bytes in try body(UnsafeRawBufferPointer(rebasing: bytes[start...])) }
    }

    /// Adds one to the digits in place; false when a new leading digit is needed.
    private mutating func incrementDigits() -> Bool {
        let firstDigit = start + Self.prefix.utf8CodeUnitCount
        var index = storage.count - 2
        while index >= firstDigit {
            if storage[index] != UInt8(ascii: "9") {
                storage[index] += 1
                return true
            }
            storage[index] = UInt8(ascii: "0")
            index -= 1
        }
        return false
    }

    private mutating func format(_ number: Int) {
        var end = storage.count - 1
        storage[end] = UInt8(ascii: "\n")
        var remaining = number
        repeat {
            end -= 1
            storage[end] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        } while remaining > 0
        end -= Self.prefix.utf8CodeUnitCount
        for index in 0..<Self.prefix.utf8CodeUnitCount {
            storage[end + index] = Self.prefix.utf8Start[index]
        }
        start = end
    }
}
