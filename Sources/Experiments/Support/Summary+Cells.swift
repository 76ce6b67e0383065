import Reporting
import Statistics

extension Summary {
    /// Median, min and max as table cells, for a summary of milliseconds: "12.3 ms".
    var millisecondCells: [String] {
        cells(unit: "ms")
    }

    /// Median, min and max as table cells, for a summary of nanoseconds: "215 ns".
    var nanosecondCells: [String] {
        cells(unit: "ns")
    }

    private func cells(unit: String) -> [String] {
        [median, min, max].map { NumberFormatting.significant($0) + " " + unit }
    }
}
