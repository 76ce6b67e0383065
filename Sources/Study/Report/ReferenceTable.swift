import Reporting
import Statistics

/// This machine's medians beside the original's figures, in one table whose original column
/// is labelled as such.
enum ReferenceTable {
    /// One variant: its measured runs here and what the original measured ("-" when it did not).
    struct Row {
        let label: String
        let here: Summary?
        let original: String
    }

    static func make(title: String, unit: String, rows: [Row], notes: [String]) -> Table {
        var table = Table(
            title: title,
            columns: [
                .init("variant", alignment: .left), .init("this machine: median \(unit)"), .init("min–max \(unit)"),
                .init("the original (Go)", alignment: .left),
            ],
            notes: notes + ["The original: \(OriginalFigures.machine)."])
        for row in rows {
            table.append([
                row.label,
                row.here.map { NumberFormatting.significant($0.median) } ?? "-",
                row.here.map { "\(NumberFormatting.significant($0.min))–\(NumberFormatting.significant($0.max))" } ?? "-",
                row.original,
            ])
        }
        return table
    }
}
