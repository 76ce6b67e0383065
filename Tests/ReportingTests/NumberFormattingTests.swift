import Testing

@testable import Reporting

struct NumberFormattingTests {
    @Test(arguments: [
        (0.012345, "0.0123"), (1.2345, "1.23"), (123.45, "123"), (12_345, "12345"),
        (-1.2345, "-1.23"), (0, "0"), (99.96, "100"), (0.09996, "0.100"), (9.999, "10.0"),
    ])
    func significantKeepsThreeDigits(value: Double, expected: String) {
        #expect(NumberFormatting.significant(value) == expected)
    }

    @Test func significantHonoursTheDigitCount() {
        #expect(NumberFormatting.significant(3.14159, digits: 5) == "3.1416")
        #expect(NumberFormatting.significant(3.14159, digits: 1) == "3")
    }

    @Test func nonFiniteValuesAreNamed() {
        #expect(NumberFormatting.significant(.nan) == "n/a")
        #expect(NumberFormatting.significant(.infinity) == "inf")
        #expect(NumberFormatting.significant(-.infinity) == "-inf")
    }

    @Test func unitsAreConvertedFromSeconds() {
        #expect(NumberFormatting.milliseconds(fromSeconds: 0.012345) == "12.3 ms")
        #expect(NumberFormatting.nanoseconds(fromSeconds: 0.000000215) == "215 ns")
        #expect(NumberFormatting.ratio(23.45) == "23.4x")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (50_000, "50,000"), (-1_234_567, "-1,234,567")])
    func groupedSeparatesThousands(value: Int, expected: String) {
        #expect(NumberFormatting.grouped(value) == expected)
    }

    @Test(arguments: [(42.0, "42"), (3.5, "3.5"), (0.012345, "0.0123"), (2.5, "2.5"), (1_200_000, "1,200,000"), (-1_500, "-1,500"), (.nan, "n/a")])
    func chartValuesDropTrailingZeros(value: Double, expected: String) {
        #expect(NumberFormatting.chartValue(value) == expected)
    }
}
