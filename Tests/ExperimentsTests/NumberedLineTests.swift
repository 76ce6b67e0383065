import Testing

@testable import Experiments

struct NumberedLineTests {
    private func text(_ line: inout NumberedLine, _ number: Int) -> String {
        line.withBytes(of: number) { String(decoding: $0, as: UTF8.self) }
    }

    @Test func formatsEveryNumberInOrderAcrossNewDigits() {
        var line = NumberedLine()
        for number in 0...1_001 {
            #expect(text(&line, number) == "line \(number)\n")
        }
    }

    @Test func formatsNumbersOutOfOrder() {
        var line = NumberedLine()
        for number in [7, 7, 123_456_789, 5, 6, 99, 100, Int.max, 0] {
            #expect(text(&line, number) == "line \(number)\n")
        }
    }
}
